#include "core/agents/promptvars.h"

#include "core/agents/outlineplan.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace Madf::PromptVars {

QString title(const DocumentContext &ctx)
{
    const QString t = ctx.outline.title.trimmed();
    return t.isEmpty() ? ctx.request.topic.simplified() : t;
}

QString sourceList(const DocumentContext &ctx)
{
    QStringList lines;
    for (const SourceDoc &s : ctx.sources) {
        if (!s.error.isEmpty() || s.text.trimmed().isEmpty())
            continue;
        QString line = QStringLiteral("[%1] %2").arg(s.number).arg(s.title.simplified());
        if (!s.location.isEmpty() && s.location != s.title)
            line += QStringLiteral(" (") + s.location + QLatin1Char(')');
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QVariantMap common(const DocumentContext &ctx)
{
    // Every request of a document asks for the same map: it is made once
    // per document state (its outline's title, its request, its sources),
    // for the last few documents.
    struct Memo
    {
        QString documentId;
        QString outlineTitle;
        QString sources;
        DocumentRequest request;
        QVariantMap vars;
    };
    constexpr size_t kMemos = 8;
    thread_local std::array<Memo, kMemos> memos;
    thread_local size_t next = 0;
    const QString sources = sourceList(ctx);
    for (const Memo &m : memos) {
        if (!m.vars.isEmpty() && m.documentId == ctx.documentId && m.outlineTitle == ctx.outline.title
            && m.sources == sources && m.request == ctx.request)
            return m.vars;
    }

    const DocumentRequest &r = ctx.request;
    QStringList requirements;
    for (const QString &req : r.requirements) {
        if (!req.trimmed().isEmpty())
            requirements << QStringLiteral("- ") + req.simplified();
    }
    const QString type = r.effectiveType();
    QVariantMap vars {
        {QStringLiteral("document_id"), ctx.documentId},
        {QStringLiteral("topic"), r.topic.simplified()},
        {QStringLiteral("title"), title(ctx)},
        {QStringLiteral("document_type"), type},
        {QStringLiteral("target_length"), r.targetLength},
        {QStringLiteral("style"), r.style.simplified()},
        {QStringLiteral("audience"), r.audience.simplified()},
        {QStringLiteral("requirements"), requirements.join(QLatin1Char('\n'))},
        {QStringLiteral("sources"), sources},
    };
    // One flag per known type, for {{#is_paper}} sections; the keys are
    // made once (every request of every document asks for them).
    static const QList<QPair<QString, QString>> flags = [] {
        QList<QPair<QString, QString>> list;
        for (const QString &known : DocumentRequest::knownDocumentTypes())
            list.append({known, QStringLiteral("is_") + known});
        return list;
    }();
    for (const auto &[known, key] : flags)
        vars.insert(key, known == type);
    memos[next] = {ctx.documentId, ctx.outline.title, sources, ctx.request, vars};
    next = (next + 1) % kMemos;
    return vars;
}

QString outlineList(const DocumentContext &ctx, bool withPlans)
{
    QStringList lines;
    for (qsizetype i = 0; i < ctx.outline.sections.size(); ++i) {
        const OutlineSection &s = ctx.outline.sections.at(i);
        QString line = QStringLiteral("%1. %2").arg(i + 1).arg(s.title.simplified());
        if (withPlans && !s.plan.trimmed().isEmpty())
            line += QStringLiteral(" — ") + s.plan.simplified();
        if (withPlans && s.targetWords > 0)
            line += QStringLiteral(" (~%1 words)").arg(s.targetWords);
        lines << line;
        if (withPlans) {
            for (const QString &point : s.keyPoints)
                lines << QStringLiteral("   - ") + point.simplified();
        }
    }
    return lines.join(QLatin1Char('\n'));
}

namespace {

QString buildDraft(const DocumentContext &ctx)
{
    QStringList parts;
    const bool summaryInSections = std::any_of(ctx.sections.cbegin(), ctx.sections.cend(), [](const DocumentSection &s) {
        return OutlinePlan::isExecutiveSummary(s.title) && !s.content.trimmed().isEmpty();
    });
    if (!ctx.executiveSummary.trimmed().isEmpty() && !summaryInSections)
        parts << QStringLiteral("## Executive Summary\n\n") + ctx.executiveSummary.trimmed();
    for (qsizetype i = 0; i < ctx.sections.size(); ++i) {
        const DocumentSection &s = ctx.sections.at(i);
        QString content = s.content.trimmed();
        if (OutlinePlan::isExecutiveSummary(s.title) && !ctx.executiveSummary.trimmed().isEmpty())
            content = ctx.executiveSummary.trimmed();
        parts << QStringLiteral("## %1. %2\n\n").arg(i + 1).arg(s.title.simplified()) + content;
    }
    return parts.join(QStringLiteral("\n\n"));
}

// The same text: the same buffer (a copy held in the memo keeps it from
// being changed in place or reused), or, for short ones, the same content.
bool sameText(const QString &a, const QString &b)
{
    return (a.constData() == b.constData() && a.size() == b.size()) || (a.size() < 64 && a == b);
}

} // namespace

QString draft(const DocumentContext &ctx)
{
    // The structure edit and each verification check (three per round) send
    // the same draft: built once, it is also one buffer, so counting its
    // words and tokens is remembered by their memos.
    struct Memo
    {
        QString summary;
        QStringList titles, contents;
        QString draft;
    };
    thread_local Memo memo;
    bool same = sameText(memo.summary, ctx.executiveSummary) && memo.titles.size() == ctx.sections.size();
    for (qsizetype i = 0; same && i < ctx.sections.size(); ++i)
        same = sameText(memo.titles.at(i), ctx.sections.at(i).title)
            && sameText(memo.contents.at(i), ctx.sections.at(i).content);
    if (same && !memo.draft.isNull())
        return memo.draft;
    memo.summary = ctx.executiveSummary;
    memo.titles.clear();
    memo.contents.clear();
    for (const DocumentSection &s : ctx.sections) {
        memo.titles << s.title;
        memo.contents << s.content;
    }
    memo.draft = buildDraft(ctx);
    return memo.draft;
}

int sectionWords(const DocumentContext &ctx, int sectionIndex)
{
    if (sectionIndex >= 0 && sectionIndex < ctx.outline.sections.size()
        && ctx.outline.sections.at(sectionIndex).targetWords > 0)
        return ctx.outline.sections.at(sectionIndex).targetWords;
    const int count = int(qMax<qsizetype>(1, qMax(ctx.outline.sections.size(), ctx.sections.size())));
    return qMax(50, ctx.request.targetLength / count);
}

int executiveSummaryWords(const DocumentContext &ctx)
{
    for (const OutlineSection &s : ctx.outline.sections) {
        if (OutlinePlan::isExecutiveSummary(s.title) && s.targetWords > 0)
            return s.targetWords;
    }
    return qBound(80, ctx.request.targetLength / 10, 300);
}

} // namespace Madf::PromptVars
