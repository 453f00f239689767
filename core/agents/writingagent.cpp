#include "core/agents/writingagent.h"

#include "core/agents/citations.h"
#include "core/agents/jsonreply.h"
#include "core/agents/outlineplan.h"
#include "core/agents/promptbudget.h"
#include "core/agents/promptvars.h"
#include "core/agents/replytext.h"
#include "core/agents/simulatedreplies.h"
#include "core/model/document.h"
#include "core/quality/qualityassessor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Madf {

namespace {

// lupdate files a bare tr() under the class or namespace it is called
// in; calls outside the class this context belongs to name it.
struct WritingAgentTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::WritingAgent)
};
QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::WritingAgent", text);
}

constexpr int kMaxSections = 30;

QString normalized(const QString &title)
{
    static const QRegularExpression numberingRe(QStringLiteral("^[\\s\\d.)IVX]+(?=\\s)"));
    static const QRegularExpression nonWordRe(QStringLiteral("[^\\w]+"));
    QString t = title;
    t.remove(numberingRe);
    return t.toLower().replace(nonWordRe, QStringLiteral(" ")).trimmed();
}

QSet<int> citableNumbers(const DocumentContext &ctx)
{
    QSet<int> numbers;
    for (const SourceDoc &s : ctx.sources) {
        if (s.error.isEmpty() && !s.text.trimmed().isEmpty())
            numbers.insert(s.number);
    }
    return numbers;
}

QString bulletLines(const QStringList &items)
{
    QStringList lines;
    for (const QString &item : items)
        lines << QStringLiteral("- ") + item.simplified();
    return lines.join(QLatin1Char('\n'));
}

