#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QStringView>
#include <QtContainerFwd>
#include <QVariant>

namespace Madf {

/** Compact JSON written straight into UTF-8, byte for byte what
 *  QJsonDocument::toJson(Compact) writes for the same tree (same escapes,
 *  same number format), without building the tree first.
 *
 *  Why: the document store saves whole documents many times a run, and
 *  building a QJsonObject only to serialise it was most of the store
 *  thread's work. Writers of a fixed shape (Document::toJsonText) put their
 *  keys in sorted order, as a QJsonObject would.
 *
 *  Commas are placed by the writer: one flag is enough, since after '{',
 *  '[' or ':' no comma is due and after any value one is. */
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256);

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    /** A key that needs no escaping (plain ASCII). */
    JsonWriter &key(QLatin1StringView name);
    JsonWriter &key(QStringView name);

    void string(QStringView text);
    /** null for an empty text. */
    void stringOrNull(QStringView text);
    void stringList(const QStringList &items);
    void integer(qint64 value);
    /** null when not finite, as Qt writes it. */
    void number(double value);
    void boolean(bool value);
    void null();
    /** As QJsonValue::fromVariant would store it: maps, lists, strings,
     *  numbers and booleans directly, anything else through Qt. */
    void variant(const QVariant &value);
    void variantMap(const QVariantMap &map);
    void json(const QJsonValue &value);
    void json(const QJsonObject &object);

    /** The text so far; the writer is empty afterwards. */
    QByteArray take();

private:
    void open(char bracket);
    void close(char bracket);
    void separate();
    /** Qt's shortest form of a double ("0.1", "1e+21"), as it is. */
    void shortest(double value);
    void raw(const char *text, qsizetype length);
    void escaped(QStringView text);
    char *reserveBytes(qsizetype n);

    QByteArray m_buffer;
    qsizetype m_size = 0;
    bool m_comma = false;
};

} // namespace Madf
