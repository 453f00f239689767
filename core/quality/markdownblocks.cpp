#include "core/quality/markdownblocks.h"

#include <optional>
#include <utility>

namespace Madf {

namespace {

struct Fence
{
    QChar mark;
    qsizetype length = 0;
};

// Columns of leading white space, a tab counting as four.
int indentOf(QStringView line, qsizetype *firstNonSpace)
{
    int columns = 0;
    qsizetype i = 0;
    for (; i < line.size(); ++i) {
        if (line[i] == u' ')
            ++columns;
        else if (line[i] == u'\t')
            columns += 4;
        else
            break;
    }
    *firstNonSpace = i;
    return columns;
}

qsizetype runOf(QStringView text, QChar c)
{
    qsizetype n = 0;
    while (n < text.size() && text[n] == c)
        ++n;
    return n;
}

std::optional<Fence> fenceOpening(QStringView rest)
{
    for (const QChar mark : {QChar(u'`'), QChar(u'~')}) {
        const qsizetype n = runOf(rest, mark);
        if (n >= 3)
            return Fence {mark, n};
    }
    return std::nullopt;
}

bool closesFence(QStringView rest, const Fence &fence)
{
    const qsizetype n = runOf(rest, fence.mark);
    return n >= fence.length && rest.mid(n).trimmed().isEmpty();
}

// "## Title ##" -> level 2, "Title"; "#hashtag" is not a heading.
int atxHeading(QStringView rest, QString *title)
{
    const qsizetype n = runOf(rest, u'#');
    if (n < 1 || n > 6 || (n < rest.size() && rest[n] != u' ' && rest[n] != u'\t'))
        return 0;
    QStringView text = rest.mid(n).trimmed();
    const qsizetype closing = [&] {
        qsizetype i = text.size();
        while (i > 0 && text[i - 1] == u'#')
            --i;
        return i;
    }();
    if (closing < text.size() && (closing == 0 || text[closing - 1] == u' '))
        text = text.left(closing).trimmed();
    *title = text.toString();
    return int(n);
}

// "---", "* * *", "___": three or more of one mark, spaces allowed.
bool isRule(QStringView rest)
{
    const QChar mark = rest.front();
    if (mark != u'-' && mark != u'*' && mark != u'_')
        return false;
    int count = 0;
    for (const QChar c : rest) {
        if (c == mark)
            ++count;
        else if (c != u' ' && c != u'\t')
            return false;
    }
    return count >= 3;
}

bool allOf(QStringView rest, QChar mark)
{
    const QStringView trimmed = rest.trimmed();
    return !trimmed.isEmpty() && runOf(trimmed, mark) == trimmed.size();
}

// The text after a list marker ("- ", "* ", "+ ", "12. ", "3) "), or -1.
qsizetype listItemStart(QStringView rest)
{
    qsizetype i = 0;
    if (rest.front() == u'-' || rest.front() == u'*' || rest.front() == u'+') {
        i = 1;
    } else {
        while (i < rest.size() && i < 9 && rest[i].isDigit())
            ++i;
        if (i == 0 || i >= rest.size() || (rest[i] != u'.' && rest[i] != u')'))
            return -1;
        ++i;
    }
    if (i < rest.size() && rest[i] != u' ' && rest[i] != u'\t')
        return -1;
    while (i < rest.size() && (rest[i] == u' ' || rest[i] == u'\t'))
        ++i;
    // Task lists: "- [ ] item", "- [x] item".
    if (rest.mid(i, 3).compare(u"[ ]") == 0 || rest.mid(i, 3).compare(u"[x]", Qt::CaseInsensitive) == 0)
        i = qMin(rest.size(), i + 4);
    return i;
}

class BlockReader
{
public:
    void readLine(QStringView line, int lineNumber);
    QList<MarkdownBlock> takeBlocks() { return std::move(m_blocks); }

private:
    MarkdownBlock &add(MarkdownBlock::Kind kind, QString text, int lineNumber, int level = 0)
    {
        m_blocks.append(MarkdownBlock {kind, level, std::move(text), lineNumber});
        return m_blocks.last();
    }
    MarkdownBlock *openBlock() { return m_openIndex >= 0 ? &m_blocks[m_openIndex] : nullptr; }
    void openLast() { m_openIndex = int(m_blocks.size() - 1); m_openLines = 1; }
    void close() { m_openIndex = -1; m_openLines = 0; }

