#include "core/agents/replytext.h"

#include "core/agents/jsonreply.h"

#include <QRegularExpression>
#include <QStringList>
#include <QStringTokenizer>

namespace Madf {

namespace {

// Hand-written scans instead of regular expressions here: these run on
// every reply and every line that opens with '#', and a QRegularExpression
// match costs thousands of instructions before it looks at the text.

// A title without its numbering ("2.1) "), in lower case, its runs of
// non-word characters (not letter, digit or '_') made single spaces.
QString normalizedTitle(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size()
           && (text[i].isDigit() || text[i] == u'.' || text[i] == u')' || text[i].isSpace()))
        ++i;
    QString out;
    out.reserve(text.size() - i);
    bool gap = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isLetterOrNumber() || c == u'_') {
            if (gap && !out.isEmpty())
                out.append(u' ');
            gap = false;
            out.append(c);
        } else {
            gap = true;
        }
    }
    return out.toLower();
}

// The level of the ATX heading "#".."######" + blank that opens `line`, or 0.
int atxLevel(QStringView line)
{
    qsizetype hashes = 0;
    while (hashes < line.size() && line[hashes] == u'#')
        ++hashes;
    if (hashes == 0 || hashes > 6 || hashes >= line.size() || (line[hashes] != u' ' && line[hashes] != u'\t'))
        return 0;
    return int(hashes);
}

// Whether `line` opens or closes a code fence: ``` or ~~~ after at most
// three blanks.
bool isFence(QStringView line)
{
    qsizetype blanks = 0;
    while (blanks < line.size() && line[blanks].isSpace())
        ++blanks;
    if (blanks > 3)
        return false;
    const QStringView rest = line.mid(blanks);
    return rest.startsWith(u"```") || rest.startsWith(u"~~~");
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

    // A leading "## Heading" line.
    if (const int level = atxLevel(text)) {
        qsizetype start = level;
        while (start < text.size() && (text[start] == u' ' || text[start] == u'\t'))
            ++start;
        const qsizetype newline = text.indexOf(u'\n', start);
        const qsizetype lineEnd = newline < 0 ? text.size() : newline;
        const QStringView headingText = QStringView(text).mid(start, lineEnd - start);
        const bool repeatsTitle = !title.isEmpty() && normalizedTitle(headingText) == normalizedTitle(title);
        const bool topLevel = level <= 2;
        if (repeatsTitle || (dropLeadingHeading && topLevel))
            text = text.mid(newline < 0 ? text.size() : newline + 1).trimmed();
    }
    return text;
}

QString demoteHeadings(const QString &markdown, int topLevel)
{
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
        if (isFence(line))
            inFence = !inFence;
        else if (!inFence) {
            if (const int level = atxLevel(line))
                shallowest = qMin(shallowest, level);
        }
    }
    if (shallowest >= topLevel)
        return markdown;
    // Then one copy, each heading's marks changed on the way: cutting the
    // text into lines and joining them again cost most of the demotion.
    const int shift = topLevel - shallowest;
    QString out;
    out.reserve(markdown.size() + 16 * shift);
    inFence = false;
    bool first = true;
    for (const QStringView line : qTokenize(QStringView(markdown), QLatin1Char('\n'))) {
        if (!first)
            out += QLatin1Char('\n');
        first = false;
        int level = 0;
        if (mayMatter(line)) {
            if (isFence(line))
                inFence = !inFence;
            else if (!inFence)
                level = atxLevel(line);
        }
        if (level > 0) {
            for (int k = qMin(6, level + shift); k > 0; --k)
                out += QLatin1Char('#');
            out.append(line.mid(level));
        } else {
            out.append(line);
        }
    }
    return out;
}

} // namespace Madf
