#include "core/agents/prompttemplate.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace Madf {

namespace {

QString valueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1Char('\n'));
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList lines;
        for (const QVariant &item : value.toList())
            lines << item.toString();
        return lines.join(QLatin1Char('\n'));
    }
    return value.toString();
}

bool isTruthy(const QVariantMap &vars, const QString &name)
{
    const auto it = vars.constFind(name);
    if (it == vars.constEnd() || !it->isValid())
        return false;
    if (it->typeId() == QMetaType::Bool)
        return it->toBool();
    if (it->typeId() == QMetaType::QString) {
        const QString *text = static_cast<const QString *>(it->constData());
        return !QStringView(*text).trimmed().isEmpty();
    }
    return !valueText(*it).trimmed().isEmpty();
}

void warnUnknownOnce(const QString &templateName, const QString &var)
{
    static QMutex mutex;
    static QSet<QString> warned;
    QMutexLocker lock(&mutex);
    const QString key = templateName + QLatin1Char('/') + var;
    if (warned.contains(key))
        return;
    warned.insert(key);
    qWarning("Prompt template '%s' uses {{%s}}, which is not provided: left empty",
             qPrintable(templateName), qPrintable(var));
}

void appendValue(const QString &templateName, const QString &var, const QVariantMap &vars, QString *out)
{
    const auto value = vars.constFind(var);
    if (value == vars.constEnd())
        warnUnknownOnce(templateName, var);
    else if (value->typeId() == QMetaType::QString)
        *out += *static_cast<const QString *>(value->constData());
    else
        *out += valueText(*value);
}

// Empty optional blocks leave runs of blank lines behind: each run of three
// or more line breaks with only spaces or tabs between them becomes one
// blank line. What the regular expression \n[ \t]*\n([ \t]*\n)+ replaced
// by "\n\n" did, in one pass: the prompt holds whole drafts, and the
// expression was a good part of rendering it.
QString collapseBlankRuns(const QString &text)
{
    const qsizetype n = text.size();
    const QChar *s = text.constData();
    auto blank = [](QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t'); };
    QString out;
    qsizetype copied = 0;   // text[copied, i) is still to be appended
    // Qt's search for a character takes many at a time (SIMD); a
    // prompt is mostly long lines.
    for (qsizetype i = text.indexOf(QLatin1Char('\n')); i >= 0 && i < n;
         i = text.indexOf(QLatin1Char('\n'), i + 1)) {
        int breaks = 1;
        qsizetype lastBreak = i;
        for (qsizetype j = i + 1;;) {
            while (j < n && blank(s[j]))
                ++j;
            if (j >= n || s[j] != QLatin1Char('\n'))
                break;
            ++breaks;
            lastBreak = j++;
        }
        if (breaks < 3)
            continue;
        if (out.isNull())
            out.reserve(n);
        out.append(s + copied, i - copied);
        out.append(QLatin1String("\n\n"));
        copied = lastBreak + 1;
        i = lastBreak;
    }
    if (copied == 0)
        return text;
    out.append(s + copied, n - copied);
    return out;
}

// --- The regular-expression rules, for texts the parser declines ----------

// Sections ({{#x}}…{{/x}} kept when x is set, {{^x}}…{{/x}} when it is not)
// may nest, so the innermost ones are resolved first until none is left.
QString resolveSections(QString text, const QVariantMap &vars)
{
    static const QRegularExpression sectionRe(
        QStringLiteral("\\{\\{([#^])\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}((?:(?!\\{\\{[#^]).)*?)\\{\\{/\\s*\\2\\s*\\}\\}"),
        QRegularExpression::DotMatchesEverythingOption);
    for (int guard = 0; guard < 100; ++guard) {
        const QRegularExpressionMatch m = sectionRe.match(text);
        if (!m.hasMatch())
            break;
        const bool set = isTruthy(vars, m.captured(2));
        const bool keep = m.captured(1) == QLatin1String("#") ? set : !set;
        text.replace(m.capturedStart(), m.capturedLength(), keep ? m.captured(3) : QString());
    }
    return text;
}

QString expressionsRender(const QString &templateName, const QString &text, const QVariantMap &vars)
{
    static const QRegularExpression varRe(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}"));
    const QString resolved = resolveSections(text, vars);
    QString out;
    out.reserve(resolved.size());
    qsizetype last = 0;
    for (auto it = varRe.globalMatch(resolved); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(resolved).mid(last, m.capturedStart() - last);
        appendValue(templateName, m.captured(1), vars, &out);
        last = m.capturedEnd();
    }
    out += QStringView(resolved).mid(last);
    return out;
}

// --- The parser ------------------------------------------------------------

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '.'
        || u == '-';
}

// The whitespace \s matches in the expressions above (ASCII only: they
// are not compiled with Unicode properties).
bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || (u >= '\t' && u <= '\r');
}

struct Tag
{
    QChar sigil;          ///< '#', '^', '/', or 0 for a variable
    QString name;
    qsizetype end = 0;    ///< just past the closing "}}"
};