    QList<MarkdownBlock> m_blocks;
    std::optional<Fence> m_fence;
    int m_codeLines = 0;
    int m_openIndex = -1;  ///< paragraph, quote or list item that a next text line continues
    int m_openLines = 0;
    bool m_lastWasIndentedCode = false;
};

void BlockReader::readLine(QStringView line, int lineNumber)
{
    if (line.endsWith(u'\r'))
        line.chop(1);

    if (m_fence) {
        qsizetype start = 0;
        if (indentOf(line, &start) < 4 && closesFence(line.mid(start), *m_fence)) {
            m_fence.reset();
            return;
        }
        QString &code = m_blocks.last().text;
        if (m_codeLines++ > 0)
            code += u'\n';
        code += line;
        return;
    }

    qsizetype start = 0;
    const int indent = indentOf(line, &start);
    const QStringView rest = line.mid(start);
    const bool lastWasIndentedCode = std::exchange(m_lastWasIndentedCode, false);

    if (rest.isEmpty()) {
        close();
        m_lastWasIndentedCode = lastWasIndentedCode;
        return;
    }
    if (indent >= 4 && !openBlock()
        && (m_blocks.isEmpty() || m_blocks.last().kind != MarkdownBlock::Kind::ListItem)) {
        if (lastWasIndentedCode)
            m_blocks.last().text += u'\n' + line.mid(qMin<qsizetype>(start, 4)).toString();
        else
            add(MarkdownBlock::Kind::Code, line.mid(qMin<qsizetype>(start, 4)).toString(), lineNumber);
        m_lastWasIndentedCode = true;
        return;
    }
    if (indent < 4) {
        if (const auto fence = fenceOpening(rest)) {
            close();
            m_fence = fence;
            m_codeLines = 0;
            add(MarkdownBlock::Kind::Code, QString(), lineNumber);
            return;
        }
        QString title;
        if (const int level = atxHeading(rest, &title)) {
            close();
            add(MarkdownBlock::Kind::Heading, title, lineNumber, level);
            return;
        }
        // A one-line paragraph underlined with === or --- is a heading.
        MarkdownBlock *open = openBlock();
        if (open && open->kind == MarkdownBlock::Kind::Paragraph && m_openLines == 1
            && (allOf(rest, u'=') || allOf(rest, u'-'))) {
            open->kind = MarkdownBlock::Kind::Heading;
            open->level = rest.front() == u'=' ? 1 : 2;
            close();
            return;
        }
    }
    if (isRule(rest)) {
        close();
        add(MarkdownBlock::Kind::Rule, QString(), lineNumber);
        return;
    }
    if (rest.front() == u'|') {
        close();
        add(MarkdownBlock::Kind::Table, rest.toString(), lineNumber);
        return;
    }
    if (rest.front() == u'>') {
        QStringView quoted = rest.mid(1);
        while (quoted.startsWith(u'>'))
            quoted = quoted.mid(1);
        quoted = quoted.trimmed();
        MarkdownBlock *open = openBlock();
        if (quoted.isEmpty()) {
            close();
        } else if (open && open->kind == MarkdownBlock::Kind::Quote) {
            open->text += u' ' + quoted.toString();
            ++m_openLines;
        } else {
            add(MarkdownBlock::Kind::Quote, quoted.toString(), lineNumber);
            openLast();
        }
        return;
    }
    if (const qsizetype itemStart = listItemStart(rest); itemStart >= 0) {
        add(MarkdownBlock::Kind::ListItem, rest.mid(itemStart).trimmed().toString(), lineNumber);
        openLast();
        return;
    }
    if (MarkdownBlock *open = openBlock()) {
        // Continuation lines, including Markdown's lazy ones after a list item or quote.
        open->text += u' ' + rest.trimmed().toString();
        ++m_openLines;
        return;
    }
    add(MarkdownBlock::Kind::Paragraph, rest.trimmed().toString(), lineNumber);
    openLast();
}

} // namespace

QList<MarkdownBlock> parseMarkdownBlocks(QStringView markdown)
{
    BlockReader reader;
    int lineNumber = 0;
    qsizetype from = 0;
    while (from <= markdown.size()) {
        qsizetype end = markdown.indexOf(u'\n', from);
        if (end < 0)
            end = markdown.size();
        reader.readLine(markdown.mid(from, end - from), ++lineNumber);
        from = end + 1;
    }
    return reader.takeBlocks();
}

} // namespace Madf