// Reads one section of the outline reply; the error names the entry.
std::optional<OutlineSection> readSection(const QJsonValue &value, int index, QString *error)
{
    if (!value.isObject()) {
        *error = WritingAgentTr::tr("\"sections\"[%1] is not an object").arg(index);
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    OutlineSection s;
    s.title = o.value(QStringLiteral("title")).toString().simplified();
    if (s.title.isEmpty()) {
        *error = WritingAgentTr::tr("\"sections\"[%1] has no \"title\"").arg(index);
        return std::nullopt;
    }
    const QJsonValue plan = o.value(QStringLiteral("plan"));
    if (!plan.isUndefined() && !plan.isNull() && !plan.isString()) {
        *error = WritingAgentTr::tr("\"sections\"[%1].plan is not a string").arg(index);
        return std::nullopt;
    }
    s.plan = plan.toString().simplified();
    const std::optional<QStringList> points = readStringList(o, QStringLiteral("key_points"), error, true);
    if (!points) {
        *error = WritingAgentTr::tr("\"sections\"[%1]: %2").arg(index).arg(*error);
        return std::nullopt;
    }
    s.keyPoints = *points;
    const QJsonValue words = o.value(QStringLiteral("target_words"));
    if (words.isDouble()) {
        // Rescaled to the target length afterwards; only the proportions matter here.
        s.targetWords = qBound(0, int(words.toDouble()), DocumentRequest::MaxTargetLength);
    } else if (!words.isUndefined() && !words.isNull()) {
        *error = WritingAgentTr::tr("\"sections\"[%1].target_words is not a number").arg(index);
        return std::nullopt;
    }
    return s;
}

// The user's outline decides the sections and their order; the model's
// reply only fills in plans, key points and proportions.
QList<OutlineSection> mergeWithUserOutline(const QList<OutlineSection> &user, const QList<OutlineSection> &model)
{
    QList<OutlineSection> merged;
    QSet<int> used;
    for (qsizetype i = 0; i < user.size(); ++i) {
        OutlineSection s = user.at(i);
        int match = -1;
        for (int j = 0; j < model.size() && match < 0; ++j) {
            if (!used.contains(j) && normalized(model.at(j).title) == normalized(s.title))
                match = j;
        }
        if (match < 0 && user.size() == model.size() && !used.contains(int(i)))
            match = int(i);
        if (match >= 0) {
            used.insert(match);
            const OutlineSection &m = model.at(match);
            s.plan = m.plan;
            for (const QString &point : m.keyPoints) {
                if (!s.keyPoints.contains(point, Qt::CaseInsensitive))
                    s.keyPoints << point;
            }
            s.targetWords = m.targetWords;
        }
        merged.append(s);
    }
    return merged;
}

// The workflow of a report opens with its executive summary and a paper with
// its abstract, whatever the model or the user's outline said.
void ensureFrontSection(QList<OutlineSection> *sections, const DocumentRequest &request)
{
    const QString type = request.effectiveType();
    QString name;
    QString plan;
    int words = 0;
    if (type == QLatin1String("report")) {
        name = QStringLiteral("Executive Summary");
        plan = WritingAgentTr::tr("The purpose, the key findings and the recommendations, for readers who read nothing else.");
        words = qBound(80, request.targetLength / 10, 300);
    } else if (type == QLatin1String("paper")) {
        name = QStringLiteral("Abstract");
        plan = WritingAgentTr::tr("The question, the approach, the main findings and their significance.");
        words = qBound(80, request.targetLength / 12, 250);
    } else {
        return;
    }
    const QString key = normalized(name);
    for (qsizetype i = 0; i < sections->size(); ++i) {
        if (normalized(sections->at(i).title) == key) {
            if (i > 0)
                sections->move(i, 0);
            return;
        }
    }
    OutlineSection front;
    front.title = name;
    front.plan = plan;
    front.targetWords = words;
    sections->prepend(front);
}

DocumentSection sectionFrom(const DocumentContext &ctx, int sectionIndex, const QString &title, const QString &body,
                            const LlmResult &reply)
{
    QList<int> dropped;
    DocumentSection section;
    section.title = title;
    section.content = demoteHeadings(Citations::dropInvalid(body, citableNumbers(ctx), &dropped));
    section.order = sectionIndex;
    if (sectionIndex >= 0 && sectionIndex < ctx.sections.size())
        section.metadata = ctx.sections.at(sectionIndex).metadata;
    section.metadata.insert(QStringLiteral("words"), Document::countWords(section.content));
    section.metadata.insert(QStringLiteral("target_words"), PromptVars::sectionWords(ctx, sectionIndex));
    section.metadata.insert(QStringLiteral("truncated"), reply.finishReason == QLatin1String("length"));
    QVariantList droppedList;
    for (int n : dropped)
        droppedList << n;
    if (!droppedList.isEmpty())
        section.metadata.insert(QStringLiteral("dropped_citations"), droppedList);
    else
        section.metadata.remove(QStringLiteral("dropped_citations"));
    return section;
}

template <class T>
ParseOutcome<T> callFailed(const LlmResult &reply)
{
    return ParseOutcome<T>::failure(reply.errorMessage.isEmpty() ? WritingAgentTr::tr("the model call failed") : reply.errorMessage,
                                    false);
}

QString sectionTitle(const DocumentContext &ctx, int sectionIndex)
{
    if (sectionIndex >= 0 && sectionIndex < ctx.outline.sections.size())
        return ctx.outline.sections.at(sectionIndex).title;
    if (sectionIndex >= 0 && sectionIndex < ctx.sections.size())
        return ctx.sections.at(sectionIndex).title;
    return {};
}

} // namespace

LlmRequest WritingAgent::outlineRequest(const DocumentContext &ctx) const
{
    QVariantMap vars = PromptVars::common(ctx);
    QStringList required;
    for (const QString &name : QualityAssessor::requiredSectionsFor(ctx.request.effectiveType()))
        required << name.split(QLatin1Char('/')).join(tr(" or "));
    vars.insert(QStringLiteral("required_sections"), required.join(QStringLiteral(", ")));
    vars.insert(QStringLiteral("user_outline"), ctx.request.outline.trimmed());
    vars.insert(QStringLiteral("section_count"), qBound(3, ctx.request.targetLength / 250, 12));
    vars.insert(QStringLiteral("brief"), ctx.brief.trimmed());
    const QString simulated = m_simulated ? SimulatedReplies::text(SimulatedReplies::outline(ctx)) : QString();
    return makeRequest(QStringLiteral("outline"), vars, simulated, 0, QStringLiteral("brief"));
}

