#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>

namespace Madf {

/** One Server-Sent Event as the WHATWG "event stream" rules dispatch it. */
struct SseEvent
{
    QByteArray event; ///< the `event:` name; empty means the default type "message"
    QByteArray data;  ///< every `data:` line of the event, joined with '\n'
    QByteArray id;    ///< the last event ID in force when the event was dispatched

    /** The event type with the spec's default applied. */
    QByteArray type() const { return event.isEmpty() ? QByteArrayLiteral("message") : event; }
    bool operator==(const SseEvent &) const = default;
};

/** Incremental parser for a `text/event-stream` body (OpenAI and Anthropic
 *  streaming). Feed it the bytes as they arrive, in pieces of any size: a line
 *  may be split anywhere, even between the CR and LF of a CRLF. It follows the
 *  WHATWG HTML "event stream interpretation": CR, LF and CRLF line ends, a
 *  leading BOM, `:` comments (keep-alives), one optional space after the colon,
 *  multi-line data, persistent `id:`; `retry:` and unknown fields are ignored.
 *
 *  An event is only dispatched by the blank line that ends it. Per the spec an
 *  event cut off by the end of the stream is discarded: check hasPendingData()
 *  (or the result of finish()) to tell a stream that was cut short.
 *
 *  Each byte is scanned once, so a long line arriving in tiny reads costs
 *  linear time. */
class SseParser
{
public:
    /** Parses @p chunk and returns the events it completed, in order. */
    QList<SseEvent> feed(QByteArrayView chunk);

    /** True when bytes of an unfinished line or fields of an undispatched
     *  event are waiting for more input: at end of stream, a sign of a cut. */
    bool hasPendingData() const;

    /** Ends the stream: discards an unfinished event, as the spec requires, and
     *  resets the parser for a new stream. Returns whether anything was
     *  discarded (i.e. hasPendingData() before the call). */
    bool finish();

    /** Forgets everything, including the last event ID. */
    void reset();

    QByteArray lastEventId() const { return m_lastEventId; }

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);

    QByteArray m_buffer;          // bytes of the line being received
    qsizetype m_scanOffset = 0;   // bytes of m_buffer already searched for a line end
    bool m_skipLf = false;        // the previous read ended in CR: a leading LF belongs to it
    bool m_bomChecked = false;

    QByteArray m_eventType;
    QByteArray m_data;
    bool m_hasData = false;
    QByteArray m_lastEventId;
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::SseEvent)
