#include "core/quality/modelrubric.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace Madf {

namespace {

// lupdate files a bare tr() under the class or namespace it is called
// in; calls outside the class this context belongs to name it.
struct ModelRubricTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::ModelRubric)
};
QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::ModelRubric", text);
}

void noteError(QString *error, const QString &message)
{
    if (error && error->isEmpty())
        *error = message;
}

std::optional<double> readScore(const QJsonObject &json, QLatin1String key, QString *error)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double score = value.toDouble(std::nan(""));
    if (!value.isDouble() || !(score >= 0.0 && score <= 1.0)) {
        noteError(error, ModelRubricTr::tr("%1 is not a score from 0 to 1").arg(key));
        return std::nullopt;
    }
    return score;
}

} // namespace

QString toString(ClaimVerdict verdict)
{
    switch (verdict) {
    case ClaimVerdict::Verified: return QStringLiteral("verified");
    case ClaimVerdict::Uncertain: return QStringLiteral("uncertain");
    case ClaimVerdict::Contradicted: return QStringLiteral("contradicted");
    }
    return QStringLiteral("uncertain");
}

std::optional<ClaimVerdict> claimVerdictFromString(const QString &name)
{
    for (const ClaimVerdict v : {ClaimVerdict::Verified, ClaimVerdict::Uncertain, ClaimVerdict::Contradicted}) {
        if (name.trimmed().compare(toString(v), Qt::CaseInsensitive) == 0)
            return v;
    }
    return std::nullopt;
}

bool ModelRubric::isEmpty() const
{
    return !accuracy && !coherence && !clarity && !completeness && claims.isEmpty();
}

QJsonObject ModelRubric::toJson() const
{
    QJsonObject json;
    const std::pair<const char *, const std::optional<double> *> scores[] = {
        {"accuracy", &accuracy}, {"coherence", &coherence}, {"clarity", &clarity}, {"completeness", &completeness}};
    for (const auto &[key, score] : scores) {
        if (*score)
            json.insert(QLatin1String(key), **score);
    }
    QJsonArray claimArray;
    for (const ClaimCheck &claim : claims) {
        claimArray.append(QJsonObject {{QStringLiteral("text"), claim.text},
                                       {QStringLiteral("verdict"), Madf::toString(claim.verdict)},
                                       {QStringLiteral("note"), claim.note}});
    }
    json.insert(QStringLiteral("claims"), claimArray);
    json.insert(QStringLiteral("issues"), QJsonArray::fromStringList(issues));
    return json;
}

ModelRubric ModelRubric::fromJson(const QJsonObject &json, QString *error)
{
    ModelRubric rubric;
    rubric.accuracy = readScore(json, QLatin1String("accuracy"), error);
    rubric.coherence = readScore(json, QLatin1String("coherence"), error);
    rubric.clarity = readScore(json, QLatin1String("clarity"), error);
    rubric.completeness = readScore(json, QLatin1String("completeness"), error);

    const QJsonArray claims = json.value(QLatin1String("claims")).toArray();
    for (qsizetype i = 0; i < claims.size(); ++i) {
        const QJsonObject object = claims.at(i).toObject();
        const auto verdict = claimVerdictFromString(object.value(QLatin1String("verdict")).toString());
        const QString text = object.value(QLatin1String("text")).toString().trimmed();
        if (!verdict || text.isEmpty()) {
            noteError(error, tr("claims[%1] has no text or an unknown verdict").arg(i));
            continue;
        }
        rubric.claims.append(ClaimCheck {text, *verdict, object.value(QLatin1String("note")).toString()});
    }
    for (const QJsonValue &issue : json.value(QLatin1String("issues")).toArray()) {
        if (issue.isString() && !issue.toString().trimmed().isEmpty())
            rubric.issues.append(issue.toString().trimmed());
    }
    return rubric;
}

} // namespace Madf
