// Accuracy dimension: citations that resolve to real sources, citations
// where they are required, and the model's claim checks and score.

#include "core/quality/qualitychecks.h"

#include <QMap>

namespace Madf::QualityChecks {

using QualityScan::SectionKind;
using QualityScan::SectionScan;

namespace {

QualityFinding finding(const QString &check, Severity severity, const QString &message, const QString &section = {})
{
    return QualityFinding {QualityDimension::Accuracy, check, severity, message, section};
}

QString citationList(const QList<int> &numbers)
{
    QStringList parts;
    for (const int n : numbers)
        parts.append(QStringLiteral("[%1]").arg(n));
    return parts.join(QLatin1String(", "));
}

void checkCitationsResolve(const Context &c, CheckResult &out)
{
    const int sources = c.options.sourceCount;
    int total = 0;
    int unresolved = 0;
    for (const SectionScan &s : c.scan.sections) {
        QList<int> bad;
        for (const int n : s.citations) {
            ++total;
            if (n >= 1 && n <= sources)
                continue;
            ++unresolved;
            if (!bad.contains(n))
                bad.append(n);
        }
        if (bad.isEmpty())
            continue;
        const QString message =
            sources == 0   ? tr("Section '%1' cites %2, but no sources are available").arg(s.title, citationList(bad))
            : sources == 1 ? tr("Section '%1' cites %2, but the only source is [1]").arg(s.title, citationList(bad))
                           : tr("Section '%1' cites %2, but only sources [1]–[%3] exist")
                                 .arg(s.title, citationList(bad), QString::number(sources));
        out.findings.append(finding(QStringLiteral("unresolved_citation"), Severity::Major, message, s.title));
    }
    if (total == 0) {
        out.measure(QStringLiteral("citations_resolved"), 1.0, tr("No citations to resolve"));
        return;
    }
    out.measure(QStringLiteral("citations_resolved"), double(total - unresolved) / double(total),
                tr("%1 of %2 citations match one of %3 sources").arg(total - unresolved).arg(total).arg(sources));
}

void checkCitationCoverage(const Context &c, CheckResult &out)
{
    if (!c.options.requireCitations)
        return;
    // Abstracts, conclusions and reference lists restate or list what the
    // body cites; they need no citations of their own.
    QList<const SectionScan *> body;
    for (const SectionScan &s : c.scan.sections) {
        if ((s.kind == SectionKind::Introduction || s.kind == SectionKind::Body) && !s.isEmpty())
            body.append(&s);
    }
    if (body.isEmpty())
        return;
    if (c.options.sourceCount == 0) {
        out.findings.append(finding(QStringLiteral("missing_citations"), Severity::Major,
                                    tr("Citations are required, but no sources were available to cite")));
    }
    int cited = 0;
    QStringList uncited;
    for (const SectionScan *s : std::as_const(body)) {
        if (!s->citations.isEmpty())
            ++cited;
        else
            uncited.append(s->title);
    }
    if (cited == 0) {
        out.findings.append(finding(QStringLiteral("missing_citations"), Severity::Major,
                                    tr("No section cites a source, but this document requires citations")));
    } else {
        for (const QString &title : std::as_const(uncited))
            out.findings.append(finding(QStringLiteral("missing_citations"), Severity::Minor,
                                        tr("Section '%1' cites no source").arg(title), title));
    }
    out.measure(QStringLiteral("citation_coverage"), double(cited) / double(body.size()),
                tr("%1 of %2 body sections cite a source").arg(cited).arg(body.size()));
}

void checkClaims(const Context &c, CheckResult &out)
{
    if (!c.rubric.rubric || c.rubric.rubric->claims.isEmpty())
        return;
    QMap<ClaimVerdict, int> counts;
    double sum = 0.0;
    for (const ClaimCheck &claim : c.rubric.rubric->claims) {
        ++counts[claim.verdict];
        switch (claim.verdict) {
        case ClaimVerdict::Verified:
            sum += 1.0;
            break;
        case ClaimVerdict::Uncertain:
            sum += 0.5;
            out.findings.append(finding(QStringLiteral("uncertain_claim"), Severity::Minor,
                                        claim.note.isEmpty()
                                            ? tr("Claim could not be verified: %1").arg(quoted(claim.text))
                                            : tr("Claim could not be verified: %1 (%2)").arg(quoted(claim.text), claim.note)));
            break;
        case ClaimVerdict::Contradicted:
            out.findings.append(finding(QStringLiteral("contradicted_claim"), Severity::Critical,
                                        claim.note.isEmpty()
                                            ? tr("Claim contradicts the research: %1").arg(quoted(claim.text))
                                            : tr("Claim contradicts the research: %1 (%2)").arg(quoted(claim.text), claim.note)));
            break;
        }
    }
    const qsizetype total = c.rubric.rubric->claims.size();
    out.measure(QStringLiteral("claim_checks"), sum / double(total),
                tr("%1 claims: %2 verified, %3 uncertain, %4 contradicted")
                    .arg(total)
                    .arg(counts.value(ClaimVerdict::Verified))
                    .arg(counts.value(ClaimVerdict::Uncertain))
                    .arg(counts.value(ClaimVerdict::Contradicted)),
                true);
}

} // namespace

CheckResult accuracy(const Context &context)
{
    CheckResult out;
    checkCitationsResolve(context, out);
    checkCitationCoverage(context, out);
    checkClaims(context, out);
    if (context.rubric.accuracy) {
        out.measure(QStringLiteral("model_accuracy"), *context.rubric.accuracy,
                    tr("Accuracy %1 as judged by the verification model").arg(formatScore(*context.rubric.accuracy, 2)),
                    true);
    }
    const bool modelJudged = context.rubric.accuracy || (context.rubric.rubric && !context.rubric.rubric->claims.isEmpty());
    if (!modelJudged) {
        out.findings.append(finding(QStringLiteral("model_unverified"), Severity::Info,
                                    context.rubric.rubric
                                        ? tr("Accuracy not verified by a model: the model's rubric gave no accuracy "
                                             "score and no claim checks; the score rests on citation checks only")
                                        : tr("Accuracy not verified by a model: no usable rubric from the verification "
                                             "model; the scores rest on local measures only")));
    }
    return out;
}

} // namespace Madf::QualityChecks
