#include "core/agents/replytext.h"

#include "core/agents/jsonreply.h"

#include <QRegularExpression>
#include <QStringList>
#include <QStringTokenizer>

namespace Madf {

namespace {

QString normalizedTitle(QString text)
{
    static const QRegularExpression numberingRe(QStringLiteral("^[\\d.)\\s]+"));
    static const QRegularExpression nonWordRe(QStringLiteral("[^\\w]+"));
    text.remove(numberingRe);
    return text.toLower().replace(nonWordRe, QStringLiteral(" ")).trimmed();
}

} // namespace

QString proseBody(const QString &reply, const QString &title, bool dropLeadingHeading)
{
    QString text = stripThinking(reply).trimmed();

    static const QRegularExpression wholeFenceRe(QStringLiteral("^```[ \\t]*(?:markdown|md|text)?[ \\t]*\\n(.*?)\\n?```\\s*$"),
                                                 QRegularExpression::DotMatchesEverythingOption
                                                     | QRegularExpression::CaseInsensitiveOption);
    // The three expressions are anchored at the start: a first character
    // none of them can match there spares running them over a whole section.
    if (text.startsWith(QLatin1String("```"))) {
        const QRegularExpressionMatch fence = wholeFenceRe.match(text);
        if (fence.hasMatch())
            text = fence.captured(1).trimmed();
    }

    static const QRegularExpression preambleRe(QStringLiteral("^(?:sure|certainly|of course|here is|here's|below is)[^\\n]{0,160}:\\s*\\n"),
                                               QRegularExpression::CaseInsensitiveOption);
    // The const front(): the other, on this copy of the reply, would copy it whole.
    if (!text.isEmpty() && QStringLiteral("scohb").contains(std::as_const(text).front().toCaseFolded())) {
        text.remove(preambleRe);
        text = text.trimmed();
    }

    static const QRegularExpression headingRe(QStringLiteral("^(#{1,6})[ \\t]+([^\\n]*)\\n?"));
    const QRegularExpressionMatch heading = text.startsWith(QLatin1Char('#')) ? headingRe.match(text)
                                                                              : QRegularExpressionMatch();
    if (heading.hasMatch()) {
        const bool repeatsTitle = !title.isEmpty() && normalizedTitle(heading.captured(2)) == normalizedTitle(title);
        const bool topLevel = heading.captured(1).size() <= 2;
        if (repeatsTitle || (dropLeadingHeading && topLevel))
            text = text.mid(heading.capturedEnd()).trimmed();
    }
    return text;
}

QString demoteHeadings(const QString &markdown, int topLevel)
{
    static const QRegularExpression headingRe(QStringLiteral("^(#{1,6})([ \\t])"));
    static const QRegularExpression fenceRe(QStringLiteral("^\\s{0,3}(```|~~~)"));
    // Without a '#' there is nothing to demote (and fences do not matter).
    if (!markdown.contains(QLatin1Char('#')))
        return markdown;
    // Only a line opening with '#', '`' or '~' (after up to three spaces)
    // can be a heading or a fence: the others skip both patterns.
    const auto mayMatter = [](QStringView line) {
        const QStringView start = line.trimmed().left(1);
        return !start.isEmpty() && (start[0] == QLatin1Char('#') || start[0] == QLatin1Char('`')
                                    || start[0] == QLatin1Char('~'));
    };
    // First the shallowest heading, without cutting the text into lines:
    // most sections need no demotion at all.
    int shallowest = 7;
    bool inFence = false;
    for (const QStringView line : qTokenize(QStringView(markdown), QLatin1Char('\n'))) {
        if (!mayMatter(line))
            continue;
        const QString candidate = line.toString();
        if (fenceRe.match(candidate).hasMatch())
            inFence = !inFence;
        else if (!inFence) {
            const QRegularExpressionMatch m = headingRe.match(candidate);
            if (m.hasMatch())
                shallowest = qMin(shallowest, int(m.capturedLength(1)));
        }
    }
    if (shallowest >= topLevel)
        return markdown;
    const int shift = topLevel - shallowest;
    QStringList lines = markdown.split(QLatin1Char('\n'));
    inFence = false;
    for (QString &line : lines) {
        if (!mayMatter(line))
            continue;
        if (fenceRe.match(line).hasMatch()) {
            inFence = !inFence;
            continue;
        }
        const QRegularExpressionMatch m = inFence ? QRegularExpressionMatch() : headingRe.match(line);
        if (m.hasMatch()) {
            const int level = qMin(6, int(m.capturedLength(1)) + shift);
            line = QString(level, QLatin1Char('#')) + line.mid(m.capturedLength(1));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Madf
