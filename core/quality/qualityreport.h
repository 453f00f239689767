#pragma once

#include "core/quality/readability.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Madf {

class JsonWriter;

/** How much a quality finding matters, least first. */
enum class Severity { Info, Minor, Major, Critical };

/** "info", "minor", "major", "critical". */
QString toString(Severity severity);
std::optional<Severity> severityFromString(const QString &name);

/** The four dimensions of the framework's score, with their machine names. */
namespace QualityDimension {
inline constexpr QLatin1String Structural("structural");
inline constexpr QLatin1String Content("content");
inline constexpr QLatin1String Accuracy("accuracy");
inline constexpr QLatin1String Completeness("completeness");
} // namespace QualityDimension

/** The framework's score bands: what a score means and what to do with the
 *  document. The one place the thresholds live; the GUI's threshold slider
 *  shows the same bands. */
struct QualityBand
{
    enum class Verdict { Excellent, Good, Fair, Poor, Unacceptable };
    enum class Action { Accept, Refine, ReviseSignificantly, Regenerate };

    Verdict verdict = Verdict::Unacceptable;
    Action action = Action::Regenerate;
    double minScore = 0.0;  ///< the band holds scores from here up to the next band's minScore

    /** "excellent", "good", "fair", "poor", "unacceptable". */
    QString verdictName() const;
    /** "accept", "refine", "revise significantly", "regenerate". */
    QString actionName() const;
    /** Translated, for people. */
    QString verdictLabel() const;
    QString actionLabel() const;

    /** Best band first: ≥ 0.90, ≥ 0.85, ≥ 0.75, ≥ 0.60, below. */
    static QList<QualityBand> all();
};

/** The band a 0..1 score falls in. Scores within 1e-9 below a threshold
 *  count as reaching it, so a weighted sum of 0.9s is still "excellent". */
QualityBand bandFor(double score);

/** One specific problem found in a document, in words the writer (a model
 *  or a person) can act on. */
struct QualityFinding
{
    QString dimension;  ///< structural, content, accuracy or completeness
    QString check;      ///< machine id of the check: "length", "required_section", ...
    Severity severity = Severity::Minor;
    QString message;    ///< translated and specific: "Section 'Results' has 40 words, 9% of the average"
    QString section;    ///< the section's title, when the finding is about one

    QJsonObject toJson() const;
    void writeJson(JsonWriter &out) const;
    static QualityFinding fromJson(const QJsonObject &json);
    bool operator==(const QualityFinding &other) const = default;
};

/** One measure that went into a dimension's score. */
struct QualityComponent
{
    QString dimension;
    QString name;       ///< machine id: "required_sections", "readability", "model_accuracy", ...
    double score = 0.0; ///< 0..1
    /** Its share of the dimension's score: the weights of the components
     *  that were measured add up to 1 within each dimension. */
    double weight = 0.0;
    QString detail;     ///< translated: what was measured ("FRE 62.1 (target 50–70)")
    bool fromModel = false;

    /** Translated name for people ("Readability for the audience"). */
    QString label() const;

    QJsonObject toJson() const;
    void writeJson(JsonWriter &out) const;
    static QualityComponent fromJson(const QJsonObject &json);
    bool operator==(const QualityComponent &other) const = default;
};

/** The verified quality of one version of a document: the four dimension
 *  scores, the overall weighted score, every measure behind them and every
 *  problem found. Plain value type; JSON is its storage form. */
struct QualityReport
{
    static constexpr double StructuralWeight = 0.20;
    static constexpr double ContentWeight = 0.30;
    static constexpr double AccuracyWeight = 0.30;
    static constexpr double CompletenessWeight = 0.20;

    double structural = 0.0;
    double content = 0.0;
    double accuracy = 0.0;
    double completeness = 0.0;
    double overall = 0.0;
    QList<QualityComponent> components;
    QList<QualityFinding> findings;
    ReadabilityStats readability;  ///< of the whole document's prose
    int round = 0;                 ///< refinement round this version came from; 0 = first draft
    /** False when the verification model's rubric was missing or could not
     *  be read: the scores then rest on local measures only and no model
     *  score is made up. */
    bool rubricAvailable = false;

    /** The framework's weighted sum: 0.20·structural + 0.30·content +
     *  0.30·accuracy + 0.20·completeness. */
    static double overallFrom(double structural, double content, double accuracy, double completeness);

    QualityBand band() const { return bandFor(overall); }
    QString verdict() const { return band().verdictName(); }
    QString action() const { return band().actionName(); }
    /** overall ≥ threshold (with the same 1e-9 tolerance as bandFor()). */
    bool meets(double threshold) const;

    double dimensionScore(const QString &dimension) const;
    QList<QualityComponent> componentsOf(const QString &dimension) const;
    QList<QualityFinding> findingsAtLeast(Severity severity) const;

    /** Keys: structural, content, accuracy, completeness, overall, verdict,
     *  action, round, rubric_available, readability, components, findings. */
    QJsonObject toJson() const;
    /** toJson() as compact text, written directly (JsonWriter): the same
     *  bytes. What the store saves for each round. */
    void writeJson(JsonWriter &out) const;
    QByteArray toJsonText() const;
    /** Missing keys take defaults; verdict and action are derived, not read.
     *  Describes the first malformed entry in *error. */
    static QualityReport fromJson(const QJsonObject &json, QString *error = nullptr);

    bool operator==(const QualityReport &other) const = default;
};

} // namespace Madf
