#pragma once

#include "core/agents/documentcontext.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Madf {

/** Turns the references of a request (local files and http(s) URLs) into
 *  numbered plain-text sources, without ever blocking the caller's thread:
 *  files are read and converted on the global thread pool, URLs fetched with
 *  the loader's QNetworkAccessManager. A reference that cannot be read
 *  becomes a SourceDoc with `error` set: the document still proceeds, that
 *  source is simply not citable. Lives in the engine thread. */
class ReferenceLoader : public QObject
{
    Q_OBJECT
public:
    explicit ReferenceLoader(QObject *parent = nullptr);
    ~ReferenceLoader() override;

    /** Loads `references` (numbered from 1 in the given order) and calls
     *  `done` once with all of them, in the loader's thread, always
     *  asynchronously; never when a non-null `context` was destroyed meanwhile. Files:
     *  .txt, .md and other text files as they are; .html/.htm converted to
     *  text. URLs: followed through redirects, text pages (and XHTML) only, at
     *  most maxBytes(), within timeoutMs(). */
    void load(const QStringList &references, QObject *context, std::function<void(QList<SourceDoc>)> done);

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    qint64 maxBytes() const { return m_maxBytes; }
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }

    static constexpr int DefaultTimeoutMs = 20000;
    static constexpr qint64 DefaultMaxBytes = 5 * 1024 * 1024;

    /** True for http:// and https:// references. */
    static bool isUrl(const QString &reference);

    /** A source from the raw bytes of a file or page (pure; any thread):
     *  HTML (by `contentType`, extension or a leading <html/<!doctype) becomes
     *  text; binary data (NUL bytes) is refused. `charset` empty = UTF-8. */
    static SourceDoc convert(int number, const QString &location, const QByteArray &data,
                             const QString &contentType, const QString &charset);

private:
    struct Job;
    void loadFile(const std::shared_ptr<Job> &job, int index);
    void loadUrl(const std::shared_ptr<Job> &job, int index);
    void finishOne(const std::shared_ptr<Job> &job, int index, const SourceDoc &doc);

    QNetworkAccessManager *network();

    QNetworkAccessManager *m_network = nullptr;
    int m_timeoutMs = DefaultTimeoutMs;
    qint64 m_maxBytes = DefaultMaxBytes;
};

} // namespace Madf
