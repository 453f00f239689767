#include "core/model/document.h"

#include "core/model/jsonwriter.h"
#include "core/model/jsonhelpers.h"
#include "core/model/textmemo.h"
#include "core/model/wordcount.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace Madf {

Document Document::fromRequest(const DocumentRequest &request)
{
    Document document;
    document.title = request.topic.trimmed();
    document.request = request;
    return document;
}

QList<DocumentSection> Document::orderedSections() const
{
    QList<DocumentSection> ordered = sections;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const DocumentSection &a, const DocumentSection &b) { return a.order < b.order; });
    return ordered;
}


int Document::countWords(const QString &text)
{
    // The same sections and drafts are counted again and again (each
    // save, each check, each edit): counted once while they last.
    thread_local TextMemo<int> memo;
    if (const int *known = memo.find(text))
        return *known;
    const int words = WordCount::count(text);
    memo.insert(text, words);
    return words;
}

int Document::recomputeWordCount()
{
    int total = 0;
    for (const DocumentSection &section : std::as_const(sections))
        total += countWords(section.content);
    wordCount = total;
    return total;
}

QJsonObject Document::toJson() const
{
    QJsonArray sectionArray;
    for (const DocumentSection &section : sections)
        sectionArray.append(section.toJson());
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("title"), title},
        {QStringLiteral("sections"), sectionArray},
        {QStringLiteral("status"), toString(status)},
        {QStringLiteral("quality_score"), qualityScore ? QJsonValue(*qualityScore) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("word_count"), wordCount},
        {QStringLiteral("created_at"), JsonHelpers::dateTimeToJson(createdAt)},
        {QStringLiteral("updated_at"), JsonHelpers::dateTimeToJson(updatedAt)},
        {QStringLiteral("metadata"), QJsonObject::fromVariantMap(metadata)},
        {QStringLiteral("request"), request.toJson()},
        {QStringLiteral("failure_reason"), JsonHelpers::stringOrNull(failureReason)},
    };
}

// Keys in sorted order, as QJsonObject writes them.
void Document::writeJson(JsonWriter &out) const
{
    out.beginObject();
    out.key(QLatin1StringView("created_at")).json(JsonHelpers::dateTimeToJson(createdAt));
    out.key(QLatin1StringView("failure_reason")).stringOrNull(failureReason);
    out.key(QLatin1StringView("id")).string(id);
    out.key(QLatin1StringView("metadata")).variantMap(metadata);
    out.key(QLatin1StringView("quality_score"));
    if (qualityScore)
        out.number(*qualityScore);
    else
        out.null();
    out.key(QLatin1StringView("request"));
    request.writeJson(out);
    out.key(QLatin1StringView("sections")).beginArray();
    for (const DocumentSection &section : sections)
        section.writeJson(out);
    out.endArray();
    out.key(QLatin1StringView("status")).string(toString(status));
    out.key(QLatin1StringView("title")).string(title);
    out.key(QLatin1StringView("updated_at")).json(JsonHelpers::dateTimeToJson(updatedAt));
    out.key(QLatin1StringView("word_count")).integer(wordCount);
    out.endObject();
}

QByteArray Document::toJsonText() const
{
    qsizetype size = 1024;
    for (const DocumentSection &section : sections)
        size += section.content.size() + section.title.size() + 64;
    JsonWriter out(size + size / 8);
    writeJson(out);
    return out.take();
}

Document Document::fromJson(const QJsonObject &json, QString *error)
{
    Document document;
    QString firstError;
    document.id = json.value(QStringLiteral("id")).toString();
    document.title = json.value(QStringLiteral("title")).toString();

    const QJsonArray sectionArray = json.value(QStringLiteral("sections")).toArray();
    for (const QJsonValue &value : sectionArray)
        document.sections.append(DocumentSection::fromJson(value.toObject()));

    const QString statusName = json.value(QStringLiteral("status")).toString();
    bool ok = true;
    document.status = statusName.isEmpty() ? DocumentStatus::Pending : documentStatusFromString(statusName, &ok);
    if (!ok)
        firstError = QCoreApplication::translate("Madf::Document", "status: unknown value \"%1\"").arg(statusName);

    const QJsonValue score = json.value(QStringLiteral("quality_score"));
    if (score.isDouble())
        document.qualityScore = score.toDouble();
    else
        document.qualityScore.reset();

    const QJsonValue words = json.value(QStringLiteral("word_count"));
    if (words.isDouble())
        document.wordCount = words.toInt();
    else
        document.recomputeWordCount();

    document.createdAt = JsonHelpers::dateTimeFromJson(json.value(QStringLiteral("created_at")));
    document.updatedAt = JsonHelpers::dateTimeFromJson(json.value(QStringLiteral("updated_at")));
    document.metadata = json.value(QStringLiteral("metadata")).toObject().toVariantMap();
    const QJsonValue request = json.value(QStringLiteral("request"));
    if (request.isObject())
        document.request = DocumentRequest::fromJson(request.toObject());
    document.failureReason = json.value(QStringLiteral("failure_reason")).toString();

    if (error)
        *error = firstError;
    return document;
}

QStringList Document::referenceList() const
{
    QStringList list;
    const QVariant value = metadata.value(QStringLiteral("references"));
    const QVariantList items = value.typeId() == QMetaType::QString ? QVariantList {value} : value.toList();
    for (const QVariant &item : items) {
        QString text;
        if (item.typeId() == QMetaType::QVariantMap) {
            const QVariantMap map = item.toMap();
            const QString title = map.value(QStringLiteral("title")).toString().trimmed();
            QString where = map.value(QStringLiteral("url")).toString().trimmed();
            if (where.isEmpty())
                where = map.value(QStringLiteral("source")).toString().trimmed();
            text = title.isEmpty() ? where
                 : where.isEmpty() ? title
                                   : title + QStringLiteral(", ") + where;
        } else {
            text = item.toString().trimmed();
        }
        if (!text.isEmpty())
            list.append(text);
    }
    return list;
}

bool Document::operator==(const Document &other) const
{
    return id == other.id && title == other.title && sections == other.sections && status == other.status
        && qualityScore == other.qualityScore && wordCount == other.wordCount && createdAt == other.createdAt
        && updatedAt == other.updatedAt && JsonHelpers::sameJsonMap(metadata, other.metadata)
        && request == other.request && failureReason == other.failureReason;
}

} // namespace Madf
