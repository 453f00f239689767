#include "core/agents/jsonreply.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

namespace Madf {

namespace {

// Free functions name their context: lupdate would file a bare tr() under
// the namespace.
struct JsonReplyTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::JsonReply)
};

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

struct Position { int line = 1; int column = 1; };

Position positionOf(const QString &text, qsizetype index)
{
    Position p;
    for (qsizetype i = 0; i < index && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

QString snippetAround(const QString &text, qsizetype index)
{
    const qsizetype from = qMax<qsizetype>(0, index - 20);
    return text.mid(from, qMin<qsizetype>(40, text.size() - from)).simplified();
}

struct Attempt
{
    std::optional<QJsonValue> value;
    QString error;
};

// Parses one candidate and, when it is invalid, says where and why in terms a
// model can act on in a repair request.
Attempt parseCandidate(const QString &json)
{
    const QByteArray bytes = json.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return {QJsonValue(doc.object()), {}};
        return {QJsonValue(doc.array()), {}};
    }

    // Qt reports a byte offset into the UTF-8 text.
    const qsizetype index = QString::fromUtf8(bytes.left(parseError.offset)).size();
    // A trailing comma is the most common slip; name it exactly. Qt points
    // at or just after the closer that follows the comma.
    for (qsizetype p = qMin(index, json.size() - 1); p >= 0 && p >= index - 2; --p) {
        const QChar closer = json.at(p);
        if (closer != QLatin1Char('}') && closer != QLatin1Char(']'))
            continue;
        qsizetype q = p - 1;
        while (q >= 0 && json.at(q).isSpace())
            --q;
        if (q >= 0 && json.at(q) == QLatin1Char(',')) {
            const Position pos = positionOf(json, q);
            return {std::nullopt, JsonReplyTr::tr("invalid JSON: trailing comma before '%1' at line %2, column %3")
                                      .arg(closer).arg(pos.line).arg(pos.column)};
        }
    }
    const Position p = positionOf(json, index);
    return {std::nullopt, JsonReplyTr::tr("invalid JSON at line %1, column %2: %3 (near \"%4\")")
                              .arg(p.line).arg(p.column).arg(parseError.errorString(), snippetAround(json, index))};
}

// The end (exclusive) of the JSON value opening at `start`, following nesting
// and skipping brackets inside strings; -1 when it is never closed.
qsizetype balancedEnd(const QString &text, qsizetype start)
{
    QString stack;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            stack.append(c == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']'));
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            // A mismatched closer ends the candidate; parsing then says what is wrong.
            if (stack.isEmpty() || stack.back() != c)
                return i + 1;
            stack.chop(1);
            if (stack.isEmpty())
                return i + 1;
        }
    }
    return -1;
}

// "[1]" or "[2, 3]" in prose are citations, not the answer.
bool isCitationLike(const QJsonValue &value)
{
    if (!value.isArray())
        return false;
    const QJsonArray array = value.toArray();
    return std::all_of(array.begin(), array.end(), [](const QJsonValue &v) { return v.isDouble(); });
}

struct ScanResult
{
    std::optional<QJsonValue> value;
    QString error;        ///< of the longest invalid object: most likely the intended JSON
    qsizetype errorLength = -1;
};

// The first balanced {…} or […] in prose that parses, in order of position.
ScanResult scanProse(const QString &text)
{
    ScanResult result;
    qsizetype from = 0;
    while (true) {
        const qsizetype objectStart = text.indexOf(QLatin1Char('{'), from);
        const qsizetype arrayStart = text.indexOf(QLatin1Char('['), from);
        if (objectStart < 0 && arrayStart < 0)
            break;
        const bool isObject = arrayStart < 0 || (objectStart >= 0 && objectStart < arrayStart);
        const qsizetype start = isObject ? objectStart : arrayStart;
        const qsizetype end = balancedEnd(text, start);
        if (end < 0) {
            if (isObject && text.size() - start > result.errorLength) {
                const Position p = positionOf(text, start);
                result.error = JsonReplyTr::tr("the JSON starting at line %1, column %2 is never closed (was the reply cut off?)")
                                   .arg(p.line).arg(p.column);
                result.errorLength = text.size() - start;
            }
            from = start + 1;
            continue;
        }
        Attempt attempt = parseCandidate(text.mid(start, end - start));
        if (attempt.value && !isCitationLike(*attempt.value)) {
            result.value = attempt.value;
            return result;
        }
        if (!attempt.value && isObject && end - start > result.errorLength) {
            result.error = attempt.error;
            result.errorLength = end - start;
        }
        // Never retry inside a broken object: its inner objects are not the
        // answer. Brackets in prose ("[see below]") may hold the JSON, though.
        from = isObject && !attempt.value ? end : start + 1;
    }
    return result;
}

} // namespace

