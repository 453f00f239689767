#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Madf {

/** One block of a Markdown text, as the quality checks need to tell them
 *  apart: prose (paragraphs, quotes) is what readability measures; headings
 *  carry the outline; code and tables are neither. This is a deliberately
 *  small line-based reader of the Markdown that models write, not a
 *  CommonMark parser. */
struct MarkdownBlock
{
    enum class Kind { Paragraph, Quote, Heading, ListItem, Code, Table, Rule };

    Kind kind = Kind::Paragraph;
    int level = 0;  ///< 1..6 for headings, 0 otherwise
    /** Paragraph, Quote, ListItem: the block's lines joined by spaces, block
     *  marks ("> ", "- ", "1. ") removed, inline marks kept. Heading: the
     *  title. Code: the lines inside the fence, joined by '\n'. Table: the row. */
    QString text;
    int line = 0;  ///< first line of the block, from 1

    bool isProse() const { return kind == Kind::Paragraph || kind == Kind::Quote; }
    /** Any block whose text is written words, not code. */
    bool isText() const { return kind != Kind::Code && kind != Kind::Rule; }
};

/** The blocks of `markdown` in order. Fenced (``` or ~~~) and indented code,
 *  ATX ("## x") and one-line setext headings, list items with their
 *  continuation lines, block quotes, table rows and rules are recognised;
 *  everything else is paragraph text. Never fails. */
QList<MarkdownBlock> parseMarkdownBlocks(QStringView markdown);

} // namespace Madf
