#pragma once

// Internal to core/quality: one pass over a document that every quality
// check reads from, so that Markdown is parsed and prose measured once.

#include "core/model/document.h"
#include "core/quality/markdownblocks.h"
#include "core/quality/readability.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Madf::QualityScan {

/** Where a section belongs in a document's outline, judged by its title. */
enum class SectionKind {
    Front,         ///< abstract, executive summary, overview, contents: before the introduction
    Introduction,
    Body,
    Conclusion,    ///< conclusion, recommendations, final thoughts
    Back,          ///< references, appendix, glossary: after the conclusion
};

struct SectionScan
{
    QString title;
    SectionKind kind = SectionKind::Body;
    QList<MarkdownBlock> blocks;
    ProseText prose;
    int words = 0;           ///< as Document::countWords() counts the content
    bool hasBody = false;    ///< any word outside headings
    QList<int> citations;    ///< every [n] cited, in order, ranges expanded
    QStringList markers;     ///< placeholders left in ("TODO", "Lorem ipsum", "As an AI"), each once

    bool isEmpty() const { return !hasBody; }
};

struct DocumentScan
{
    QString title;
    QList<SectionScan> sections;  ///< in display order
    ReadabilityStats readability; ///< all sections' prose together
    int words = 0;
};

DocumentScan scan(const Document &document);

/** Lower-case words of a title or requirement, with plural -s and -ies
 *  folded ("Conclusions" -> "conclusion", "studies" -> "study"). */
QStringList stemmedWords(QStringView text);
QString stem(QString lowerWord);
/** stem() on a lower-case word in a buffer; returns its new length. */
qsizetype stemInPlace(QChar *word, qsizetype size);

/** Whether a section title names `requiredName` ("Conclusion" matches
 *  "Conclusions", "Conclusion and outlook", "3. Concluding remarks").
 *  Alternatives are separated by '/': "Conclusion/Recommendations". */
bool titleMatches(const QString &title, const QString &requiredName);

SectionKind kindOf(const QString &title);

/** [n] citations in text ("[3]", "[1, 2]", "[2-4]"); links "[1](url)" are not. */
QList<int> citationsIn(QStringView text);

} // namespace Madf::QualityScan