QString stripThinking(const QString &reply)
{
    static const QRegularExpression pairRe(QStringLiteral("<(think|thinking|reasoning)>.*?</\\1>"),
                                           QRegularExpression::CaseInsensitiveOption
                                               | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression closeRe(QStringLiteral("</(think|thinking|reasoning)>"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression openRe(QStringLiteral("<(think|thinking|reasoning)>"),
                                           QRegularExpression::CaseInsensitiveOption);
    // Every tag it looks for starts with '<': most replies have none at all.
    if (!reply.contains(QLatin1Char('<')))
        return reply;
    QString text = reply;
    text.remove(pairRe);
    // Some chat templates put the opening tag in the prompt: the reply then
    // starts inside the reasoning and only closes it.
    qsizetype lastClose = -1;
    for (auto it = closeRe.globalMatch(text); it.hasNext();)
        lastClose = it.next().capturedEnd();
    if (lastClose >= 0)
        text = text.mid(lastClose);
    const QRegularExpressionMatch open = openRe.match(text);
    if (open.hasMatch())
        text.truncate(open.capturedStart());
    return text;
}

std::optional<QJsonValue> extractJson(const QString &reply, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<QJsonValue> {
        if (error)
            *error = why;
        return std::nullopt;
    };

    const QString text = stripThinking(reply).trimmed();
    if (text.isEmpty())
        return fail(reply.trimmed().isEmpty() ? JsonReplyTr::tr("the reply is empty")
                                              : JsonReplyTr::tr("the reply holds only reasoning, no answer"));

    QString firstError;
    if (text.startsWith(QLatin1Char('{')) || text.startsWith(QLatin1Char('['))) {
        Attempt whole = parseCandidate(text);
        if (whole.value)
            return whole.value;
        firstError = whole.error;
    }

    // Fenced blocks: ```json first, then bare fences holding JSON. A fence cut
    // off by the token limit runs to the end of the reply.
    static const QRegularExpression fenceRe(QStringLiteral("```[ \\t]*([A-Za-z0-9_+-]*)[^\\n]*\\n(.*?)(?:```|\\z)"),
                                            QRegularExpression::DotMatchesEverythingOption);
    QString fenceError;
    for (int pass = 0; pass < 2; ++pass) {
        for (auto it = fenceRe.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const bool isJson = m.captured(1).compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
            const QString body = m.captured(2).trimmed();
            if ((pass == 0) != isJson)
                continue;
            if (pass == 1 && !(m.captured(1).isEmpty() && (body.startsWith(QLatin1Char('{')) || body.startsWith(QLatin1Char('[')))))
                continue;
            Attempt attempt = parseCandidate(body);
            if (attempt.value)
                return attempt.value;
            if (fenceError.isEmpty())
                fenceError = attempt.error;
        }
    }
    if (!fenceError.isEmpty())
        return fail(fenceError);

    const ScanResult prose = scanProse(text);
    if (prose.value)
        return prose.value;
    if (!prose.error.isEmpty())
        return fail(prose.error);
    if (!firstError.isEmpty())
        return fail(firstError);
    return fail(JsonReplyTr::tr("the reply contains no JSON object"));
}

ParseOutcome<QJsonObject> extractJsonObject(const QString &reply)
{
    QString error;
    const std::optional<QJsonValue> value = extractJson(reply, &error);
    if (!value)
        return ParseOutcome<QJsonObject>::failure(error, true);
    if (!value->isObject())
        return ParseOutcome<QJsonObject>::failure(
            JsonReplyTr::tr("expected a JSON object, got %1").arg(typeName(*value)), true);
    return ParseOutcome<QJsonObject>::success(value->toObject());
}

std::optional<double> readScore(const QJsonObject &object, const QString &key, QString *error)
{
    const QJsonValue value = object.value(key);
    QString why;
    if (value.isUndefined())
        why = JsonReplyTr::tr("\"%1\" is missing (a number from 0 to 1 is required)").arg(key);
    else if (!value.isDouble())
        why = JsonReplyTr::tr("\"%1\" is %2, not a number from 0 to 1").arg(key, typeName(value));
    else if (!(value.toDouble() >= 0.0 && value.toDouble() <= 1.0))
        why = JsonReplyTr::tr("\"%1\" is %2, outside the range 0 to 1").arg(key).arg(value.toDouble());
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    return value.toDouble();
}

std::optional<QStringList> readStringList(const QJsonObject &object, const QString &key, QString *error,
                                          bool optional)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (optional)
            return QStringList();
        if (error)
            *error = JsonReplyTr::tr("\"%1\" is missing (a list of strings is required)").arg(key);
        return std::nullopt;
    }
    if (!value.isArray()) {
        if (error)
            *error = JsonReplyTr::tr("\"%1\" is %2, not a list of strings").arg(key, typeName(value));
        return std::nullopt;
    }
    QStringList list;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isString()) {
            if (error)
                *error = JsonReplyTr::tr("\"%1\"[%2] is %3, not a string").arg(key).arg(i).arg(typeName(item));
            return std::nullopt;
        }
        const QString text = item.toString().trimmed();
        if (!text.isEmpty())
            list << text;
    }
    return list;
}

QString compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // Wrapping a scalar in an array is the portable way to serialise it.
    const QString wrapped = QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace Madf
