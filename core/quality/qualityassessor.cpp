#include "core/quality/qualityassessor.h"

#include "core/quality/documentscan.h"
#include "core/quality/qualitychecks.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <cmath>

namespace Madf {

namespace {

using namespace Qt::StringLiterals;

struct Weight
{
    const char *component;
    double weight;
};

// Weights of the components within each dimension. Components that were not
// measured (no rubric, citations not required, no checkable requirement)
// drop out and the others are scaled up to sum to 1, so a missing measure
// is never replaced by a made-up score.

// Structural: a missing required section is what a reader and the workflow
// notice first, so it weighs most; empty sections and placeholders, and
// badly unbalanced sections, are next; order and heading levels are
// comparatively cosmetic.
constexpr Weight StructuralWeights[] = {
    {"required_sections", 0.35}, {"section_order", 0.15}, {"section_balance", 0.20},
    {"heading_hierarchy", 0.10}, {"format", 0.20},
};
// Content: readability for the audience is the one content property we can
// measure well locally; repetition is the coherence failure models fall
// into; sentence length is a weak signal. The model judges coherence and
// clarity as a reader would, so with a rubric it holds 40%.
constexpr Weight ContentWeights[] = {
    {"readability", 0.30}, {"sentence_variety", 0.10}, {"repetition", 0.20},
    {"model_coherence", 0.20}, {"model_clarity", 0.20},
};
// Accuracy: whether the facts are right can only be checked against the
// research, which is the model's job (claim checks and its score, 70%).
// Locally we can only check that citations point at real sources and that
// they are there when required.
constexpr Weight AccuracyWeights[] = {
    {"citations_resolved", 0.15}, {"citation_coverage", 0.15},
    {"claim_checks", 0.35}, {"model_accuracy", 0.35},
};
// Completeness: the user's explicit requirements matter most; length is
// exact but coarse; the model judges depth, which no word count shows.
constexpr Weight CompletenessWeights[] = {
    {"requirement_coverage", 0.40}, {"length", 0.25}, {"model_completeness", 0.35},
};

template<size_t N>
double nominalWeight(const Weight (&weights)[N], const QString &component)
{
    for (const Weight &w : weights) {
        if (component == QLatin1String(w.component))
            return w.weight;
    }
    Q_ASSERT_X(false, "QualityAssessor", "component without a weight");
    return 0.0;
}

// Adds the dimension's components to the report and returns its score.
template<size_t N>
double weigh(const Weight (&weights)[N], QLatin1String dimension, QualityChecks::CheckResult result,
             QualityReport &report)
{
    double total = 0.0;
    for (const QualityChecks::Measure &m : std::as_const(result.measures))
        total += nominalWeight(weights, m.name);
    double score = 0.0;
    for (const QualityChecks::Measure &m : std::as_const(result.measures)) {
        const double weight = total > 0.0 ? nominalWeight(weights, m.name) / total : 0.0;
        score += weight * m.score;
        report.components.append(QualityComponent {dimension, m.name, m.score, weight, m.detail, m.fromModel});
    }
    if (total <= 0.0) {
        result.findings.append(QualityFinding {dimension, u"not_measured"_s, Severity::Info,
                                               QualityChecks::tr("Nothing in this dimension could be measured"), QString()});
    }
    report.findings += result.findings;
    return qBound(0.0, score, 1.0);
}

std::optional<double> validScore(const std::optional<double> &score, QLatin1String dimension, const char *name,
                                 QList<QualityFinding> &findings)
{
    if (!score)
        return std::nullopt;
    if (std::isfinite(*score) && *score >= 0.0 && *score <= 1.0)
        return score;
    findings.append(QualityFinding {dimension, u"model_score_invalid"_s, Severity::Info,
                                    QualityChecks::tr("The model's %1 score (%2) is outside 0–1 and was ignored")
                                        .arg(QLatin1String(name), QString::number(*score)),
                                    QString()});
    return std::nullopt;
}

bool containsAnyWord(const QStringList &words, std::initializer_list<const char16_t *> candidates)
{
    for (const char16_t *candidate : candidates) {
        if (words.contains(QString::fromUtf16(candidate)))
            return true;
    }
    return false;
}

const QSet<QString> &stopWords()
{
    static const QSet<QString> set {
        u"about"_s, u"above"_s, u"after"_s, u"again"_s, u"against"_s, u"also"_s, u"although"_s, u"always"_s,
        u"among"_s, u"another"_s, u"because"_s, u"been"_s, u"before"_s, u"being"_s, u"below"_s, u"between"_s,
        u"both"_s, u"could"_s, u"does"_s, u"doing"_s, u"down"_s, u"during"_s, u"each"_s, u"either"_s, u"else"_s,
        u"enough"_s, u"even"_s, u"ever"_s, u"every"_s, u"from"_s, u"further"_s, u"have"_s, u"having"_s,
        u"here"_s, u"however"_s, u"into"_s, u"itself"_s, u"just"_s, u"least"_s, u"less"_s, u"like"_s,
        u"make"_s, u"made"_s, u"many"_s, u"more"_s, u"most"_s, u"much"_s, u"must"_s, u"need"_s, u"needs"_s,
        u"only"_s, u"other"_s, u"others"_s, u"over"_s, u"same"_s, u"should"_s, u"since"_s, u"some"_s,
        u"such"_s, u"than"_s, u"that"_s, u"their"_s, u"them"_s, u"then"_s, u"there"_s, u"these"_s, u"they"_s,
        u"this"_s, u"those"_s, u"through"_s, u"thus"_s, u"under"_s, u"until"_s, u"upon"_s, u"very"_s,
        u"what"_s, u"when"_s, u"where"_s, u"whether"_s, u"which"_s, u"while"_s, u"will"_s, u"with"_s,
        u"within"_s, u"without"_s, u"would"_s, u"your"_s, u"yours"_s,
        // The wording of instructions, not their subject.
        u"include"_s, u"includes"_s, u"including"_s, u"ensure"_s, u"sure"_s, u"please"_s, u"discuss"_s,
        u"discusses"_s, u"describe"_s, u"describes"_s, u"explain"_s, u"explains"_s, u"cover"_s, u"covers"_s,
        u"covering"_s, u"mention"_s, u"mentions"_s, u"provide"_s, u"provides"_s, u"give"_s, u"gives"_s,
        u"write"_s, u"written"_s, u"document"_s, u"article"_s, u"section"_s, u"sections"_s, u"paper"_s,
        u"report"_s, u"essay"_s, u"post"_s, u"text"_s, u"content"_s, u"using"_s, u"used"_s, u"well"_s,
        u"keep"_s, u"keeps"_s, u"focus"_s, u"focuses"_s, u"address"_s, u"addresses"_s, u"highlight"_s,
        u"briefly"_s, u"brief"_s, u"clearly"_s, u"clear"_s, u"detail"_s, u"details"_s, u"detailed"_s,
        u"word"_s, u"words"_s, u"topic"_s, u"reader"_s, u"readers"_s, u"audience"_s, u"least"_s,
    };
    return set;
}

} // namespace

namespace QualityChecks {

QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::QualityChecks", text);
}

// The C locale (tests, CI, LANG unset) prints 5000; people read 5,000 better.
QString formatCount(qint64 n)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    return locale.toString(n);
}

