#pragma once

#include "core/llm/httpheaders.h"

#include <QByteArray>
#include <QString>

namespace Madf {

/** Incremental parser of HTTP/1.1 responses, fed with whatever a socket read
 *  returned (one byte or many kilobytes): status line, headers, then a body
 *  delimited by Content-Length, chunked transfer coding (extensions and
 *  trailers are read and ignored) or the end of the connection. Interim 1xx
 *  responses (100 Continue) are skipped; HEAD, 204 and 304 replies have no
 *  body. It works on its own buffer and hands the body out as it arrives, so
 *  a stream flows as it is read.
 *
 *  The parser stops at the end of a response: bytes after it (a pipelined
 *  response, or garbage) stay buffered and startResponse() parses them as the
 *  next response. */
class HttpResponseParser
{
public:
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;  ///< status line and headers (and trailers)
    static constexpr qsizetype kMaxChunkLineBytes = 4096;  ///< a chunk-size line with its extensions

    enum class State { Head, Body, Complete, Error };
    enum class Failure { None, Malformed, HeadTooLarge, Truncated };
    enum class BodyMode { None, Length, Chunked, UntilClose };

    /** Begins the next response; bytes left over from the previous one stay.
     *  @p headRequest: the request was HEAD, so the reply has no body. */
    void startResponse(bool headRequest = false);
    /** Forgets everything, leftover bytes included. */
    void clear();

    /** Parses @p data and appends the body bytes it carries to @p body. */
    State feed(const QByteArray &data, QByteArray *body);
    /** The peer closed the connection: ends a body that runs until then, or
     *  fails the response as Truncated. */
    State finishInput();

    State state() const { return m_state; }
    bool isComplete() const { return m_state == State::Complete; }
    bool hasFailed() const { return m_state == State::Error; }
    Failure failure() const { return m_failure; }
    /** Why the response could not be read (empty unless it failed). */
    QString errorString() const { return m_errorString; }

    /** Status line and headers of the final (non-1xx) response are read. */
    bool headersComplete() const { return m_headersComplete; }
    int statusCode() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    BodyMode bodyMode() const { return m_bodyMode; }
    /** The Content-Length that delimits the body, or -1 when none does. */
    qint64 contentLength() const { return m_contentLength; }
    /** After Complete: the connection may carry another request. */
    bool keepAlive() const { return m_keepAlive; }
    /** Bytes received but not consumed by the current response. */
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

private:
    void parse(QByteArray *body);
    bool parseHead();
    bool parseStatusLine(QByteArrayView line);
    bool chooseBodyMode();
    bool parseChunkSize();
    bool skipChunkEnd();
    bool parseTrailers();
    void takeBody(qint64 count, QByteArray *body);
    /** Index of the end of the head (after its blank line) from m_pos, or -1. */
    qsizetype findHeadEnd(qsizetype *scanFrom) const;
    void fail(Failure failure, const QString &message);
    void compact();

    enum class Chunk { Size, Data, DataEnd, Trailers };

    QByteArray m_buffer;
    qsizetype m_pos = 0;          // first unconsumed byte of m_buffer
    qsizetype m_scan = 0;         // Head/Trailers: bytes after m_pos already searched for the blank line
    State m_state = State::Head;
    Failure m_failure = Failure::None;
    QString m_errorString;
    bool m_headRequest = false;
    bool m_headersComplete = false;
    int m_status = 0;
    int m_minorVersion = 1;
    HttpHeaders m_headers;
    BodyMode m_bodyMode = BodyMode::None;
    qint64 m_contentLength = -1;
    qint64 m_remaining = 0;       // of the body (Length) or of the chunk (Chunked)
    Chunk m_chunk = Chunk::Size;
    bool m_keepAlive = true;
};

} // namespace Madf
