#include "core/model/documentsection.h"

#include "core/model/jsonwriter.h"
#include "core/model/jsonhelpers.h"

namespace Madf {

QJsonObject DocumentSection::toJson() const
{
    return QJsonObject {
        {QStringLiteral("title"), title},
        {QStringLiteral("content"), content},
        {QStringLiteral("order"), order},
        {QStringLiteral("metadata"), QJsonObject::fromVariantMap(metadata)},
    };
}

// Keys in sorted order, as QJsonObject writes them.
void DocumentSection::writeJson(JsonWriter &out) const
{
    out.beginObject();
    out.key(QLatin1StringView("content")).string(content);
    out.key(QLatin1StringView("metadata")).variantMap(metadata);
    out.key(QLatin1StringView("order")).integer(order);
    out.key(QLatin1StringView("title")).string(title);
    out.endObject();
}

DocumentSection DocumentSection::fromJson(const QJsonObject &json)
{
    DocumentSection section;
    section.title = json.value(QStringLiteral("title")).toString();
    section.content = json.value(QStringLiteral("content")).toString();
    section.order = json.value(QStringLiteral("order")).toInt();
    section.metadata = json.value(QStringLiteral("metadata")).toObject().toVariantMap();
    return section;
}

bool DocumentSection::operator==(const DocumentSection &other) const
{
    return title == other.title && content == other.content && order == other.order
        && JsonHelpers::sameJsonMap(metadata, other.metadata);
}

} // namespace Madf
