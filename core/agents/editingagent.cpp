#include "core/agents/editingagent.h"

#include "core/agents/citations.h"
#include "core/agents/jsonreply.h"
#include "core/agents/promptvars.h"
#include "core/agents/replytext.h"
#include "core/agents/simulatedreplies.h"
#include "core/model/document.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace Madf {

namespace {

// lupdate files a bare tr() under the class or namespace it is called
// in; calls outside the class this context belongs to name it.
struct EditingAgentTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::EditingAgent)
};
QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::EditingAgent", text);
}

template <class T>
ParseOutcome<T> callFailed(const LlmResult &reply)
{
    return ParseOutcome<T>::failure(reply.errorMessage.isEmpty() ? EditingAgentTr::tr("the model call failed") : reply.errorMessage,
                                    false);
}

} // namespace

LlmRequest EditingAgent::structureRequest(const DocumentContext &ctx) const
{
    QVariantMap vars = PromptVars::common(ctx);
    vars.insert(QStringLiteral("outline"), PromptVars::outlineList(ctx, true));
    vars.insert(QStringLiteral("section_count"), int(ctx.sections.size()));
    vars.insert(QStringLiteral("draft"), PromptVars::draft(ctx));
    const QString simulated = m_simulated ? SimulatedReplies::text(SimulatedReplies::editStructure(ctx)) : QString();
    return makeRequest(QStringLiteral("edit-structure"), vars, simulated, 0, QStringLiteral("draft"));
}

ParseOutcome<QStringList> EditingAgent::parseStructure(const DocumentContext &ctx, const LlmResult &reply) const
{
    if (!reply.ok())
        return callFailed<QStringList>(reply);
    const ParseOutcome<QJsonObject> object = extractJsonObject(reply.text);
    if (!object.ok())
        return ParseOutcome<QStringList>::failure(object.error, true);
    const QJsonValue notesValue = object.value->value(QStringLiteral("notes"));
    if (!notesValue.isArray())
        return ParseOutcome<QStringList>::failure(tr("\"notes\" must be an array (empty when nothing needs changing)"), true);

    QList<QStringList> perSection(ctx.sections.size());
    const QJsonArray notes = notesValue.toArray();
    for (int i = 0; i < notes.size(); ++i) {
        const QJsonObject note = notes.at(i).toObject();
        const QJsonValue section = note.value(QStringLiteral("section"));
        const QJsonValue text = note.value(QStringLiteral("note"));
        if (!notes.at(i).isObject() || !section.isDouble() || section.toDouble() != std::floor(section.toDouble()))
            return ParseOutcome<QStringList>::failure(
                tr("\"notes\"[%1] needs \"section\" as a whole number (from 1)").arg(i), true);
        if (!text.isString())
            return ParseOutcome<QStringList>::failure(tr("\"notes\"[%1].note must be a string").arg(i), true);
        // A note about a section that does not exist cannot be applied; the rest still can.
        const int index = int(section.toDouble()) - 1;
        if (index >= 0 && index < perSection.size() && !text.toString().trimmed().isEmpty())
            perSection[index] << QStringLiteral("- ") + text.toString().simplified();
    }
    QStringList result;
    for (const QStringList &lines : std::as_const(perSection))
        result << lines.join(QLatin1Char('\n'));
    return ParseOutcome<QStringList>::success(result);
}

LlmRequest EditingAgent::editRequest(Pass pass, const DocumentContext &ctx, int sectionIndex, const QString &notes) const
{
    QVariantMap vars = PromptVars::common(ctx);
    const DocumentSection section = sectionIndex >= 0 && sectionIndex < ctx.sections.size()
        ? ctx.sections.at(sectionIndex) : DocumentSection {};
    vars.insert(QStringLiteral("section_title"), section.title.simplified());
    vars.insert(QStringLiteral("content"), section.content.trimmed());
    vars.insert(QStringLiteral("notes"), notes.trimmed());
    vars.insert(QStringLiteral("words"), PromptVars::sectionWords(ctx, sectionIndex));
    // Structure notes are applied by the style pass: there is no separate
    // per-section structure edit.
    const QString prompt = pass == Polish ? QStringLiteral("edit-polish") : QStringLiteral("edit-style");
    return makeRequest(prompt, vars, {}, 0, QStringLiteral("content"));
}

ParseOutcome<DocumentSection> EditingAgent::parseEdit(const DocumentContext &ctx, int sectionIndex,
                                                      const LlmResult &reply) const
{
    if (!reply.ok())
        return callFailed<DocumentSection>(reply);
    if (sectionIndex < 0 || sectionIndex >= ctx.sections.size())
        return ParseOutcome<DocumentSection>::failure(tr("there is no section %1 to edit").arg(sectionIndex + 1), false);
    DocumentSection section = ctx.sections.at(sectionIndex);
    const QString body = proseBody(reply.text, section.title, true);
    const int before = Document::countWords(section.content);
    const int after = Document::countWords(body);
    if (after == 0 || after * 2 < before)
        return ParseOutcome<DocumentSection>::failure(
            tr("the edit of \"%1\" keeps %2 of its %3 words; refused").arg(section.title).arg(after).arg(before), false);

    QSet<int> citable;
    for (const SourceDoc &s : ctx.sources) {
        if (s.error.isEmpty() && !s.text.trimmed().isEmpty())
            citable.insert(s.number);
    }
    const QString cited = Citations::dropInvalid(body, citable);
    // Mostly no citation was dropped: the count made above stands. Demoting
    // headings changes only runs of '#', which hold no word.
    const int words = cited == body ? after : Document::countWords(cited);
    section.content = demoteHeadings(cited);
    section.metadata.insert(QStringLiteral("words"), words);
    section.metadata.insert(QStringLiteral("truncated"), reply.finishReason == QLatin1String("length"));
    return ParseOutcome<DocumentSection>::success(section);
}

} // namespace Madf
