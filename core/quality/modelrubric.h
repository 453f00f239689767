#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Madf {

/** How the verification model judged one claim against the research brief. */
enum class ClaimVerdict { Verified, Uncertain, Contradicted };

/** "verified", "uncertain", "contradicted". */
QString toString(ClaimVerdict verdict);
std::optional<ClaimVerdict> claimVerdictFromString(const QString &name);

/** One claim taken from the document and checked by the model. */
struct ClaimCheck
{
    QString text;
    ClaimVerdict verdict = ClaimVerdict::Uncertain;
    QString note;  ///< the model's reason, e.g. what the research says instead

    bool operator==(const ClaimCheck &other) const = default;
};

/** What the verification agent's model said about a document: its scores
 *  (0..1, absent when it gave none), the claims it checked and the issues it
 *  raised. QualityAssessor combines it with the local measures; a score it
 *  did not give stays absent and is never replaced by a guess. */
struct ModelRubric
{
    std::optional<double> accuracy;
    std::optional<double> coherence;
    std::optional<double> clarity;
    std::optional<double> completeness;
    QList<ClaimCheck> claims;
    QStringList issues;

    /** True when it holds no score and no claim: as good as no rubric. */
    bool isEmpty() const;

    /** Keys: accuracy, coherence, clarity, completeness (numbers, or absent),
     *  claims ([{text, verdict, note}]), issues ([strings]). */
    QJsonObject toJson() const;
    /** Reads toJson()'s form strictly: a score that is not a number in 0..1
     *  and a claim with an unknown verdict are left out and described in
     *  *error (the first one). */
    static ModelRubric fromJson(const QJsonObject &json, QString *error = nullptr);

    bool operator==(const ModelRubric &other) const = default;
};

} // namespace Madf
