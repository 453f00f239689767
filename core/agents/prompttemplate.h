#pragma once

#include "core/llm/tokenscan.h"

#include <QList>
#include <QString>
#include <QVariantMap>

namespace Madf {

/** One part (system or user) of a prompt template, parsed once when the
 *  file is read: `{{name}}` variables, `{{#name}}…{{/name}}` kept when the
 *  variable is set, `{{^name}}…{{/name}}` when it is not; sections may nest.
 *  Every model request renders two of these, each around a whole draft:
 *  matching the tags with regular expressions on every render cost as much
 *  as the rest of building the request.
 *
 *  A text whose tags do not pair up cleanly (a `{{#` that is no tag, a
 *  section closed by another name, one never closed) is rendered by the
 *  original regular-expression rules instead, so an odd template renders
 *  exactly as it always did. */
class PromptTemplate
{
public:
    PromptTemplate() = default;
    explicit PromptTemplate(const QString &text);

    /** What a render is made of, for counting its tokens from parts already
     *  counted: the long text values it took in (drafts, briefs, which the
     *  token counter remembers), and the rest. */
    struct Parts
    {
        static constexpr qsizetype kLargeChars = 256;
        QList<QString> large;  ///< string values of kLargeChars or more, once per use
        TokenFeatures other;   ///< of every other piece (TokenScan::piece), before blank runs were collapsed
        int seams = 0;         ///< places where a large value meets the rest
        bool known = true;     ///< false when rendered by the regular-expression rules
    };

    /** The text with its sections resolved and variables filled in, runs of
     *  blank lines left by empty sections collapsed, trimmed. @p name (the
     *  template's) is for the one warning about a missing variable. */
    /** @p room: characters the caller will append, left free in the result
     *  so that appending them does not copy the prompt again. */
    QString render(const QString &name, const QVariantMap &vars, Parts *parts = nullptr, qsizetype room = 0) const;

    /** @p text rendered by the regular-expression rules, as render() does
     *  for a text it could not parse (and as tests compare it with). */
    static QString renderByExpressions(const QString &name, const QString &text, const QVariantMap &vars);

    /** False when the text is rendered by the regular-expression rules. */
    bool isParsed() const { return m_parsed; }

private:
    struct Node
    {
        enum class Kind { Text, Variable, Section, InvertedSection };
        Kind kind = Kind::Text;
        QString text;          ///< the literal text, or the variable's name
        QList<Node> children;  ///< of a section
        TokenFeatures features;   ///< of a literal text, as a piece (TokenScan::piece): counted once
    };
    static bool parse(const QString &text, QList<Node> *nodes);
    /** Reads nodes from *@p pos up to the `{{/closing}}` tag (the end of the
     *  text when @p closing is null); false when the tags do not pair up. */
    static bool parseUntil(QStringView s, qsizetype *pos, const QString *closing, int depth, int *sections,
                           QList<Node> *nodes);
    static void renderNodes(const QList<Node> &nodes, const QString &name, const QVariantMap &vars, QString *out,
                            Parts *parts);

    QString m_text;
    QList<Node> m_nodes;
    bool m_parsed = false;
};

} // namespace Madf
