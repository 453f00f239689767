// Structural dimension: required sections, their order, their balance,
// the heading outline inside them and leftovers of templates.

#include "core/quality/qualitychecks.h"

#include <cmath>

namespace Madf::QualityChecks {

using QualityScan::SectionKind;
using QualityScan::SectionScan;

namespace {

// Balance: sections outside 25%–300% of the average body section are flagged;
// the spread (coefficient of variation) costs nothing up to 0.5 and
// everything at 1.5.
constexpr double ShortSectionShare = 0.25;
constexpr double LongSectionShare = 3.0;
constexpr double EvenSpread = 0.5;
constexpr double WorstSpread = 1.5;
// Heading and format problems each take this much off their component.
constexpr double PenaltyPerProblem = 0.25;

QualityFinding finding(const QString &check, Severity severity, const QString &message, const QString &section = {})
{
    return QualityFinding {QualityDimension::Structural, check, severity, message, section};
}

void checkRequiredSections(const Context &c, CheckResult &out)
{
    const QStringList &required = c.options.requiredSections;
    if (required.isEmpty()) {
        out.measure(QStringLiteral("required_sections"), 1.0,
                    tr("No sections are required for a %1").arg(c.request.effectiveType()));
        return;
    }
    QStringList missing;
    for (const QString &name : required) {
        const bool present = std::any_of(c.scan.sections.cbegin(), c.scan.sections.cend(),
                                         [&](const SectionScan &s) { return QualityScan::titleMatches(s.title, name); });
        if (present)
            continue;
        missing.append(name);
        out.findings.append(finding(QStringLiteral("required_section"), Severity::Major,
                                    tr("Required section '%1' is missing; every %2 needs one")
                                        .arg(name, c.request.effectiveType())));
    }
    const int present = int(required.size() - missing.size());
    QString detail = tr("%1 of %2 required sections present").arg(present).arg(required.size());
    if (!missing.isEmpty())
        detail += tr(" (missing: %1)").arg(missing.join(QLatin1String(", ")));
    out.measure(QStringLiteral("required_sections"), double(present) / double(required.size()), detail);
}

void checkOrder(const Context &c, CheckResult &out)
{
    const QList<SectionScan> &sections = c.scan.sections;
    int checked = 0;
    int misplaced = 0;
    auto place = [&](qsizetype index, auto isWrongNeighbour, qsizetype from, qsizetype to, const char *message) {
        ++checked;
        for (qsizetype j = from; j < to; ++j) {
            if (!isWrongNeighbour(sections.at(j).kind))
                continue;
            ++misplaced;
            out.findings.append(finding(QStringLiteral("section_order"), Severity::Minor,
                                        tr(message).arg(sections.at(index).title, sections.at(j).title),
                                        sections.at(index).title));
            return;
        }
    };

    for (qsizetype i = 0; i < sections.size(); ++i) {
        const SectionKind kind = sections.at(i).kind;
        const QStringList words = QualityScan::stemmedWords(sections.at(i).title);
        const bool summary = kind == SectionKind::Front
                             && (words.value(0) == u"abstract" || QualityScan::titleMatches(sections.at(i).title, QStringLiteral("Executive Summary")));
        if (summary) {
            place(i, [](SectionKind k) { return k != SectionKind::Front && k != SectionKind::Back; }, 0, i,
                  QT_TRANSLATE_NOOP("Madf::QualityChecks", "Section '%1' comes after '%2'; it should open the document"));
        }
    }
    const auto firstIntro = std::find_if(sections.cbegin(), sections.cend(),
                                         [](const SectionScan &s) { return s.kind == SectionKind::Introduction; });
    if (firstIntro != sections.cend()) {
        const qsizetype i = firstIntro - sections.cbegin();
        place(i, [](SectionKind k) { return k == SectionKind::Body || k == SectionKind::Conclusion; }, 0, i,
              QT_TRANSLATE_NOOP("Madf::QualityChecks", "Section '%1' comes after '%2'; the introduction should come first"));
    }
    const auto lastConclusion = std::find_if(sections.crbegin(), sections.crend(),
                                             [](const SectionScan &s) { return s.kind == SectionKind::Conclusion; });
    if (lastConclusion != sections.crend()) {
        const qsizetype i = sections.size() - 1 - (lastConclusion - sections.crbegin());
        place(i, [](SectionKind k) { return k == SectionKind::Body || k == SectionKind::Introduction; }, i + 1,
              sections.size(),
              QT_TRANSLATE_NOOP("Madf::QualityChecks", "Section '%1' is followed by '%2'; the conclusion should come last"));
    }

    if (checked == 0) {
        out.measure(QStringLiteral("section_order"), 1.0, tr("No introduction or conclusion to place"));
        return;
    }
    out.measure(QStringLiteral("section_order"), double(checked - misplaced) / checked,
                tr("%1 of %2 placed sections in place").arg(checked - misplaced).arg(checked));
}

void checkBalance(const Context &c, CheckResult &out)
{
    QList<const SectionScan *> body;
    for (const SectionScan &s : c.scan.sections) {
        // Abstracts and reference lists are short by nature; empty sections
        // are the format check's concern.
        if (s.kind != SectionKind::Front && s.kind != SectionKind::Back && !s.isEmpty())
            body.append(&s);
    }
    if (body.size() < 2) {
        out.measure(QStringLiteral("section_balance"), 1.0, tr("Fewer than two body sections to compare"));
        return;
    }
    double mean = 0.0;
    for (const SectionScan *s : body)
        mean += s->words;
    mean /= double(body.size());
    double variance = 0.0;
    for (const SectionScan *s : body)
        variance += (s->words - mean) * (s->words - mean);
    const double cv = std::sqrt(variance / double(body.size())) / mean;

    int flagged = 0;
    for (const SectionScan *s : body) {
        const double share = s->words / mean;
        if (share >= ShortSectionShare && share <= LongSectionShare)
            continue;
        ++flagged;
        out.findings.append(finding(QStringLiteral("section_balance"), Severity::Minor,
                                    tr("Section '%1' has %2 words, %3% of the average (%4)")
                                        .arg(s->title, formatCount(s->words), QString::number(qRound(share * 100)),
                                             formatCount(qRound(mean))),
                                    s->title));
    }
    const double spreadScore = 1.0 - qBound(0.0, (cv - EvenSpread) / (WorstSpread - EvenSpread), 1.0);
    const double outlierScore = 1.0 - double(flagged) / double(body.size());
    out.measure(QStringLiteral("section_balance"), 0.5 * spreadScore + 0.5 * outlierScore,
                tr("Variation %1 over %2 sections; %3 outside 25–300% of the average")
                    .arg(formatScore(cv, 2))
                    .arg(body.size())
                    .arg(flagged));
}

void checkHeadings(const Context &c, CheckResult &out)
{
    int problems = 0;
    int headings = 0;
    for (const SectionScan &s : c.scan.sections) {
        // The section's own title sits at level 2 ("## Title"), so its
        // subheadings start at level 3.
        int previous = 2;
        for (const MarkdownBlock &block : s.blocks) {
            if (block.kind != MarkdownBlock::Kind::Heading)
                continue;
            ++headings;
            if (block.level == 1) {
                ++problems;
                out.findings.append(finding(QStringLiteral("heading_hierarchy"), Severity::Minor,
                                            tr("Section '%1' contains the top-level heading '# %2'; use ### inside sections")
                                                .arg(s.title, block.text),
                                            s.title));
            } else if (block.level > previous + 1) {
                ++problems;
                out.findings.append(finding(QStringLiteral("heading_hierarchy"), Severity::Minor,
                                            tr("Heading '%1' in section '%2' skips from level %3 to level %4")
                                                .arg(block.text, s.title, QString::number(previous),
                                                     QString::number(block.level)),
                                            s.title));
            }
            previous = qMax(2, block.level);
        }
    }
    out.measure(QStringLiteral("heading_hierarchy"), 1.0 - PenaltyPerProblem * problems,
                tr("%1 headings inside sections, %2 out of order").arg(headings).arg(problems));
}

void checkFormat(const Context &c, CheckResult &out)
{
    int problems = 0;
    for (const SectionScan &s : c.scan.sections) {
        if (s.isEmpty()) {
            ++problems;
            out.findings.append(finding(QStringLiteral("empty_section"), Severity::Major,
                                        s.title.isEmpty() ? tr("A section without a title is empty")
                                                          : tr("Section '%1' is empty").arg(s.title),
                                        s.title));
        }
        if (s.title.isEmpty() && !s.isEmpty()) {
            ++problems;
            out.findings.append(finding(QStringLiteral("untitled_section"), Severity::Minor,
                                        tr("A section of %1 words has no title").arg(formatCount(s.words))));
        }
        for (const QString &marker : s.markers) {
            ++problems;
            out.findings.append(finding(QStringLiteral("template_marker"), Severity::Major,
                                        tr("Section '%1' contains the placeholder '%2'").arg(s.title, marker),
                                        s.title));
        }
    }
    out.measure(QStringLiteral("format"), 1.0 - PenaltyPerProblem * problems,
                problems == 0 ? tr("No empty sections or placeholders")
                              : tr("%1 empty sections or placeholders").arg(problems));
}

} // namespace

CheckResult structural(const Context &context)
{
    CheckResult out;
    if (context.scan.sections.isEmpty()) {
        // Nothing to weigh: every structural measure fails, said once.
        const QString none = tr("The document has no sections");
        for (const char *name : {"required_sections", "section_order", "section_balance", "heading_hierarchy", "format"})
            out.measure(QLatin1String(name), 0.0, none);
        out.findings.append(finding(QStringLiteral("no_sections"), Severity::Critical, none));
        return out;
    }
    checkRequiredSections(context, out);
    checkOrder(context, out);
    checkBalance(context, out);
    checkHeadings(context, out);
    checkFormat(context, out);
    return out;
}

} // namespace Madf::QualityChecks