ParseOutcome<Outline> WritingAgent::parseOutline(const DocumentContext &ctx, const LlmResult &reply) const
{
    if (!reply.ok())
        return callFailed<Outline>(reply);
    const ParseOutcome<QJsonObject> object = extractJsonObject(reply.text);
    if (!object.ok())
        return ParseOutcome<Outline>::failure(object.error, true);

    const QJsonValue sectionsValue = object.value->value(QStringLiteral("sections"));
    if (!sectionsValue.isArray() || sectionsValue.toArray().isEmpty())
        return ParseOutcome<Outline>::failure(tr("\"sections\" must be a non-empty array of sections"), true);
    const QJsonArray array = sectionsValue.toArray();
    QList<OutlineSection> sections;
    for (int i = 0; i < array.size() && sections.size() < kMaxSections; ++i) {
        QString error;
        const std::optional<OutlineSection> s = readSection(array.at(i), i, &error);
        if (!s)
            return ParseOutcome<Outline>::failure(error, true);
        sections.append(*s);
    }

    Outline outline;
    outline.title = object.value->value(QStringLiteral("title")).toString().simplified();
    QString userTitle;
    const QList<OutlineSection> user = OutlinePlan::parseUserOutline(ctx.request.outline, &userTitle);
    if (!user.isEmpty()) {
        sections = mergeWithUserOutline(user.mid(0, kMaxSections), sections);
        if (!userTitle.isEmpty())
            outline.title = userTitle;
    }
    if (outline.title.isEmpty())
        outline.title = ctx.request.topic.simplified();
    ensureFrontSection(&sections, ctx.request);
    OutlinePlan::balanceTargets(&sections, ctx.request.targetLength);
    outline.sections = sections;
    return ParseOutcome<Outline>::success(outline);
}

QString WritingAgent::briefExcerpt(const DocumentContext &ctx, int sectionIndex) const
{
    const OutlineSection section = sectionIndex >= 0 && sectionIndex < ctx.outline.sections.size()
        ? ctx.outline.sections.at(sectionIndex) : OutlineSection {sectionTitle(ctx, sectionIndex), {}, {}, 0};
    const int budget = qMin(inputTokenBudget() / 6, BriefExcerptTokens);
    return compactForSection(ctx.brief, section, budget, m_config.modelConfig.model);
}

LlmRequest WritingAgent::sectionRequest(const DocumentContext &ctx, int sectionIndex, const QString &excerpt) const
{
    QVariantMap vars = PromptVars::common(ctx);
    const OutlineSection section = sectionIndex >= 0 && sectionIndex < ctx.outline.sections.size()
        ? ctx.outline.sections.at(sectionIndex) : OutlineSection {sectionTitle(ctx, sectionIndex), {}, {}, 0};
    vars.insert(QStringLiteral("section_title"), section.title.simplified());
    vars.insert(QStringLiteral("section_number"), sectionIndex + 1);
    vars.insert(QStringLiteral("section_count"), int(ctx.outline.sections.size()));
    vars.insert(QStringLiteral("plan"), section.plan.simplified());
    // Lists are written inline here: a section prompt holds several, and
    // one-line lists keep it short (the simulator also reads "- x" lines as
    // headings it should write).
    QStringList titles;
    for (const OutlineSection &s : ctx.outline.sections)
        titles << s.title.simplified();
    QStringList requirements;
    for (const QString &r : ctx.request.requirements)
        requirements << r.simplified();
    vars.insert(QStringLiteral("requirements"), requirements.join(QStringLiteral("; ")));
    vars.insert(QStringLiteral("key_points"), section.keyPoints.join(QStringLiteral("; ")));
    vars.insert(QStringLiteral("words"), PromptVars::sectionWords(ctx, sectionIndex));
    vars.insert(QStringLiteral("outline"), titles.join(QStringLiteral("; ")));
    vars.insert(QStringLiteral("brief_excerpt"), excerpt.trimmed());
    const bool hasSources = !vars.value(QStringLiteral("sources")).toString().isEmpty();
    vars.insert(QStringLiteral("citations_required"), hasSources && ctx.request.effectiveType() == QLatin1String("paper"));
    return makeRequest(QStringLiteral("write-section"), vars, {}, 0, QStringLiteral("brief_excerpt"));
}

