#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariantMap>

namespace Madf {

class JsonWriter;

/** One section of a Document: a title and its Markdown-ish content. Sections
 *  are shown by `order`, not by their place in the list. */
struct DocumentSection
{
    QString title;
    QString content;
    int order = 0;
    QVariantMap metadata;

    /** Keys: title, content, order, metadata. */
    QJsonObject toJson() const;
    /** toJson() written directly (see JsonWriter). */
    void writeJson(JsonWriter &out) const;
    static DocumentSection fromJson(const QJsonObject &json);

    bool operator==(const DocumentSection &other) const;
};

} // namespace Madf
Q_DECLARE_METATYPE(Madf::DocumentSection)
