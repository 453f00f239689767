#include "core/model/markdownrenderer.h"

#include <QRegularExpression>
#include <QStringList>

namespace Madf {

namespace {

// Code spans are swapped for \x01<n>\x02 while bold and italic are applied,
// so that "*" inside code is left alone. Input control characters are
// removed beforehand (HTML does not allow them anyway), so the markers
// cannot clash with the text.
QString stripControlCharacters(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\t') || c.category() != QChar::Other_Control)
            out.append(c);
    }
    return out;
}

QString renderInline(const QString &text)
{
    QString html = htmlEscape(text);

    QStringList codeSpans;
    static const QRegularExpression codeRe(QStringLiteral("`([^`\\n]+)`"));
    QString withMarkers;
    qsizetype last = 0;
    for (auto it = codeRe.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        withMarkers += QStringView(html).mid(last, m.capturedStart() - last);
        withMarkers += QChar(0x01) + QString::number(codeSpans.size()) + QChar(0x02);
        codeSpans.append(QStringLiteral("<code>") + m.captured(1) + QStringLiteral("</code>"));
        last = m.capturedEnd();
    }
    withMarkers += QStringView(html).mid(last);
    html = withMarkers;

    // Emphasis content may not hold "<" or ">": the text is escaped, so those
    // are our own tags, and refusing them keeps the output well nested.
    static const QRegularExpression boldItalicRe(QStringLiteral("\\*\\*\\*(?=\\S)([^*<>]+?)(?<=\\S)\\*\\*\\*"));
    static const QRegularExpression boldRe(QStringLiteral("\\*\\*(?=\\S)([^<>]+?)(?<=\\S)\\*\\*"));
    static const QRegularExpression italicRe(
        QStringLiteral("(?<![*\\w])\\*(?=[^\\s*])([^*<>]+?)(?<=\\S)\\*(?![*\\w])"));
    html.replace(boldItalicRe, QStringLiteral("<strong><em>\\1</em></strong>"));
    html.replace(boldRe, QStringLiteral("<strong>\\1</strong>"));
    html.replace(italicRe, QStringLiteral("<em>\\1</em>"));

    static const QRegularExpression markerRe(QStringLiteral("\\x01(\\d+)\\x02"));
    QString out;
    last = 0;
    for (auto it = markerRe.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        out += codeSpans.value(m.captured(1).toInt());
        last = m.capturedEnd();
    }
    out += QStringView(html).mid(last);
    return out;
}

class Renderer
{
public:
    QString render(const QString &markdown)
    {
        QString text = stripControlCharacters(markdown);
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text.replace(QLatin1Char('\r'), QLatin1Char('\n'));

        static const QRegularExpression headingRe(QStringLiteral("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$"));
        static const QRegularExpression bulletRe(QStringLiteral("^\\s*[-*+][ \\t]+(.*)$"));
        static const QRegularExpression numberRe(QStringLiteral("^\\s*\\d{1,9}[.)][ \\t]+(.*)$"));
        static const QRegularExpression fenceRe(QStringLiteral("^ {0,3}(```|~~~)"));

        const QStringList lines = text.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (m_inFence) {
                if (fenceRe.match(line).hasMatch()) {
                    m_out += htmlEscape(m_code.join(QLatin1Char('\n'))) + QStringLiteral("</code></pre>\n");
                    m_code.clear();
                    m_inFence = false;
                } else {
                    m_code.append(line);
                }
                continue;
            }
            if (fenceRe.match(line).hasMatch()) {
                closeBlocks();
                m_inFence = true;
                m_out += QStringLiteral("<pre><code>");
                continue;
            }
            if (line.trimmed().isEmpty()) {
                closeBlocks();
                continue;
            }
            if (const auto m = headingRe.match(line); m.hasMatch()) {
                closeBlocks();
                const QString level = QString::number(m.captured(1).size());
                m_out += QStringLiteral("<h") + level + QLatin1Char('>') + renderInline(m.captured(2))
                       + QStringLiteral("</h") + level + QStringLiteral(">\n");
                continue;
            }
            if (const auto m = bulletRe.match(line); m.hasMatch()) {
                addItem(QStringLiteral("ul"), m.captured(1));
                continue;
            }
            if (const auto m = numberRe.match(line); m.hasMatch()) {
                addItem(QStringLiteral("ol"), m.captured(1));
                continue;
            }
            // An indented line right after a list item continues that item.
            if (!m_list.isEmpty() && !m_items.isEmpty() && line.front().isSpace()) {
                m_items.last() += QLatin1Char('\n') + line.trimmed();
                continue;
            }
            closeList();
            m_paragraph.append(line.trimmed());
        }
        if (m_inFence) {
            // An unclosed fence still shows its code.
            m_out += htmlEscape(m_code.join(QLatin1Char('\n'))) + QStringLiteral("</code></pre>\n");
            m_inFence = false;
        }
        closeBlocks();
        return m_out;
    }

private:
    void addItem(const QString &listTag, const QString &text)
    {
        closeParagraph();
        if (m_list != listTag)
            closeList();
        m_list = listTag;
        m_items.append(text);
    }

    void closeParagraph()
    {
        if (m_paragraph.isEmpty())
            return;
        m_out += QStringLiteral("<p>") + renderInline(m_paragraph.join(QLatin1Char('\n'))) + QStringLiteral("</p>\n");
        m_paragraph.clear();
    }

    void closeList()
    {
        if (m_list.isEmpty())
            return;
        m_out += QLatin1Char('<') + m_list + QStringLiteral(">\n");
        for (const QString &item : std::as_const(m_items))
            m_out += QStringLiteral("<li>") + renderInline(item) + QStringLiteral("</li>\n");
        m_out += QStringLiteral("</") + m_list + QStringLiteral(">\n");
        m_list.clear();
        m_items.clear();
    }

    void closeBlocks()
    {
        closeParagraph();
        closeList();
    }

    QString m_out;
    QStringList m_paragraph;
    QString m_list;  // "ul", "ol" or empty
    QStringList m_items;
    QStringList m_code;
    bool m_inFence = false;
};

} // namespace

QString htmlEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&': out += QStringLiteral("&amp;"); break;
        case '<': out += QStringLiteral("&lt;"); break;
        case '>': out += QStringLiteral("&gt;"); break;
        case '"': out += QStringLiteral("&quot;"); break;
        case '\'': out += QStringLiteral("&#39;"); break;
        default: out += c;
        }
    }
    return out;
}

QString markdownToHtml(const QString &markdown)
{
    return Renderer().render(markdown);
}

} // namespace Madf
