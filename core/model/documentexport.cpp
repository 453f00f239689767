// Document::toMarkdown() and Document::toHtml(): the two export formats.

#include "core/model/document.h"
#include "core/model/markdownrenderer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Madf {

namespace {

// lupdate files a bare tr() under the class or namespace it is called
// in; calls outside the class this context belongs to name it.
struct DocumentTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::Document)
};
QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::Document", text);
}

// A heading is one line: a title with a line break would end it early.
QString oneLine(const QString &text)
{
    return text.simplified();
}

QString displayTitle(const Document &document)
{
    const QString title = oneLine(document.title);
    return title.isEmpty() ? DocumentTr::tr("Untitled document") : title;
}

// The writer often opens a section with its own title as a level-1 or -2
// heading; adding ours on top would show the title twice. A section that
// opens with a sub-heading (###) still needs its own title above it.
// "# " or "## " after blank lines and spaces (the pattern ^\s*#{1,2}[ \t],
// read by hand: it runs for every section of every export and save).
bool startsWithHeading(const QString &content)
{
    qsizetype i = 0;
    while (i < content.size() && (content[i] == u' ' || (content[i] >= u'\t' && content[i] <= u'\r')))
        ++i;
    qsizetype hashes = 0;
    while (i + hashes < content.size() && content[i + hashes] == u'#')
        ++hashes;
    return (hashes == 1 || hashes == 2) && i + hashes < content.size()
        && (content[i + hashes] == u' ' || content[i + hashes] == u'\t');
}

// Turns the http(s) URLs in a reference into links; everything else is text.
QString linkifiedReference(const QString &text)
{
    static const QRegularExpression urlRe(QStringLiteral("https?://[^\\s<>\"']+"),
                                          QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype last = 0;
    for (auto it = urlRe.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        html += htmlEscape(text.mid(last, m.capturedStart() - last));
        const QString url = htmlEscape(m.captured());
        html += QStringLiteral("<a href=\"") + url + QStringLiteral("\">") + url + QStringLiteral("</a>");
        last = m.capturedEnd();
    }
    html += htmlEscape(text.mid(last));
    return html;
}

const char *const kStyleSheet =
    "body{margin:0;background:#fdfdfc;color:#1f2328;font:17px/1.65 Georgia,\"Times New Roman\",serif}\n"
    "main{max-width:44rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}\n"
    "h1,h2,h3,h4,h5,h6{font-family:system-ui,\"Segoe UI\",Roboto,sans-serif;line-height:1.25}\n"
    "h1{font-size:2rem;margin:0 0 1.5rem}\n"
    "h2{font-size:1.4rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:1px solid #e3e3e0}\n"
    "h3{font-size:1.15rem;margin:1.6rem 0 .6rem}\n"
    "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em;background:#f0f0ed;"
    "padding:.1em .3em;border-radius:3px}\n"
    "pre{background:#f0f0ed;padding:.9rem 1rem;overflow:auto;border-radius:4px}\n"
    "pre code{padding:0;background:none}\n"
    "a{color:#0b5cad;overflow-wrap:anywhere}\n"
    "@media (prefers-color-scheme:dark){body{background:#1b1b1d;color:#e4e4e4}"
    "code,pre{background:#2a2a2e}h2{border-color:#38383c}a{color:#7ab7ff}}\n"
    "@media print{body{background:#fff;color:#000}main{max-width:none;padding:0}}\n";

} // namespace

QString Document::toMarkdown() const
{
    QString md = QStringLiteral("# ") + displayTitle(*this) + QStringLiteral("\n");
    for (const DocumentSection &section : orderedSections()) {
        const QString title = oneLine(section.title);
        const QString content = section.content.trimmed();
        if (!title.isEmpty() && !startsWithHeading(content))
            md += QStringLiteral("\n## ") + title + QStringLiteral("\n");
        if (!content.isEmpty())
            md += QStringLiteral("\n") + content + QStringLiteral("\n");
    }
    const QStringList references = referenceList();
    if (!references.isEmpty()) {
        md += QStringLiteral("\n## ") + tr("References") + QStringLiteral("\n\n");
        for (qsizetype i = 0; i < references.size(); ++i)
            md += QString::number(i + 1) + QStringLiteral(". ") + oneLine(references.at(i)) + QStringLiteral("\n");
    }
    return md;
}

QString Document::toHtml() const
{
    // Only a well-formed language tag goes into the attribute.
    static const QRegularExpression langRe(QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"));
    const QString language = metadata.value(QStringLiteral("language")).toString();
    const QString langAttribute = langRe.match(language).hasMatch()
        ? QStringLiteral(" lang=\"") + language + QStringLiteral("\"") : QString();

    const QString title = htmlEscape(displayTitle(*this));
    QString html = QStringLiteral("<!DOCTYPE html>\n<html") + langAttribute + QStringLiteral(">\n<head>\n")
        + QStringLiteral("<meta charset=\"utf-8\">\n")
        + QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        + QStringLiteral("<meta name=\"generator\" content=\"MADF Studio\">\n")
        + QStringLiteral("<title>") + title + QStringLiteral("</title>\n")
        + QStringLiteral("<style>\n") + QLatin1String(kStyleSheet) + QStringLiteral("</style>\n")
        + QStringLiteral("</head>\n<body>\n<main>\n<article>\n")
        + QStringLiteral("<h1>") + title + QStringLiteral("</h1>\n");

    for (const DocumentSection &section : orderedSections()) {
        html += QStringLiteral("<section>\n");
        const QString sectionTitle = oneLine(section.title);
        if (!sectionTitle.isEmpty() && !startsWithHeading(section.content))
            html += QStringLiteral("<h2>") + htmlEscape(sectionTitle) + QStringLiteral("</h2>\n");
        html += markdownToHtml(section.content);
        html += QStringLiteral("</section>\n");
    }

    const QStringList references = referenceList();
    if (!references.isEmpty()) {
        html += QStringLiteral("<section class=\"references\">\n<h2>") + htmlEscape(tr("References"))
              + QStringLiteral("</h2>\n<ol>\n");
        for (const QString &reference : references)
            html += QStringLiteral("<li>") + linkifiedReference(reference) + QStringLiteral("</li>\n");
        html += QStringLiteral("</ol>\n</section>\n");
    }
    html += QStringLiteral("</article>\n</main>\n</body>\n</html>\n");
    return html;
}

} // namespace Madf
