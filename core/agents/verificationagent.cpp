#include "core/agents/verificationagent.h"

#include "core/agents/jsonreply.h"
#include "core/agents/promptbudget.h"
#include "core/agents/promptvars.h"
#include "core/agents/simulatedreplies.h"
#include "core/model/document.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Madf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::VerificationAgent", text);
}

constexpr int kMaxClaims = 30;

ParseOutcome<bool> shapeError(const QString &why)
{
    return ParseOutcome<bool>::failure(why, true);
}

} // namespace

LlmRequest VerificationAgent::checkRequest(Check check, const DocumentContext &ctx) const
{
    QVariantMap vars = PromptVars::common(ctx);
    const QString draft = PromptVars::draft(ctx);
    vars.insert(QStringLiteral("draft"), draft);
    vars.insert(QStringLiteral("word_count"), Document::countWords(draft));

    QString prompt;
    QJsonObject simulated;
    switch (check) {
    case Accuracy:
        prompt = QStringLiteral("verify-accuracy");
        // The brief is the reference the claims are checked against; it gets
        // up to a third of the input, the draft the rest.
        vars.insert(QStringLiteral("brief"),
                    fitToTokens(ctx.brief.trimmed(), inputTokenBudget() / 3, m_config.modelConfig.model));
        if (m_simulated)
            simulated = SimulatedReplies::accuracy(ctx);
        break;
    case Completeness:
        prompt = QStringLiteral("verify-completeness");
        vars.insert(QStringLiteral("outline"), PromptVars::outlineList(ctx, true));
        if (m_simulated)
            simulated = SimulatedReplies::completeness(ctx);
        break;
    case Quality:
        prompt = QStringLiteral("verify-quality");
        if (m_simulated)
            simulated = SimulatedReplies::quality(ctx);
        break;
    }
    return makeRequest(prompt, vars, m_simulated ? SimulatedReplies::text(simulated) : QString(), 0, QStringLiteral("draft"));
}

ParseOutcome<bool> VerificationAgent::parseCheck(Check check, const LlmResult &reply, ModelRubric *rubric) const
{
    if (!reply.ok())
        return ParseOutcome<bool>::failure(reply.errorMessage.isEmpty() ? tr("the model call failed")
                                                                          : reply.errorMessage, false);
    const ParseOutcome<QJsonObject> parsed = extractJsonObject(reply.text);
    if (!parsed.ok())
        return shapeError(parsed.error);
    const QJsonObject &object = *parsed.value;
    QString error;

    // Everything is read and checked before the rubric is touched: a reply
    // is used whole or not at all.
    switch (check) {
    case Accuracy: {
        const std::optional<double> accuracy = readScore(object, QStringLiteral("accuracy"), &error);
        if (!accuracy)
            return shapeError(error);
        const QJsonValue claimsValue = object.value(QStringLiteral("claims"));
        if (!claimsValue.isArray())
            return shapeError(tr("\"claims\" must be an array of {text, verdict, note}"));
        QList<ClaimCheck> claims;
        const QJsonArray array = claimsValue.toArray();
        for (int i = 0; i < array.size() && claims.size() < kMaxClaims; ++i) {
            const QJsonObject c = array.at(i).toObject();
            const QString text = c.value(QStringLiteral("text")).toString().simplified();
            const QString verdictName = c.value(QStringLiteral("verdict")).toString().trimmed().toLower();
            const std::optional<ClaimVerdict> verdict = claimVerdictFromString(verdictName);
            if (!array.at(i).isObject() || text.isEmpty())
                return shapeError(tr("\"claims\"[%1] needs a non-empty \"text\"").arg(i));
            if (!verdict)
                return shapeError(tr("\"claims\"[%1].verdict is \"%2\"; use verified, uncertain or contradicted")
                                      .arg(i).arg(c.value(QStringLiteral("verdict")).toVariant().toString()));
            claims.append({text, *verdict, c.value(QStringLiteral("note")).toString().simplified()});
        }
        if (rubric) {
            rubric->accuracy = accuracy;
            rubric->claims = claims;
        }
        break;
    }
    case Completeness: {
        const std::optional<double> completeness = readScore(object, QStringLiteral("completeness"), &error);
        if (!completeness)
            return shapeError(error);
        const std::optional<QStringList> missing = readStringList(object, QStringLiteral("missing"), &error, true);
        if (!missing)
            return shapeError(error);
        if (rubric) {
            rubric->completeness = completeness;
            for (const QString &item : *missing)
                rubric->issues << tr("Missing: %1").arg(item);
        }
        break;
    }
    case Quality: {
        const std::optional<double> coherence = readScore(object, QStringLiteral("coherence"), &error);
        if (!coherence)
            return shapeError(error);
        const std::optional<double> clarity = readScore(object, QStringLiteral("clarity"), &error);
        if (!clarity)
            return shapeError(error);
        const std::optional<QStringList> issues = readStringList(object, QStringLiteral("issues"), &error, true);
        if (!issues)
            return shapeError(error);
        if (rubric) {
            rubric->coherence = coherence;
            rubric->clarity = clarity;
            rubric->issues += *issues;
        }
        break;
    }
    }
    return ParseOutcome<bool>::success(true);
}

} // namespace Madf
