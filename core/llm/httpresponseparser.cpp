#include "core/llm/httpresponseparser.h"

#include <QCoreApplication>

#include <cstring>

namespace Madf {

namespace {

// Names the translation context for lupdate (the parser is no QObject).
struct HttpResponseParserTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::HttpResponseParser)
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArrayView withoutCr(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

QByteArrayView trimmedOws(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

/** Calls @p fn with each comma-separated element of every @p name header. */
template<typename Fn>
void forEachToken(const HttpHeaders &headers, QByteArrayView name, Fn fn)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        QByteArrayView rest(value);
        while (true) {
            const qsizetype comma = rest.indexOf(',');
            fn(trimmedOws(comma < 0 ? rest : rest.first(comma)));
            if (comma < 0)
                break;
            rest = rest.sliced(comma + 1);
        }
    }
}

bool hasToken(const HttpHeaders &headers, QByteArrayView name, QByteArrayView token)
{
    bool found = false;
    forEachToken(headers, name, [&](QByteArrayView t) { found = found || t.compare(token, Qt::CaseInsensitive) == 0; });
    return found;
}

} // namespace

void HttpResponseParser::startResponse(bool headRequest)
{
    m_state = State::Head;
    m_failure = Failure::None;
    m_errorString.clear();
    m_headRequest = headRequest;
    m_headersComplete = false;
    m_status = 0;
    m_minorVersion = 1;
    m_headers.clear();
    m_bodyMode = BodyMode::None;
    m_contentLength = -1;
    m_remaining = 0;
    m_chunk = Chunk::Size;
    m_keepAlive = true;
    m_scan = 0;
}

void HttpResponseParser::clear()
{
    m_buffer.clear();
    m_pos = 0;
    startResponse(false);
}