// The tag at s[i] (which is "{{"), as the expressions above would read it;
// nullopt when it is not one.
std::optional<Tag> readTag(QStringView s, qsizetype i)
{
    Tag tag;
    qsizetype j = i + 2;
    if (j < s.size() && (s[j] == u'#' || s[j] == u'^' || s[j] == u'/')) {
        tag.sigil = s[j];
        ++j;
    }
    while (j < s.size() && isSpace(s[j]))
        ++j;
    const qsizetype nameStart = j;
    while (j < s.size() && isNameChar(s[j]))
        ++j;
    if (j == nameStart)
        return std::nullopt;
    tag.name = s.mid(nameStart, j - nameStart).toString();
    while (j < s.size() && isSpace(s[j]))
        ++j;
    if (j + 1 >= s.size() || s[j] != u'}' || s[j + 1] != u'}')
        return std::nullopt;
    tag.end = j + 2;
    return tag;
}

} // namespace

PromptTemplate::PromptTemplate(const QString &text)
    : m_text(text)
{
    m_parsed = parse(text, &m_nodes);
    if (!m_parsed)
        m_nodes.clear();
}

bool PromptTemplate::parse(const QString &text, QList<Node> *nodes)
{
    qsizetype pos = 0;
    int sections = 0;
    return parseUntil(QStringView(text), &pos, nullptr, 0, &sections, nodes);
}

bool PromptTemplate::parseUntil(QStringView s, qsizetype *pos, const QString *closing, int depth, int *sections,
                                QList<Node> *nodes)
{
    // The expressions resolve at most 100 sections, innermost first, and the
    // parser recurses once per level: anything near that is theirs.
    constexpr int kMaxSections = 100;
    constexpr int kMaxDepth = 32;
    if (depth > kMaxDepth)
        return false;
    // A "{{" that is no tag is left to the expressions: one opening no
    // section ("{{#x y") stops the section expression from matching around
    // it, and as they look for variables only once the sections are gone,
    // braces meeting across a section's edge ("{{na{{#x}}{{/x}}me}}", or a
    // text ending in "{") can make a tag the parser never saw.
    auto addText = [&](QStringView piece) {
        if (piece.isEmpty())
            return true;
        if (piece.endsWith(u'{'))
            return false;
        nodes->append({Node::Kind::Text, piece.toString(), {}, TokenScan::piece(piece)});
        return true;
    };
    qsizetype i = s.indexOf(u"{{", *pos);
    while (i >= 0) {
        const std::optional<Tag> tag = readTag(s, i);
        if (!tag)
            return false;
        if (!addText(s.mid(*pos, i - *pos)))
            return false;
        *pos = tag->end;
        if (tag->sigil == u'#' || tag->sigil == u'^') {
            if (++*sections > kMaxSections)
                return false;
            Node section{tag->sigil == u'#' ? Node::Kind::Section : Node::Kind::InvertedSection, tag->name, {}};
            if (!parseUntil(s, pos, &tag->name, depth + 1, sections, &section.children))
                return false;
            nodes->append(std::move(section));
        } else if (tag->sigil == u'/') {
            return closing && *closing == tag->name;
        } else {
            nodes->append({Node::Kind::Variable, tag->name, {}});
        }
        i = s.indexOf(u"{{", *pos);
    }
    if (closing)
        return false;  // never closed
    if (!addText(s.mid(*pos)))
        return false;
    *pos = s.size();
    return true;
}

void PromptTemplate::renderNodes(const QList<Node> &nodes, const QString &name, const QVariantMap &vars, QString *out,
                                 Parts *parts)
{
    for (const Node &node : nodes) {
        switch (node.kind) {
        case Node::Kind::Text:
            *out += node.text;
            if (parts)
                parts->other += node.features;
            break;
        case Node::Kind::Variable: {
            const qsizetype before = out->size();
            appendValue(name, node.text, vars, out);
            if (!parts)
                break;
            const QVariant value = vars.value(node.text);
            if (out->size() - before >= Parts::kLargeChars && value.typeId() == QMetaType::QString) {
                parts->large << value.toString();
                parts->seams += 2;
            } else {
                parts->other += TokenScan::piece(QStringView(*out).mid(before));
            }
            break;
        }
        case Node::Kind::Section:
        case Node::Kind::InvertedSection:
            if (isTruthy(vars, node.text) == (node.kind == Node::Kind::Section))
                renderNodes(node.children, name, vars, out, parts);
            break;
        }
    }
}

QString PromptTemplate::renderByExpressions(const QString &name, const QString &text, const QVariantMap &vars)
{
    return collapseBlankRuns(expressionsRender(name, text, vars)).trimmed();
}

QString PromptTemplate::render(const QString &name, const QVariantMap &vars, Parts *parts, qsizetype room) const
{
    QString out;
    if (m_parsed) {
        out.reserve(m_text.size());
        renderNodes(m_nodes, name, vars, &out, parts);
    } else {
        out = expressionsRender(name, m_text, vars);
        if (parts)
            parts->known = false;
    }
    QString prompt = collapseBlankRuns(out).trimmed();
    // A request keeps its prompt while it waits for a slot, and a thousand
    // documents can have several waiting each: the room the appends left
    // (up to half again a whole draft) is given back, all but @p room.
    const qsizetype wanted = prompt.size() + room;
    if (prompt.capacity() > wanted + prompt.size() / 16 + 64) {
        QString fitted;
        fitted.reserve(wanted);
        fitted.append(prompt.constData(), prompt.size());   // a copy, never a shared buffer
        return fitted;
    }
    if (prompt.capacity() < wanted)
        prompt.reserve(wanted);
    return prompt;
}

} // namespace Madf
