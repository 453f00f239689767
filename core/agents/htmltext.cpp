#include "core/agents/htmltext.h"

#include <QHash>
#include <QRegularExpression>

namespace Madf {

namespace {

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> entities {
        {QStringLiteral("amp"), U'&'}, {QStringLiteral("lt"), U'<'}, {QStringLiteral("gt"), U'>'},
        {QStringLiteral("quot"), U'"'}, {QStringLiteral("apos"), U'\''}, {QStringLiteral("nbsp"), U' '},
        {QStringLiteral("ndash"), U'\u2013'}, {QStringLiteral("mdash"), U'\u2014'},
        {QStringLiteral("hellip"), U'\u2026'}, {QStringLiteral("lsquo"), U'\u2018'},
        {QStringLiteral("rsquo"), U'\u2019'}, {QStringLiteral("ldquo"), U'\u201C'},
        {QStringLiteral("rdquo"), U'\u201D'}, {QStringLiteral("laquo"), U'\u00AB'},
        {QStringLiteral("raquo"), U'\u00BB'}, {QStringLiteral("copy"), U'\u00A9'},
        {QStringLiteral("reg"), U'\u00AE'}, {QStringLiteral("trade"), U'\u2122'},
        {QStringLiteral("deg"), U'\u00B0'}, {QStringLiteral("plusmn"), U'\u00B1'},
        {QStringLiteral("times"), U'\u00D7'}, {QStringLiteral("divide"), U'\u00F7'},
        {QStringLiteral("euro"), U'\u20AC'}, {QStringLiteral("pound"), U'\u00A3'},
        {QStringLiteral("yen"), U'\u00A5'}, {QStringLiteral("cent"), U'\u00A2'},
        {QStringLiteral("sect"), U'\u00A7'}, {QStringLiteral("para"), U'\u00B6'},
        {QStringLiteral("middot"), U'\u00B7'}, {QStringLiteral("bull"), U'\u2022'},
        {QStringLiteral("shy"), U'\u00AD'}, {QStringLiteral("ensp"), U'\u2002'},
        {QStringLiteral("emsp"), U'\u2003'}, {QStringLiteral("thinsp"), U'\u2009'},
        {QStringLiteral("eacute"), U'\u00E9'}, {QStringLiteral("egrave"), U'\u00E8'},
        {QStringLiteral("ecirc"), U'\u00EA'}, {QStringLiteral("aacute"), U'\u00E1'},
        {QStringLiteral("agrave"), U'\u00E0'}, {QStringLiteral("acirc"), U'\u00E2'},
        {QStringLiteral("auml"), U'\u00E4'}, {QStringLiteral("ouml"), U'\u00F6'},
        {QStringLiteral("uuml"), U'\u00FC'}, {QStringLiteral("Auml"), U'\u00C4'},
        {QStringLiteral("Ouml"), U'\u00D6'}, {QStringLiteral("Uuml"), U'\u00DC'},
        {QStringLiteral("szlig"), U'\u00DF'}, {QStringLiteral("ccedil"), U'\u00E7'},
        {QStringLiteral("ntilde"), U'\u00F1'}, {QStringLiteral("oacute"), U'\u00F3'},
        {QStringLiteral("iacute"), U'\u00ED'}, {QStringLiteral("uacute"), U'\u00FA'},
        {QStringLiteral("rarr"), U'\u2192'}, {QStringLiteral("larr"), U'\u2190'},
        {QStringLiteral("le"), U'\u2264'}, {QStringLiteral("ge"), U'\u2265'},
        {QStringLiteral("ne"), U'\u2260'}, {QStringLiteral("minus"), U'\u2212'},
    };
    return entities;
}

QString fromCodePoint(char32_t cp)
{
    // Invalid references become U+FFFD, as browsers do.
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    return QString::fromUcs4(&cp, 1);
}

} // namespace

