// Completeness dimension: requirements covered, length on target, and the
// model's completeness score.

#include "core/quality/qualitychecks.h"
#include "core/quality/textutil.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <cmath>

namespace Madf::QualityChecks {

using QualityScan::SectionScan;

namespace {

// A requirement is covered when this share of its key terms appears.
constexpr double CoveredTermShare = 0.60;
// Length: full marks within ±10% of the target, none beyond ±50%.
constexpr double LengthTolerance = 0.10;
constexpr double LengthLimit = 0.50;
constexpr double MajorLengthMiss = 0.25;

QualityFinding finding(const QString &check, Severity severity, const QString &message, const QString &section = {})
{
    return QualityFinding {QualityDimension::Completeness, check, severity, message, section};
}

// The terms (sorted, unique) that the document uses. Each word is looked
// up among the few terms; a set of every word in the document would cost
// an allocation per word.
QSet<QString> usedTerms(const QualityScan::DocumentScan &scan, const QStringList &terms)
{
    QSet<QString> used;
    QVarLengthArray<QChar, 64> word;
    auto search = [&](QStringView text) {
        qsizetype i = 0;
        while (i < text.size() && used.size() < terms.size()) {
            while (i < text.size() && !text[i].isLetter())
                ++i;
            qsizetype end = i;
            while (end < text.size() && text[end].isLetter())
                ++end;
            // Three letters can be a stemmed four-letter term ("uses" -> "use").
            if (end - i >= 3) {
                word.resize(end - i);
                for (qsizetype k = 0; k < word.size(); ++k)
                    word[k] = QualityText::lower(text[i + k]);
                const QStringView stemmed(word.data(), QualityScan::stemInPlace(word.data(), word.size()));
                const auto it = std::lower_bound(terms.cbegin(), terms.cend(), stemmed,
                                                 [](const QString &a, QStringView b) { return QStringView(a) < b; });
                if (it != terms.cend() && QStringView(*it) == stemmed)
                    used.insert(*it);
            }
            i = end;
        }
    };
    search(scan.title);
    for (const SectionScan &s : scan.sections) {
        search(s.title);
        for (const MarkdownBlock &block : s.blocks) {
            if (block.isText())
                search(block.text);
        }
    }
    return used;
}

void checkRequirements(const Context &c, CheckResult &out)
{
    // Key terms are folded ("buses" -> "buse"); findings show the words as written.
    QHash<QString, QString> written;
    for (const QString &requirement : c.request.requirements) {
        const QString lower = requirement.toLower();
        qsizetype start = -1;
        for (qsizetype i = 0; i <= lower.size(); ++i) {
            const bool letter = i < lower.size() && lower[i].isLetter();
            if (letter && start < 0)
                start = i;
            if (!letter && start >= 0) {
                const QString word = lower.mid(start, i - start);
                written.insert(QualityScan::stem(word), word);
                start = -1;
            }
        }
    }
    QList<QPair<QString, QStringList>> checkable;
    for (const QString &requirement : c.request.requirements) {
        const QStringList terms = QualityAssessor::keyTerms(requirement);
        if (!terms.isEmpty())
            checkable.append({requirement.trimmed(), terms});
    }
    if (checkable.isEmpty())
        return;

    QStringList allTerms;
    for (const auto &entry : std::as_const(checkable))
        allTerms += entry.second;
    allTerms.sort();
    allTerms.removeDuplicates();
    const QSet<QString> words = usedTerms(c.scan, allTerms);
    int covered = 0;
    for (const auto &[requirement, terms] : std::as_const(checkable)) {
        QStringList missing;
        for (const QString &term : terms) {
            if (!words.contains(term))
                missing.append(written.value(term, term));
        }
        const double share = 1.0 - double(missing.size()) / double(terms.size());
        if (share >= CoveredTermShare) {
            ++covered;
            continue;
        }
        out.findings.append(finding(QStringLiteral("requirement_coverage"), Severity::Major,
                                    tr("Requirement not covered: %1 (missing: %2)")
                                        .arg(quoted(requirement, 120), missing.join(QLatin1String(", ")))));
    }
    out.measure(QStringLiteral("requirement_coverage"), double(covered) / double(checkable.size()),
                tr("%1 of %2 requirements covered").arg(covered).arg(checkable.size()));
}

void checkLength(const Context &c, CheckResult &out)
{
    const int target = c.request.targetLength;
    if (target <= 0)
        return;
    const int words = c.scan.words;
    const double deviation = double(words - target) / double(target);
    const double miss = std::abs(deviation);
    const double score = 1.0 - qBound(0.0, (miss - LengthTolerance) / (LengthLimit - LengthTolerance), 1.0);
    out.measure(QStringLiteral("length"), score,
                tr("%1 words for a target of %2 (±10% allowed)").arg(formatCount(words), formatCount(target)));
    if (miss <= LengthTolerance)
        return;
    const QString message = deviation < 0
                                ? tr("The document has %1 words, %2% short of the %3-word target (±10% allowed)")
                                : tr("The document has %1 words, %2% over the %3-word target (±10% allowed)");
    out.findings.append(finding(QStringLiteral("length"), miss > MajorLengthMiss ? Severity::Major : Severity::Minor,
                                message.arg(formatCount(words)).arg(qRound(miss * 100)).arg(formatCount(target))));
}

} // namespace

CheckResult completeness(const Context &context)
{
    CheckResult out;
    checkRequirements(context, out);
    checkLength(context, out);
    if (context.rubric.completeness) {
        out.measure(QStringLiteral("model_completeness"), *context.rubric.completeness,
                    tr("Completeness %1 as judged by the verification model")
                        .arg(formatScore(*context.rubric.completeness, 2)),
                    true);
    }
    return out;
}

} // namespace Madf::QualityChecks
