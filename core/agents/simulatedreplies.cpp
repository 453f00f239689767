#include "core/agents/simulatedreplies.h"

#include "core/agents/citations.h"
#include "core/agents/documentassembler.h"
#include "core/agents/jsonreply.h"
#include "core/agents/outlineplan.h"
#include "core/llm/simulatorcpu.h"
#include "core/quality/qualityassessor.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Madf::SimulatedReplies {

namespace {

quint64 fnv1a(const QString &text)
{
    quint64 h = 14695981039346656037ULL;
    for (const char c : text.toUtf8()) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    return h;
}

QString cleanTopic(const DocumentContext &ctx)
{
    QString t = ctx.request.topic.simplified();
    while (!t.isEmpty() && QStringLiteral(".?!:;").contains(t.back()))
        t.chop(1);
    return t;
}

QString lowerFirst(QString s)
{
    // Keep acronyms ("AI ethics") as they are.
    if (s.size() > 1 && s.at(0).isUpper() && s.at(1).isLower())
        s[0] = s.at(0).toLower();
    return s;
}

QString upperFirst(QString s)
{
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

QString documentKey(const DocumentContext &ctx)
{
    const DocumentRequest &r = ctx.request;
    return r.topic + QLatin1Char('|') + r.effectiveType() + QLatin1Char('|') + QString::number(r.targetLength)
        + QLatin1Char('|') + r.requirements.join(QLatin1Char(';'));
}

double round2(double v)
{
    return std::round(qBound(0.0, v, 1.0) * 100.0) / 100.0;
}

// What a real model's judgement adds to the local measures: a reviewer a
// little stricter than the counts (kHarshness) with a spread between
// documents (fixed per document, so it never undoes a revision), and a gain
// for each round whose findings were addressed.
constexpr double kHarshness = 0.04;
constexpr double kGainPerRound = 0.04;

double judged(double local, const DocumentContext &ctx, const QString &what)
{
    const double gain = kGainPerRound * qMin(ctx.revisionRound, 3);
    return round2(local - kHarshness + jitter(documentKey(ctx) + QLatin1Char('|') + what) + gain);
}

QualityReport localReport(const DocumentContext &ctx)
{
    int citable = 0;
    for (const SourceDoc &s : ctx.sources)
        citable = s.error.isEmpty() ? qMax(citable, s.number) : citable;
    const Document document = DocumentAssembler::assemble(ctx);
    return QualityAssessor::assess(document, ctx.request, std::nullopt,
                                   AssessOptions::forRequest(ctx.request, citable));
}

QJsonObject section(const QString &title, const QString &plan, const QStringList &points, int words)
{
    return QJsonObject {{QStringLiteral("title"), title},
                        {QStringLiteral("plan"), plan},
                        {QStringLiteral("key_points"), QJsonArray::fromStringList(points)},
                        {QStringLiteral("target_words"), words}};
}

QStringList fillersFor(const QString &type)
{
    if (type == QLatin1String("report"))
        return {QStringLiteral("Background"), QStringLiteral("Findings"), QStringLiteral("Analysis"),
                QStringLiteral("Options"), QStringLiteral("Risks")};
    if (type == QLatin1String("paper"))
        return {QStringLiteral("Background"), QStringLiteral("Methods"), QStringLiteral("Results"),
                QStringLiteral("Related Work"), QStringLiteral("Limitations")};
    if (type == QLatin1String("documentation"))
        return {QStringLiteral("Getting Started"), QStringLiteral("Usage"), QStringLiteral("Configuration"),
                QStringLiteral("Reference"), QStringLiteral("Examples")};
    return {QStringLiteral("Background"), QStringLiteral("Key Concepts"), QStringLiteral("Current Developments"),
            QStringLiteral("Challenges and Opportunities"), QStringLiteral("Practical Applications"),
            QStringLiteral("Future Outlook")};
}

} // namespace

QString text(const QJsonObject &reply)
{
    const SimulatorCpu::Scope simulator;
    return compactJson(reply);
}

double jitter(const QString &key)
{
    return (double(fnv1a(key) % 10001) / 10000.0 - 0.5) * 0.1;
}

QJsonObject researchPlan(const DocumentContext &ctx)
{
    const SimulatorCpu::Scope simulator;
    const QString topic = cleanTopic(ctx);
    const QString audience = ctx.request.audience.simplified();
    QStringList questions;
    questions << QStringLiteral("What is %1, and why does it matter to %2 readers?")
                     .arg(topic, audience.isEmpty() ? QStringLiteral("general") : audience);
    for (const QString &req : ctx.request.requirements) {
        const QString subject = OutlinePlan::titleForRequirement(req);
        if (subject.isEmpty() || questions.size() >= 3)
            continue;
        questions << QStringLiteral("What do the sources establish about %1 in relation to %2?")
                         .arg(lowerFirst(subject), topic);
    }
    const QStringList more {
        QStringLiteral("What are the key facts, figures and recent developments on %1?").arg(topic),
        QStringLiteral("What challenges, risks and open questions surround %1?").arg(topic),
        QStringLiteral("How is %1 applied in practice, with concrete examples?").arg(topic),
    };
    for (qsizetype i = 0; questions.size() < 4; ++i)
        questions << more.at(i);
    return QJsonObject {{QStringLiteral("questions"), QJsonArray::fromStringList(questions)}};
}

QJsonObject outline(const DocumentContext &ctx)
{
    const SimulatorCpu::Scope simulator;
    const DocumentRequest &r = ctx.request;
    const QString type = r.effectiveType();
    const QString topic = cleanTopic(ctx);
    QList<QJsonObject> sections;

    QString userTitle;
    const QList<OutlineSection> user = OutlinePlan::parseUserOutline(r.outline, &userTitle);
    if (!user.isEmpty()) {
        for (const OutlineSection &s : user) {
            QStringList points = s.keyPoints;
            if (points.isEmpty())
                points << QStringLiteral("Main facts about %1").arg(lowerFirst(s.title))
                       << QStringLiteral("An example that makes it concrete");
            sections << section(s.title, QStringLiteral("Cover %1 as it relates to %2.").arg(lowerFirst(s.title), topic),
                                points, 1);
        }
    } else {
        QStringList front;
        QStringList closing;
        if (type == QLatin1String("report")) {
            front = {QStringLiteral("Executive Summary"), QStringLiteral("Introduction")};
            closing = {QStringLiteral("Recommendations"), QStringLiteral("Conclusion")};
        } else if (type == QLatin1String("paper")) {
            front = {QStringLiteral("Abstract"), QStringLiteral("Introduction")};
            closing = {QStringLiteral("Discussion"), QStringLiteral("Conclusion")};
        } else if (type == QLatin1String("documentation")) {
            front = {QStringLiteral("Overview")};
            closing = {QStringLiteral("Troubleshooting")};
        } else if (type == QLatin1String("blog")) {
            front = {QStringLiteral("Introduction")};
            closing = {QStringLiteral("Key Takeaways")};
        } else {
            front = {QStringLiteral("Introduction")};
            closing = {QStringLiteral("Conclusion")};
        }
        const int total = qBound(3, int(std::lround(r.targetLength / 250.0)), 12);
        const int bodySlots = qMax(1, total - int(front.size() + closing.size()));

        QSet<QString> taken;
        for (const QString &t : front + closing)
            taken.insert(t.toLower());
        QList<QPair<QString, QString>> body;  // title, requirement it covers
        QStringList extraRequirements;
        for (const QString &req : r.requirements) {
            const QString title = OutlinePlan::titleForRequirement(req);
            if (title.isEmpty() || taken.contains(title.toLower()) || body.size() >= bodySlots) {
                extraRequirements << req.simplified();
                continue;
            }
            taken.insert(title.toLower());
            body.append({title, req.simplified()});
        }
        for (const QString &filler : fillersFor(type)) {
            if (body.size() >= bodySlots)
                break;
            if (!taken.contains(filler.toLower()))
                body.append({filler, QString()});
        }

        for (const QString &title : front) {
            const bool summary = title == QLatin1String("Executive Summary") || title == QLatin1String("Abstract");
            sections << section(title,
                                summary ? QStringLiteral("Summarise the purpose, main findings and conclusions on %1.").arg(topic)
                                        : QStringLiteral("Introduce %1, its context and what this %2 covers.").arg(topic, type),
                                summary ? QStringList {QStringLiteral("Purpose and scope"), QStringLiteral("Main findings"),
                                                       QStringLiteral("Key recommendation")}
                                        : QStringList {QStringLiteral("Context and motivation"),
                                                       QStringLiteral("Scope and structure")},
                                summary ? 8 : 12);
        }
        for (qsizetype i = 0; i < body.size(); ++i) {
            const auto &[title, req] = body.at(i);
            QStringList points;
            if (!req.isEmpty())
                points << req;
            points << QStringLiteral("Evidence and examples on %1").arg(lowerFirst(title))
                   << QStringLiteral("What it means for %1 readers").arg(r.audience.simplified());
            // Requirements without a section of their own still get a home.
            if (i == body.size() - 1)
                points += extraRequirements;
            sections << section(title,
                                req.isEmpty() ? QStringLiteral("Explain %1 in %2.").arg(lowerFirst(title), topic)
                                              : QStringLiteral("Address the requirement: %1").arg(req),
                                points, 20);
        }
        for (const QString &title : closing)
            sections << section(title, QStringLiteral("Draw together what the %1 showed about %2.").arg(type, topic),
                                {QStringLiteral("Main conclusions"), QStringLiteral("Next steps")}, 10);
    }

    // The same proportional rule the parser applies: targets add up to the length.
    QList<OutlineSection> plan;
    for (const QJsonObject &s : std::as_const(sections))
        plan.append({s.value(QStringLiteral("title")).toString(), {}, {}, s.value(QStringLiteral("target_words")).toInt()});
    OutlinePlan::balanceTargets(&plan, r.targetLength);
    QJsonArray array;
    for (qsizetype i = 0; i < sections.size(); ++i) {
        QJsonObject s = sections.at(i);
        s.insert(QStringLiteral("target_words"), plan.at(i).targetWords);
        array.append(s);
    }
    return QJsonObject {{QStringLiteral("title"), userTitle.isEmpty() ? upperFirst(topic) : userTitle},
                        {QStringLiteral("sections"), array}};
}

QJsonObject editStructure(const DocumentContext &ctx)
{
    const SimulatorCpu::Scope simulator;
    QJsonArray notes;
    int citable = 0;
    for (const SourceDoc &s : ctx.sources)
        citable += s.error.isEmpty() ? 1 : 0;
    const bool wantCitations = citable > 0 && ctx.request.effectiveType() == QLatin1String("paper");
    for (qsizetype i = 0; i < ctx.sections.size(); ++i) {
        const DocumentSection &s = ctx.sections.at(i);
        const int words = Document::countWords(s.content);
        const int target = i < ctx.outline.sections.size() ? ctx.outline.sections.at(i).targetWords : 0;
        auto add = [&](const QString &note) {
            notes.append(QJsonObject {{QStringLiteral("section"), int(i + 1)}, {QStringLiteral("note"), note}});
        };
        if (target > 0 && words < target * 0.7)
            add(QStringLiteral("Expand to about %1 words: develop the key points with examples.").arg(target));
        else if (target > 0 && words > target * 1.3)
            add(QStringLiteral("Tighten to about %1 words: cut repetition.").arg(target));
        if (wantCitations && Citations::cited(s.content).isEmpty() && !OutlinePlan::isExecutiveSummary(s.title))
            add(QStringLiteral("Support the main claims with citations to the sources."));
        // Now and then a missing transition, as an editor would notice.
        if (i > 0 && words > 0 && fnv1a(documentKey(ctx) + s.title) % 5 == 0)
            add(QStringLiteral("Open with a sentence linking back to \"%1\".").arg(ctx.sections.at(i - 1).title));
    }
    return QJsonObject {{QStringLiteral("notes"), notes}};
}

QJsonObject accuracy(const DocumentContext &ctx)
{
    const SimulatorCpu::Scope simulator;
    const QualityReport local = localReport(ctx);
    QSet<int> citable;
    for (const SourceDoc &s : ctx.sources) {
        if (s.error.isEmpty())
            citable.insert(s.number);
    }

    // A few claims per document: sentences with citations or figures first.
    QJsonArray claims;
    int verified = 0;
    for (const DocumentSection &s : ctx.sections) {
        if (claims.size() >= 6)
            break;
        const QStringList sentences = Readability::analyze(s.content).sentences;
        if (sentences.isEmpty())
            continue;
        qsizetype pick = 0;
        for (qsizetype k = 0; k < sentences.size(); ++k) {
            static const QRegularExpression digitRe(QStringLiteral("\\d"));
            if (!Citations::cited(sentences.at(k)).isEmpty() || sentences.at(k).contains(digitRe)) {
                pick = k;
                break;
            }
        }
        const QString text = sentences.at(pick).left(240);
        const QList<int> cites = Citations::cited(s.content);
        const bool sourced = std::any_of(cites.cbegin(), cites.cend(), [&](int n) { return citable.contains(n); });
        const double roll = jitter(documentKey(ctx) + text) + 0.05; // 0..0.1
        QString verdict = QStringLiteral("verified");
        QString note = sourced ? QStringLiteral("Supported by the cited source.")
                               : QStringLiteral("Consistent with the research brief.");
        if (!sourced && roll < 0.03 - 0.01 * qMin(ctx.revisionRound, 3)) {
            verdict = QStringLiteral("uncertain");
            note = QStringLiteral("The research brief does not cover this.");
        } else if (!sourced && roll > 0.098 && ctx.revisionRound == 0) {
            verdict = QStringLiteral("contradicted");
            note = QStringLiteral("The research brief suggests otherwise.");
        }
        verified += verdict == QLatin1String("verified") ? 1 : 0;
        claims.append(QJsonObject {{QStringLiteral("text"), text},
                                   {QStringLiteral("verdict"), verdict},
                                   {QStringLiteral("note"), note}});
    }
    const double share = claims.isEmpty() ? local.accuracy : double(verified) / claims.size();
    return QJsonObject {{QStringLiteral("claims"), claims},
                        {QStringLiteral("accuracy"), judged(0.6 * local.accuracy + 0.4 * share, ctx, QStringLiteral("accuracy"))}};
}

QJsonObject completeness(const DocumentContext &ctx)
{
    const SimulatorCpu::Scope simulator;
    const QualityReport local = localReport(ctx);
    QString text;
    for (const DocumentSection &s : ctx.sections)
        text += s.title + QLatin1Char('\n') + s.content + QLatin1Char('\n');
    text = text.toLower();
    QJsonArray missing;
    for (const QString &req : ctx.request.requirements) {
        const QStringList terms = QualityAssessor::keyTerms(req);
        int found = 0;
        for (const QString &term : terms)
            found += text.contains(term) ? 1 : 0;
        if (!terms.isEmpty() && found * 2 < terms.size())
            missing.append(req.simplified());
    }
    for (const DocumentSection &s : ctx.sections) {
        if (s.content.trimmed().isEmpty())
            missing.append(QStringLiteral("Section \"%1\" has no text").arg(s.title));
    }
    return QJsonObject {{QStringLiteral("completeness"), judged(local.completeness, ctx, QStringLiteral("completeness"))},
                        {QStringLiteral("missing"), missing}};
}

QJsonObject quality(const DocumentContext &ctx)
{
    const SimulatorCpu::Scope simulator;
    const QualityReport local = localReport(ctx);
    QJsonArray issues;
    for (const QualityFinding &f : local.findingsAtLeast(Severity::Major)) {
        if (issues.size() >= 5)
            break;
        issues.append(f.message);
    }
    return QJsonObject {
        {QStringLiteral("coherence"), judged(0.5 * local.structural + 0.5 * local.content + 0.03, ctx, QStringLiteral("coherence"))},
        {QStringLiteral("clarity"), judged(local.content, ctx, QStringLiteral("clarity"))},
        {QStringLiteral("issues"), issues},
    };
}

} // namespace Madf::SimulatedReplies
