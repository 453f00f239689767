#include "core/agents/referenceloader.h"

#include "core/agents/htmltext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

namespace Madf {

namespace {

// Free functions name their context: lupdate would file a bare tr() under
// the namespace.
struct ReferenceLoaderTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::ReferenceLoader)
};

QString sizeText(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

SourceDoc failed(int number, const QString &location, const QString &error)
{
    SourceDoc doc;
    doc.number = number;
    doc.location = location;
    doc.title = location;
    doc.error = error;
    return doc;
}

QString localPath(const QString &reference)
{
    const QString trimmed = reference.trimmed();
    if (trimmed.startsWith(QLatin1String("file:"), Qt::CaseInsensitive))
        return QUrl(trimmed).toLocalFile();
    if (trimmed == QLatin1String("~") || trimmed.startsWith(QLatin1String("~/")))
        return QDir::homePath() + trimmed.mid(1);
    return trimmed;
}

// Read on a pool thread: a large file or a slow disk never stalls the engine.
SourceDoc readFile(int number, const QString &reference, qint64 maxBytes)
{
    const QString path = localPath(reference);
    const QFileInfo info(path);
    if (!info.exists())
        return failed(number, reference, ReferenceLoaderTr::tr("file not found: %1").arg(path));
    if (!info.isFile())
        return failed(number, reference, ReferenceLoaderTr::tr("not a file: %1").arg(path));
    if (info.size() > maxBytes)
        return failed(number, reference, ReferenceLoaderTr::tr("file too large: %1 (%2, at most %3)")
                                             .arg(path, sizeText(info.size()), sizeText(maxBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(number, reference, ReferenceLoaderTr::tr("cannot read %1: %2").arg(path, file.errorString()));
    return ReferenceLoader::convert(number, reference, file.readAll(), QString(), QString());
}

QString firstMarkdownHeading(const QString &text)
{
    static const QRegularExpression headingRe(QStringLiteral("^#\\s+(.+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = headingRe.match(text);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

} // namespace

struct ReferenceLoader::Job
{
    QList<SourceDoc> docs;
    int remaining = 0;
    QPointer<QObject> context;
    bool guarded = false;  ///< a context was given: done() only while it lives
    std::function<void(QList<SourceDoc>)> done;
};

ReferenceLoader::ReferenceLoader(QObject *parent)
    : QObject(parent)
{
}

ReferenceLoader::~ReferenceLoader() = default;

bool ReferenceLoader::isUrl(const QString &reference)
{
    const QString r = reference.trimmed();
    return r.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || r.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

SourceDoc ReferenceLoader::convert(int number, const QString &location, const QByteArray &data,
                                   const QString &contentType, const QString &charset)
{
    if (data.left(8192).contains('\0'))
        return failed(number, location, tr("not a text file: %1 (use .txt, .md or .html)").arg(location));

    QString text;
    {
        QStringDecoder decoder(charset.isEmpty() ? "UTF-8" : charset.toLatin1().constData());
        if (!decoder.isValid())
            decoder = QStringDecoder(QStringDecoder::Utf8);
        text = decoder(data);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
    }

    const QString lowerType = contentType.toLower();
    const QString suffix = QFileInfo(QUrl(location).path()).suffix().toLower();
    const QString head = text.left(512).trimmed().toLower();
    const bool isHtml = lowerType.contains(QLatin1String("html"))
        || suffix == QLatin1String("html") || suffix == QLatin1String("htm") || suffix == QLatin1String("xhtml")
        || (lowerType.isEmpty() && (head.startsWith(QLatin1String("<!doctype html")) || head.startsWith(QLatin1String("<html"))));

    SourceDoc doc;
    doc.number = number;
    doc.location = location;
    if (isHtml) {
        doc.title = htmlTitle(text);
        doc.text = htmlToText(text);
    } else {
        doc.text = text.trimmed();
        doc.title = firstMarkdownHeading(doc.text);
    }
    if (doc.title.isEmpty()) {
        const QUrl url(location);
        doc.title = isUrl(location) ? url.host() + url.path() : QFileInfo(localPath(location)).fileName();
    }
    if (doc.text.isEmpty())
        doc.error = tr("no text in %1").arg(location);
    return doc;
}

void ReferenceLoader::load(const QStringList &references, QObject *context,
                           std::function<void(QList<SourceDoc>)> done)
{
    auto job = std::make_shared<Job>();
    job->context = context;
    job->guarded = context != nullptr;
    job->done = std::move(done);
    job->remaining = int(references.size());
    for (int i = 0; i < references.size(); ++i)
        job->docs.append(failed(i + 1, references.at(i), QString()));

    if (references.isEmpty()) {
        // Asynchronous even with nothing to do, so callers see one behaviour.
        QTimer::singleShot(0, this, [job] {
            if (job->context || !job->guarded)
                job->done({});
        });
        return;
    }
    for (int i = 0; i < references.size(); ++i) {
        if (isUrl(references.at(i)))
            loadUrl(job, i);
        else
            loadFile(job, i);
    }
}

void ReferenceLoader::loadFile(const std::shared_ptr<Job> &job, int index)
{
    const QString reference = job->docs.at(index).location;
    const qint64 maxBytes = m_maxBytes;
    auto promise = std::make_shared<QPromise<SourceDoc>>();
    QFuture<SourceDoc> future = promise->future();
    future.then(this, [this, job, index](const SourceDoc &doc) { finishOne(job, index, doc); });
    promise->start();
    QThreadPool::globalInstance()->start([promise, index, reference, maxBytes] {
        promise->addResult(readFile(index + 1, reference, maxBytes));
        promise->finish();
    });
}

void ReferenceLoader::loadUrl(const std::shared_ptr<Job> &job, int index)
{
    const QString reference = job->docs.at(index).location.trimmed();
    const QUrl url(reference);
    if (!url.isValid() || url.host().isEmpty()) {
        QTimer::singleShot(0, this, [this, job, index, reference] {
            finishOne(job, index, failed(index + 1, reference, tr("invalid URL: %1").arg(reference)));
        });
        return;
    }

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(10);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("MADF-Studio/" MADF_VERSION));
    request.setRawHeader("Accept", "text/html, text/plain, text/markdown, text/*;q=0.9");
    QNetworkReply *reply = network()->get(request);

    // One shared state per fetch: why it was aborted, if we aborted it.
    auto abortReason = std::make_shared<QString>();
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, abortReason, this] {
        *abortReason = tr("no complete answer within %1 s").arg(m_timeoutMs / 1000);
        reply->abort();
    });
    deadline->start(m_timeoutMs);

    const qint64 maxBytes = m_maxBytes;
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, abortReason, maxBytes] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 300 && status < 400)
            return; // a redirect being followed
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString().toLower();
        const QString mime = type.section(QLatin1Char(';'), 0, 0).trimmed();
        if (status < 400 && !mime.isEmpty() && !mime.startsWith(QLatin1String("text/"))
            && mime != QLatin1String("application/xhtml+xml")) {
            *abortReason = tr("not a text page (%1): only text/* can be used as a source").arg(mime);
            reply->abort();
            return;
        }
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBytes) {
            *abortReason = tr("page too large (%1, at most %2)").arg(sizeText(length.toLongLong()), sizeText(maxBytes));
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, abortReason, maxBytes](qint64 received, qint64) {
        if (received > maxBytes && abortReason->isEmpty()) {
            *abortReason = tr("page too large (more than %1)").arg(sizeText(maxBytes));
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, job, index, reference, abortReason] {
        reply->deleteLater();
        if (!abortReason->isEmpty()) {
            finishOne(job, index, failed(index + 1, reference, *abortReason + QStringLiteral(": ") + reference));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status >= 400) {
            QString why = reply->errorString();
            if (status >= 400)
                why = tr("HTTP %1 %2").arg(status).arg(
                    reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
            else if (reply->error() == QNetworkReply::OperationCanceledError)
                why = tr("no data for %1 s").arg(m_timeoutMs / 1000);
            finishOne(job, index, failed(index + 1, reference, tr("cannot fetch %1: %2").arg(reference, why.trimmed())));
            return;
        }
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        static const QRegularExpression charsetRe(QStringLiteral("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)"),
                                                  QRegularExpression::CaseInsensitiveOption);
        const QString charset = charsetRe.match(type).captured(1);
        const QByteArray data = reply->readAll();
        // Converting a large page is CPU work: off the engine thread.
        auto promise = std::make_shared<QPromise<SourceDoc>>();
        promise->future().then(this, [this, job, index](const SourceDoc &doc) { finishOne(job, index, doc); });
        promise->start();
        QThreadPool::globalInstance()->start([promise, index, reference, data, type, charset] {
            promise->addResult(ReferenceLoader::convert(index + 1, reference, data, type, charset));
            promise->finish();
        });
    });
}

void ReferenceLoader::finishOne(const std::shared_ptr<Job> &job, int index, const SourceDoc &doc)
{
    job->docs[index] = doc;
    if (--job->remaining > 0)
        return;
    if (job->context || !job->guarded)
        job->done(job->docs);
}

QNetworkAccessManager *ReferenceLoader::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

} // namespace Madf