QString decodeHtmlEntities(const QString &text)
{
    static const QRegularExpression entityRe(QStringLiteral("&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"));
    if (!text.contains(QLatin1Char('&')))
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = entityRe.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString ref = m.captured(1);
        if (ref.startsWith(QLatin1String("#x")) || ref.startsWith(QLatin1String("#X"))) {
            out += fromCodePoint(char32_t(ref.mid(2).toUInt(nullptr, 16)));
        } else if (ref.startsWith(QLatin1Char('#'))) {
            out += fromCodePoint(char32_t(ref.mid(1).toUInt()));
        } else {
            const auto named = namedEntities().constFind(ref);
            out += named != namedEntities().constEnd() ? fromCodePoint(*named) : m.captured();
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString htmlTitle(const QString &html)
{
    static const QRegularExpression titleRe(QStringLiteral("<title[^>]*>(.*?)</title\\s*>"),
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression h1Re(QStringLiteral("<h1[^>]*>(.*?)</h1\\s*>"),
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tagRe(QStringLiteral("<[^>]*>"));
    for (const QRegularExpression *re : {&titleRe, &h1Re}) {
        const QRegularExpressionMatch m = re->match(html);
        if (m.hasMatch()) {
            QString title = m.captured(1);
            title.remove(tagRe);
            title = decodeHtmlEntities(title).simplified();
            if (!title.isEmpty())
                return title;
        }
    }
    return {};
}

QString htmlToText(const QString &html)
{
    using RE = QRegularExpression;
    const auto opts = RE::CaseInsensitiveOption | RE::DotMatchesEverythingOption;
    static const RE commentRe(QStringLiteral("<!--.*?-->"), opts);
    static const RE dropRe(QStringLiteral("<(script|style|noscript|template|svg|head|iframe|object)\\b[^>]*>.*?</\\1\\s*>"), opts);
    static const RE declRe(QStringLiteral("<![^>]*>|<\\?[^>]*>"), opts);
    static const RE itemRe(QStringLiteral("<li\\b[^>]*>"), opts);
    static const RE breakRe(QStringLiteral("<br\\s*/?>|</?(tr)\\b[^>]*>"), opts);
    static const RE cellRe(QStringLiteral("</t[dh]\\s*>"), opts);
    static const RE blockRe(QStringLiteral("</?(p|div|h[1-6]|ul|ol|dl|dt|dd|table|thead|tbody|section|article|"
                                           "header|footer|nav|aside|main|blockquote|pre|figure|figcaption|hr|"
                                           "address|details|summary|form|fieldset)\\b[^>]*>"),
                            opts);
    static const RE tagRe(QStringLiteral("<[^>]*>"), opts);
    // Not \\s or \\v: in PCRE both match line breaks, which carry the structure here.
    static const RE spacesRe(QStringLiteral("[ \\t\\r\\x{000C}\\x{00A0}]+"));
    static const RE blankLinesRe(QStringLiteral("\\n{3,}"));

    QString text = html;
    text.remove(commentRe);
    text.remove(dropRe);
    text.remove(declRe);
    // Source line breaks are just white space in HTML; structure comes from tags.
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(itemRe, QStringLiteral("\n- "));
    text.replace(breakRe, QStringLiteral("\n"));
    text.replace(cellRe, QStringLiteral(" "));
    text.replace(blockRe, QStringLiteral("\n\n"));
    text.remove(tagRe);
    text = decodeHtmlEntities(text);
    text.replace(spacesRe, QStringLiteral(" "));

    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.trimmed();
    // "- " items split from their text by a block tag inside the <li> are joined again.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines.at(i) == QLatin1String("-")) {
            qsizetype j = i + 1;
            while (j < lines.size() && lines.at(j).isEmpty())
                ++j;
            if (j < lines.size()) {
                lines[i] = QStringLiteral("- ") + lines.at(j);
                lines.remove(i + 1, j - i);
            }
        }
    }
    text = lines.join(QLatin1Char('\n'));
    text.replace(blankLinesRe, QStringLiteral("\n\n"));
    return text.trimmed();
}

} // namespace Madf