QString formatScore(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString quoted(const QString &text, int maxChars)
{
    QString simple = text.simplified();
    if (simple.size() > maxChars)
        simple = simple.left(maxChars - 1).trimmed() + u'\u2026';
    return u'\u201C' + simple + u'\u201D';
}

} // namespace QualityChecks

AssessOptions AssessOptions::forRequest(const DocumentRequest &request, int sourceCount, bool requireSources)
{
    AssessOptions options;
    options.requiredSections = QualityAssessor::requiredSectionsFor(request.effectiveType());
    options.sourceCount = sourceCount;
    options.requireCitations = requireSources || request.effectiveType() == u"paper";
    options.audience = request.audience;
    return options;
}

QString ReadabilityTarget::label() const
{
    if (audienceClass == u"expert")
        return QualityChecks::tr("an expert audience");
    if (audienceClass == u"beginner")
        return QualityChecks::tr("beginners");
    if (audienceClass == u"business")
        return QualityChecks::tr("a business audience");
    return QualityChecks::tr("a general audience");
}

namespace QualityAssessor {

QStringList requiredSectionsFor(const QString &documentType)
{
    const QString type = documentType.trimmed().toLower();
    if (type == u"blog")
        return {};
    if (type == u"paper")
        return {u"Abstract"_s, u"Introduction"_s, u"Conclusion"_s};
    if (type == u"report")
        return {u"Executive Summary"_s, u"Introduction"_s, u"Conclusion/Recommendations"_s};
    if (type == u"documentation")
        return {u"Overview"_s};
    // article, essay, and anything unknown (which the pipeline treats as an article)
    return {u"Introduction"_s, u"Conclusion"_s};
}

ReadabilityTarget readabilityTargetFor(const QString &audience)
{
    const QStringList words = QualityScan::stemmedWords(audience);
    // Beginners first: "technical beginners" still need plain text.
    if (containsAnyWord(words, {u"child", u"children", u"kid", u"beginner", u"novice", u"young", u"elementary",
                                u"newcomer", u"learner"}))
        return {u"beginner"_s, 70.0, 90.0, 4.0, 8.0};
    if (containsAnyWord(words, {u"executive", u"business", u"manager", u"management", u"leadership",
                                u"stakeholder", u"investor", u"board"}))
        return {u"business"_s, 40.0, 60.0, 10.0, 14.0};
    if (containsAnyWord(words, {u"expert", u"technical", u"academic", u"researcher", u"research", u"scientist",
                                u"engineer", u"developer", u"specialist", u"professional", u"scholar",
                                u"clinician", u"practitioner", u"phd"}))
        return {u"expert"_s, 20.0, 50.0, 12.0, 18.0};
    return {u"general"_s, 50.0, 70.0, 8.0, 12.0};
}

double readabilityScore(const ReadabilityStats &stats, const ReadabilityTarget &target)
{
    if (stats.isEmpty())
        return 0.0;
    auto within = [](double value, double low, double high, double zeroAt) {
        const double distance = value < low ? low - value : value > high ? value - high : 0.0;
        return 1.0 - qBound(0.0, distance / zeroAt, 1.0);
    };
    // 30 reading-ease points to zero, as the framework's guidance says; six
    // grades cover about the same ground (one grade ≈ five FRE points).
    const double ease = within(stats.fleschReadingEase, target.minReadingEase, target.maxReadingEase, 30.0);
    const double grade = within(stats.fleschKincaidGrade, target.minGrade, target.maxGrade, 6.0);
    return (ease + grade) / 2.0;
}

QStringList keyTerms(const QString &requirement)
{
    QStringList terms;
    const QString lower = requirement.toLower();
    qsizetype i = 0;
    while (i < lower.size()) {
        while (i < lower.size() && !lower[i].isLetter())
            ++i;
        qsizetype end = i;
        while (end < lower.size() && lower[end].isLetter())
            ++end;
        const QString word = lower.mid(i, end - i);
        i = end;
        if (word.size() < 4 || stopWords().contains(word))
            continue;
        const QString stemmed = QualityScan::stem(word);
        if (!terms.contains(stemmed))
            terms.append(stemmed);
    }
    return terms;
}

QualityReport assess(const Document &document, const DocumentRequest &request,
                     const std::optional<ModelRubric> &rubric, const AssessOptions &options)
{
    QualityReport report;
    const QualityScan::DocumentScan scan = QualityScan::scan(document);
    report.readability = scan.readability;

    QList<QualityFinding> rubricFindings;
    QualityChecks::RubricView view;
    if (rubric) {
        view.rubric = &*rubric;
        view.accuracy = validScore(rubric->accuracy, QualityDimension::Accuracy, "accuracy", rubricFindings);
        view.coherence = validScore(rubric->coherence, QualityDimension::Content, "coherence", rubricFindings);
        view.clarity = validScore(rubric->clarity, QualityDimension::Content, "clarity", rubricFindings);
        view.completeness = validScore(rubric->completeness, QualityDimension::Completeness, "completeness",
                                       rubricFindings);
    }
    report.rubricAvailable = view.accuracy || view.coherence || view.clarity || view.completeness
                             || (rubric && !rubric->claims.isEmpty());
    if (!report.rubricAvailable)
        view.rubric = nullptr;  // an empty or unusable rubric is no rubric

    const QualityChecks::Context context {scan, request, options, view};
    report.structural = weigh(StructuralWeights, QualityDimension::Structural, QualityChecks::structural(context), report);
    report.content = weigh(ContentWeights, QualityDimension::Content, QualityChecks::content(context), report);
    report.accuracy = weigh(AccuracyWeights, QualityDimension::Accuracy, QualityChecks::accuracy(context), report);
    report.completeness = weigh(CompletenessWeights, QualityDimension::Completeness,
                                QualityChecks::completeness(context), report);
    report.overall = QualityReport::overallFrom(report.structural, report.content, report.accuracy, report.completeness);
    report.findings += rubricFindings;

    // Worst first: the refinement prompt and the GUI both lead with them.
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const QualityFinding &a, const QualityFinding &b) { return a.severity > b.severity; });
    return report;
}

} // namespace QualityAssessor

} // namespace Madf