ParseOutcome<DocumentSection> WritingAgent::parseSection(const DocumentContext &ctx, int sectionIndex,
                                                         const LlmResult &reply) const
{
    if (!reply.ok())
        return callFailed<DocumentSection>(reply);
    const QString title = sectionTitle(ctx, sectionIndex);
    // A leading H1/H2 is the model restating the title, whatever its words.
    const QString body = proseBody(reply.text, title, true);
    if (body.isEmpty())
        return ParseOutcome<DocumentSection>::failure(tr("the section \"%1\" came back empty").arg(title), false);
    return ParseOutcome<DocumentSection>::success(sectionFrom(ctx, sectionIndex, title, body, reply));
}

LlmRequest WritingAgent::executiveSummaryRequest(const DocumentContext &ctx) const
{
    // The summary summarises the other sections, never an earlier summary.
    DocumentContext body = ctx;
    body.executiveSummary.clear();
    body.sections.removeIf([](const DocumentSection &s) { return OutlinePlan::isExecutiveSummary(s.title); });
    QVariantMap vars = PromptVars::common(ctx);
    vars.insert(QStringLiteral("draft"), PromptVars::draft(body));
    vars.insert(QStringLiteral("words"), PromptVars::executiveSummaryWords(ctx));
    return makeRequest(QStringLiteral("executive-summary"), vars, {}, 0, QStringLiteral("draft"));
}

ParseOutcome<QString> WritingAgent::parseExecutiveSummary(const LlmResult &reply) const
{
    if (!reply.ok())
        return callFailed<QString>(reply);
    // An executive summary is a paragraph and bullets: headings a model adds
    // (often the report's own section titles) are dropped.
    static const QRegularExpression headingLineRe(QStringLiteral("^#{1,6}[ \\t][^\\n]*\\n?"),
                                                  QRegularExpression::MultilineOption);
    QString body = proseBody(reply.text, QStringLiteral("Executive Summary"), true);
    body.remove(headingLineRe);
    static const QRegularExpression blankRunRe(QStringLiteral("\\n{3,}"));
    body.replace(blankRunRe, QStringLiteral("\n\n"));
    body = body.trimmed();
    if (body.isEmpty())
        return ParseOutcome<QString>::failure(tr("the executive summary came back empty"), false);
    return ParseOutcome<QString>::success(body);
}

LlmRequest WritingAgent::reviseRequest(const DocumentContext &ctx, int sectionIndex, const QStringList &notes) const
{
    QVariantMap vars = PromptVars::common(ctx);
    const QString title = sectionTitle(ctx, sectionIndex);
    const QString content = sectionIndex >= 0 && sectionIndex < ctx.sections.size()
        ? ctx.sections.at(sectionIndex).content.trimmed() : QString();
    vars.insert(QStringLiteral("section_title"), title.simplified());
    vars.insert(QStringLiteral("content"), content);
    vars.insert(QStringLiteral("notes"), bulletLines(notes));
    vars.insert(QStringLiteral("words"), PromptVars::sectionWords(ctx, sectionIndex));
    vars.insert(QStringLiteral("revision_round"), ctx.revisionRound);
    vars.insert(QStringLiteral("brief_excerpt"), briefExcerpt(ctx, sectionIndex));
    return makeRequest(QStringLiteral("revise-section"), vars, {}, 0, QStringLiteral("brief_excerpt"));
}

ParseOutcome<DocumentSection> WritingAgent::parseRevision(const DocumentContext &ctx, int sectionIndex,
                                                          const LlmResult &reply) const
{
    ParseOutcome<DocumentSection> outcome = parseSection(ctx, sectionIndex, reply);
    if (outcome.ok())
        outcome.value->metadata.insert(QStringLiteral("revision_round"), ctx.revisionRound);
    return outcome;
}

} // namespace Madf
