#include "core/model/jsonwriter.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include <cmath>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Madf {

namespace {

// 2^53: the doubles below it are all whole numbers exactly.
constexpr double kExactIntegers = 9007199254740992.0;

char hexDigit(uint v)
{
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}

} // namespace

JsonWriter::JsonWriter(qsizetype reserve) : m_buffer(qMax<qsizetype>(reserve, 16), Qt::Uninitialized) {}

char *JsonWriter::reserveBytes(qsizetype n)
{
    if (m_size + n > m_buffer.size())
        m_buffer.resize(qMax(m_buffer.size() * 2, m_size + n));
    return m_buffer.data() + m_size;
}

void JsonWriter::raw(const char *text, qsizetype length)
{
    std::memcpy(reserveBytes(length), text, size_t(length));
    m_size += length;
}

void JsonWriter::separate()
{
    if (m_comma) {
        *reserveBytes(1) = ',';
        ++m_size;
    }
    m_comma = true;
}

void JsonWriter::open(char bracket)
{
    separate();
    *reserveBytes(1) = bracket;
    ++m_size;
    m_comma = false;
}

void JsonWriter::close(char bracket)
{
    *reserveBytes(1) = bracket;
    ++m_size;
    m_comma = true;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    separate();
    char *out = reserveBytes(name.size() + 3);
    *out++ = '"';
    std::memcpy(out, name.data(), size_t(name.size()));
    out += name.size();
    *out++ = '"';
    *out = ':';
    m_size += name.size() + 3;
    m_comma = false;
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    string(name);
    *reserveBytes(1) = ':';
    ++m_size;
    m_comma = false;
    return *this;
}

void JsonWriter::string(QStringView text)
{
    separate();
    escaped(text);
}

void JsonWriter::stringOrNull(QStringView text)
{
    if (text.isEmpty())
        null();
    else
        string(text);
}

// The escapes of Qt's JSON writer: ", \ and the control characters; other
// text as UTF-8; a lone surrogate as \uXXXX.
void JsonWriter::escaped(QStringView text)
{
    // Three bytes per UTF-16 unit is enough for all but the rare control
    // characters written as \u00XX (six): reserved once, it keeps the loop
    // free of checks; those few make room for themselves.
    char *start = reserveBytes(3 * text.size() + 2);
    char *out = start;
    *out++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    // Room for `bytes` more now, and three for each unit left, and the quote.
    const auto makeRoom = [&](qsizetype bytes) {
        const qsizetype written = out - start;
        start = reserveBytes(written + bytes + 3 * (end - src) + 1);
        out = start + written;
    };
    while (src != end) {
#if defined(__SSE2__)
        // Eight plain ASCII characters at a time: most of a document.
        while (end - src >= 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src));
            // Signed compares: a unit from 0x8000 up is negative, so "< 0x20".
            const __m128i special = _mm_or_si128(
                _mm_or_si128(_mm_cmplt_epi16(v, _mm_set1_epi16(0x20)), _mm_cmpgt_epi16(v, _mm_set1_epi16(0x7f))),
                _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('"')), _mm_cmpeq_epi16(v, _mm_set1_epi16('\\'))));
            if (_mm_movemask_epi8(special))
                break;
            _mm_storel_epi64(reinterpret_cast<__m128i *>(out), _mm_packus_epi16(v, v));
            out += 8;
            src += 8;
        }
        if (src == end)
            break;
