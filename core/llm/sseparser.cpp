#include "core/llm/sseparser.h"

#include <cstring>

namespace Madf {

namespace {
constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr qsizetype kBomSize = 3;
} // namespace

QList<SseEvent> SseParser::feed(QByteArrayView chunk)
{
    QList<SseEvent> out;
    if (chunk.isEmpty())
        return out;
    m_buffer.append(chunk);

    if (!m_bomChecked) {
        // The BOM may itself arrive split over reads: wait until it can be told apart.
        const qsizetype n = qMin(m_buffer.size(), kBomSize);
        if (std::memcmp(m_buffer.constData(), kBom, size_t(n)) == 0) {
            if (n < kBomSize)
                return out;
            m_buffer.remove(0, kBomSize);
        }
        m_bomChecked = true;
    }

    const char *d = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    qsizetype lineStart = 0;
    qsizetype i = m_scanOffset;

    if (m_skipLf && i < size) {
        // Only reached with an empty carried-over line, so i == 0 here.
        if (d[i] == '\n')
            lineStart = ++i;
        m_skipLf = false;
    }

    for (; i < size; ++i) {
        const char c = d[i];
        if (c != '\n' && c != '\r')
            continue;
        processLine(QByteArrayView(d + lineStart, i - lineStart), out);
        if (c == '\r') {
            if (i + 1 < size) {
                if (d[i + 1] == '\n')
                    ++i;
            } else {
                m_skipLf = true;
            }
        }
        lineStart = i + 1;
    }

    if (lineStart > 0)
        m_buffer.remove(0, lineStart);
    m_scanOffset = m_buffer.size();
    return out;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // comment, typically a keep-alive

    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }

    if (field == "data") {
        m_data.append(value);
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_eventType = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    }
    // "retry" only matters to a reconnecting EventSource, and unknown fields are ignored by the spec.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    if (!m_hasData) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1); // the LF appended after the last data line
    out.append(SseEvent{std::move(m_eventType), std::move(m_data), m_lastEventId});
    m_eventType = QByteArray();
    m_data = QByteArray();
    m_hasData = false;
}

bool SseParser::hasPendingData() const
{
    return !m_buffer.isEmpty() || m_hasData || !m_eventType.isEmpty();
}

bool SseParser::finish()
{
    const bool pending = hasPendingData();
    const QByteArray lastId = m_lastEventId;
    reset();
    // The last event ID outlives a stream: an EventSource sends it on reconnection.
    m_lastEventId = lastId;
    return pending;
}

void SseParser::reset()
{
    *this = SseParser();
}

} // namespace Madf