HttpResponseParser::State HttpResponseParser::feed(const QByteArray &data, QByteArray *body)
{
    if (!data.isEmpty()) {
        if (m_pos == m_buffer.size()) {
            // The usual case: nothing pending, so work on the read's own bytes (no copy).
            m_buffer = data;
            m_pos = 0;
        } else {
            m_buffer.append(data);
        }
    }
    if (m_state == State::Head || m_state == State::Body)
        parse(body);
    compact();
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finishInput()
{
    if (m_state == State::Body && m_bodyMode == BodyMode::UntilClose) {
        m_state = State::Complete;
        m_keepAlive = false;
    } else if (m_state == State::Head || m_state == State::Body) {
        fail(Failure::Truncated, HttpResponseParserTr::tr("The connection closed before the reply was complete."));
    }
    return m_state;
}

void HttpResponseParser::compact()
{
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 0 && (m_state == State::Head || m_state == State::Body)) {
        // Only a partial line or head stays; leftovers after a complete response keep their place.
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

void HttpResponseParser::fail(Failure failure, const QString &message)
{
    m_state = State::Error;
    m_failure = failure;
    m_errorString = message;
    m_keepAlive = false;
}

void HttpResponseParser::parse(QByteArray *body)
{
    while (true) {
        if (m_state == State::Head) {
            if (!parseHead())
                return;
            continue;
        }
        if (m_state != State::Body)
            return;
        const qsizetype available = m_buffer.size() - m_pos;
        switch (m_bodyMode) {
        case BodyMode::None:
            m_state = State::Complete;
            return;
        case BodyMode::UntilClose:
            takeBody(available, body);
            return;
        case BodyMode::Length: {
            const qint64 n = qMin<qint64>(m_remaining, available);
            takeBody(n, body);
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::Complete;
            return;
        }
        case BodyMode::Chunked:
            switch (m_chunk) {
            case Chunk::Size:
                if (!parseChunkSize())
                    return;
                break;
            case Chunk::Data: {
                const qint64 n = qMin<qint64>(m_remaining, available);
                if (n == 0)
                    return;
                takeBody(n, body);
                m_remaining -= n;
                if (m_remaining == 0)
                    m_chunk = Chunk::DataEnd;
                break;
            }
            case Chunk::DataEnd:
                if (!skipChunkEnd())
                    return;
                break;
            case Chunk::Trailers:
                if (!parseTrailers())
                    return;
                break;
            }
            break;
        }
    }
}

void HttpResponseParser::takeBody(qint64 count, QByteArray *body)
{
    if (count <= 0)
        return;
    if (m_pos == 0 && count == m_buffer.size())
        body->append(m_buffer); // shares the bytes when the body was empty
    else
        body->append(m_buffer.constData() + m_pos, qsizetype(count));
    m_pos += qsizetype(count);
}

qsizetype HttpResponseParser::findHeadEnd(qsizetype *scanFrom) const
{
    const char *data = m_buffer.constData();
    const qsizetype end = m_buffer.size();
    qsizetype lineStart = m_pos + *scanFrom;
    while (lineStart < end) {
        const void *nl = std::memchr(data + lineStart, '\n', size_t(end - lineStart));
        if (!nl)
            break;
        const qsizetype at = static_cast<const char *>(nl) - data;
        const qsizetype length = at - lineStart;
        if (length == 0 || (length == 1 && data[lineStart] == '\r'))
            return at + 1;
        lineStart = at + 1;
    }
    *scanFrom = lineStart - m_pos; // resume at the start of the incomplete line
    return -1;
}

bool HttpResponseParser::parseHead()
{
    if (m_scan == 0) {
        // Stray line ends before a status line (some servers add one after a body) are ignored.
        while (m_pos < m_buffer.size() && (m_buffer.at(m_pos) == '\r' || m_buffer.at(m_pos) == '\n'))
            ++m_pos;
    }
    const qsizetype end = findHeadEnd(&m_scan);
    if (end < 0 || end - m_pos > kMaxHeadBytes) {
        if (m_buffer.size() - m_pos > kMaxHeadBytes)
            fail(Failure::HeadTooLarge, HttpResponseParserTr::tr("The reply's headers are larger than %1 KiB.").arg(kMaxHeadBytes / 1024));
        return false;
    }
    const QByteArrayView head = QByteArrayView(m_buffer).sliced(m_pos, end - m_pos);
    m_pos = end;
    m_scan = 0;
    m_headers.clear();

    qsizetype lineEnd = head.indexOf('\n');
    if (!parseStatusLine(withoutCr(head.first(lineEnd)))) {
        fail(Failure::Malformed, HttpResponseParserTr::tr("The reply does not start with an HTTP/1.x status line."));
        return false;
    }
    while (true) {
        const qsizetype start = lineEnd + 1;
        lineEnd = head.indexOf('\n', start);
        const QByteArrayView line = withoutCr(head.sliced(start, lineEnd - start));
        if (line.isEmpty())
            break;
        if (line.front() == ' ' || line.front() == '\t') {
            // Obsolete line folding: the line continues the previous value.
            if (m_headers.isEmpty()) {
                fail(Failure::Malformed, HttpResponseParserTr::tr("The reply has a malformed header line."));
                return false;
            }
            QByteArray &value = m_headers.last().second;
            value.append(' ').append(trimmedOws(line));
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
        if (name.isEmpty() || name.contains(' ') || name.contains('\t')) {
            fail(Failure::Malformed, HttpResponseParserTr::tr("The reply has a malformed header line."));
            return false;
        }
        m_headers.append({name.toByteArray(), trimmedOws(line.sliced(colon + 1)).toByteArray()});
    }

    if (m_status < 200) {
        if (m_status == 101) {
            fail(Failure::Malformed, HttpResponseParserTr::tr("The server switched protocols, which was not asked for."));
            return false;
        }
        // An interim reply (100 Continue, 103 Early Hints): the real one follows.
        m_headers.clear();
        m_status = 0;
        return true;
    }
    m_headersComplete = true;
    m_keepAlive = m_minorVersion >= 1 ? !hasToken(m_headers, "connection", "close")
                                      : hasToken(m_headers, "connection", "keep-alive");
    if (!chooseBodyMode())
        return false;
    m_state = m_bodyMode == BodyMode::None ? State::Complete : State::Body;
    return true;
}

bool HttpResponseParser::parseStatusLine(QByteArrayView line)
{
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || !isDigit(line[7]) || line[8] != ' ')
        return false;
    if (!isDigit(line[9]) || !isDigit(line[10]) || !isDigit(line[11]) || line[9] == '0')
        return false;
    if (line.size() > 12 && line[12] != ' ')
        return false;
    m_minorVersion = line[7] - '0';
    m_status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    return true;
}

bool HttpResponseParser::chooseBodyMode()
{
    m_contentLength = -1;
    if (m_headRequest || m_status == 204 || m_status == 304) {
        m_bodyMode = BodyMode::None;
        return true;
    }
    bool hasTransferEncoding = false;
    QByteArrayView lastCoding;
    forEachToken(m_headers, "transfer-encoding", [&](QByteArrayView t) {
        hasTransferEncoding = true;
        if (!t.isEmpty())
            lastCoding = t;
    });
    if (hasTransferEncoding) {
        // Chunked wins over any Content-Length; another final coding runs until close.
        if (lastCoding.compare("chunked", Qt::CaseInsensitive) == 0) {
            m_bodyMode = BodyMode::Chunked;
            m_chunk = Chunk::Size;
        } else {
            m_bodyMode = BodyMode::UntilClose;
            m_keepAlive = false;
        }
        return true;
    }
    bool invalid = false;
    forEachToken(m_headers, "content-length", [&](QByteArrayView t) {
        qint64 value = 0;
        if (t.isEmpty() || t.size() > 18) {
            invalid = true;
            return;
        }
        for (char c : t) {
            if (!isDigit(c)) {
                invalid = true;
                return;
            }
            value = value * 10 + (c - '0');
        }
        // Repeated lengths must agree.
        if (m_contentLength >= 0 && m_contentLength != value)
            invalid = true;
        m_contentLength = value;
    });
    if (invalid) {
        fail(Failure::Malformed, HttpResponseParserTr::tr("The reply has an invalid Content-Length."));
        return false;
    }
    if (m_contentLength >= 0) {
        m_bodyMode = m_contentLength > 0 ? BodyMode::Length : BodyMode::None;
        m_remaining = m_contentLength;
        return true;
    }
    m_bodyMode = BodyMode::UntilClose;
    m_keepAlive = false;
    return true;
}

bool HttpResponseParser::parseChunkSize()
{
    const char *data = m_buffer.constData();
    const qsizetype available = m_buffer.size() - m_pos;
    const void *nl = std::memchr(data + m_pos, '\n', size_t(available));
    if (!nl) {
        if (available > kMaxChunkLineBytes)
            fail(Failure::Malformed, HttpResponseParserTr::tr("The reply has a malformed chunk."));
        return false;
    }
    const qsizetype at = static_cast<const char *>(nl) - data;
    QByteArrayView line = withoutCr(QByteArrayView(data + m_pos, at - m_pos));
    if (line.size() > kMaxChunkLineBytes) {
        fail(Failure::Malformed, HttpResponseParserTr::tr("The reply has a malformed chunk."));
        return false;
    }
    const qsizetype semicolon = line.indexOf(';');
    if (semicolon >= 0)
        line = line.first(semicolon); // chunk extensions mean nothing to us
    line = trimmedOws(line);
    qint64 size = 0;
    int digits = 0; // significant ones: more than 15 would overflow
    bool ok = !line.isEmpty();
    for (char c : line) {
        const int v = hexValue(c);
        if (size > 0 || v > 0)
            ++digits;
        if (v < 0 || digits > 15) {
            ok = false;
            break;
        }
        size = size * 16 + v;
    }
    if (!ok) {
        fail(Failure::Malformed, HttpResponseParserTr::tr("The reply has a malformed chunk."));
        return false;
    }
    m_pos = at + 1;
    if (size == 0) {
        m_chunk = Chunk::Trailers;
        m_scan = 0;
    } else {
        m_chunk = Chunk::Data;
        m_remaining = size;
    }
    return true;
}

bool HttpResponseParser::skipChunkEnd()
{
    const qsizetype available = m_buffer.size() - m_pos;
    if (available == 0)
        return false;
    const char c = m_buffer.at(m_pos);
    if (c == '\n') {
        m_pos += 1;
    } else if (c == '\r') {
        if (available < 2)
            return false;
        if (m_buffer.at(m_pos + 1) != '\n') {
            fail(Failure::Malformed, HttpResponseParserTr::tr("The reply has a malformed chunk."));
            return false;
        }
        m_pos += 2;
    } else {
        fail(Failure::Malformed, HttpResponseParserTr::tr("The reply has a malformed chunk."));
        return false;
    }
    m_chunk = Chunk::Size;
    return true;
}

bool HttpResponseParser::parseTrailers()
{
    const qsizetype end = findHeadEnd(&m_scan);
    if (end < 0 || end - m_pos > kMaxHeadBytes) {
        if (m_buffer.size() - m_pos > kMaxHeadBytes)
            fail(Failure::HeadTooLarge, HttpResponseParserTr::tr("The reply's trailers are larger than %1 KiB.").arg(kMaxHeadBytes / 1024));
        return false;
    }
    // Trailer fields carry nothing we use.
    m_pos = end;
    m_scan = 0;
    m_state = State::Complete;
    return true;
}

} // namespace Madf