#endif
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                *out++ = char(u);
                continue;
            }
            *out++ = '\\';
            switch (u) {
            case '"': *out++ = '"'; break;
            case '\\': *out++ = '\\'; break;
            case '\b': *out++ = 'b'; break;
            case '\f': *out++ = 'f'; break;
            case '\n': *out++ = 'n'; break;
            case '\r': *out++ = 'r'; break;
            case '\t': *out++ = 't'; break;
            default:
                makeRoom(5);
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hexDigit(u >> 4);
                *out++ = hexDigit(u & 0xf);
            }
        } else if (u < 0x800) {
            *out++ = char(0xc0 | (u >> 6));
            *out++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *out++ = char(0xe0 | (u >> 12));
            *out++ = char(0x80 | ((u >> 6) & 0x3f));
            *out++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t c = QChar::surrogateToUcs4(u, *src++);
            *out++ = char(0xf0 | (c >> 18));
            *out++ = char(0x80 | ((c >> 12) & 0x3f));
            *out++ = char(0x80 | ((c >> 6) & 0x3f));
            *out++ = char(0x80 | (c & 0x3f));
        } else {
            makeRoom(6);
            *out++ = '\\';
            *out++ = 'u';
            *out++ = hexDigit((u >> 12) & 0xf);
            *out++ = hexDigit((u >> 8) & 0xf);
            *out++ = hexDigit((u >> 4) & 0xf);
            *out++ = hexDigit(u & 0xf);
        }
    }
    *out++ = '"';
    m_size += out - start;
}

void JsonWriter::stringList(const QStringList &items)
{
    beginArray();
    for (const QString &item : items)
        string(item);
    endArray();
}

void JsonWriter::integer(qint64 value)
{
    separate();
    char digits[24];
    char *end = digits + sizeof digits;
    char *p = end;
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--p = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        *--p = '-';
    raw(p, end - p);
}

void JsonWriter::number(double value)
{
    if (!std::isfinite(value)) {
        null();
        return;
    }
    // QJsonValue keeps a whole double below 2^53 as an integer, and writes
    // it so: 1000000, not 1e+06.
    if (value == std::trunc(value) && std::abs(value) < kExactIntegers) {
        integer(qint64(value));
        return;
    }
    shortest(value);
}

void JsonWriter::shortest(double value)
{
    separate();
    const QByteArray text = QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    raw(text.constData(), text.size());
}

void JsonWriter::boolean(bool value)
{
    separate();
    if (value)
        raw("true", 4);
    else
        raw("false", 5);
}

void JsonWriter::null()
{
    separate();
    raw("null", 4);
}

void JsonWriter::variant(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        null();
        return;
    case QMetaType::Bool:
        boolean(value.toBool());
        return;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        integer(value.toLongLong());
        return;
    case QMetaType::Double:
        number(value.toDouble());
        return;
    case QMetaType::QString:
        string(value.toString());
        return;
    case QMetaType::QStringList:
        stringList(value.toStringList());
        return;
    case QMetaType::QVariantList: {
        beginArray();
        for (const QVariant &item : value.toList())
            variant(item);
        endArray();
        return;
    }
    case QMetaType::QVariantMap:
        variantMap(value.toMap());
        return;
    default:
        // The route QJsonObject::fromVariantMap takes (through CBOR), which
        // is not always QJsonValue::fromVariant's (an invalid date: "").
        json(QJsonArray::fromVariantList({value}).at(0));
    }
}

void JsonWriter::variantMap(const QVariantMap &map)
{
    beginObject();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        key(it.key());
        variant(it.value());
    }
    endObject();
}

void JsonWriter::json(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        boolean(value.toBool());
        return;
    case QJsonValue::Double: {
        // A whole number read from text may be kept as a double, and Qt
        // writes the two differently ("1000000" and "1e+06"): ask which.
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::trunc(d)) {
            number(d);
        } else if (QCborValue::fromJsonValue(value).isInteger()) {
            integer(value.toInteger());
        } else {
            shortest(d);
        }
        return;
    }
    case QJsonValue::String:
        string(value.toString());
        return;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            json(item);
        endArray();
        return;
    }
    case QJsonValue::Object:
        json(value.toObject());
        return;
    default:
        null();
    }
}

void JsonWriter::json(const QJsonObject &object)
{
    beginObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        key(it.key());
        json(it.value());
    }
    endObject();
}

QByteArray JsonWriter::take()
{
    m_buffer.truncate(m_size);
    m_size = 0;
    m_comma = false;
    return std::exchange(m_buffer, QByteArray());
}

} // namespace Madf
