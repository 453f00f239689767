#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Madf {

/** A model server found running on this computer, ready to be configured
 *  as an OpenAI-compatible provider. */
struct LocalServer
{
    QString kind;            ///< ollama | llamacpp | lmstudio | vllm
    QString host;            ///< as asked, e.g. "localhost"
    quint16 port = 0;
    QString baseUrl;         ///< the OpenAI-compatible base URL, e.g. http://localhost:11434/v1
    QStringList models;      ///< as the server names them
    bool ready = true;       ///< false while llama.cpp's server still loads its model (/health 503)
    qint64 latencyMs = -1;   ///< time to the model list

    /** "Ollama", "llama.cpp server", "LM Studio", "vLLM". */
    QString label() const;
    /** "localhost:11434" */
    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
};

/** Looks for local model servers on their usual ports: Ollama (11434,
 *  `/api/tags`), llama.cpp's server (8080, `/v1/models` and `/health`),
 *  LM Studio (1234) and vLLM (8000, both `/v1/models`). A server counts as
 *  found only when it answers in its own format, so an unrelated web
 *  server on 8080 is not mistaken for one.
 *
 *  All candidates are asked at once, asynchronously, with a short timeout
 *  and never through a proxy; start() returns at once. The port list is
 *  injectable (tests run against the mock server on ephemeral ports). */
class LocalServerDetector : public QObject
{
    Q_OBJECT

public:
    struct Candidate
    {
        QString kind;    ///< decides what is asked and how the answer is read
        quint16 port = 0;
    };

    explicit LocalServerDetector(QObject *parent = nullptr);
    ~LocalServerDetector() override;

    /** Ollama 11434, LM Studio 1234, llama.cpp 8080, vLLM 8000. */
    static QList<Candidate> defaultCandidates();
    /** The usual port of @p kind; 0 for an unknown kind. */
    static quint16 defaultPort(const QString &kind);
    static QString labelFor(const QString &kind);

    void setCandidates(const QList<Candidate> &candidates) { m_candidates = candidates; }
    QList<Candidate> candidates() const { return m_candidates; }
    void setHost(const QString &host) { m_host = host; }
    QString host() const { return m_host; }
    /** Per request, connection included (default 1500 ms). */
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    /** Asks every candidate; a detection still running is cancelled first. */
    void start();
    /** Stops asking; finished() is not emitted. */
    void cancel();
    bool isRunning() const { return m_pending > 0; }
    /** Found so far, in candidate order. */
    QList<LocalServer> servers() const;

Q_SIGNALS:
    void serverFound(const Madf::LocalServer &server);
    /** Every candidate answered or timed out; @p servers in candidate order. */
    void finished(const QList<Madf::LocalServer> &servers);

private:
    void ask(int index, const QString &path);
    void onReply(QNetworkReply *reply, int index, const QString &path, qint64 sentMs);
    void announce(int index);

    QList<Candidate> m_candidates;
    QString m_host = QStringLiteral("localhost");
    int m_timeoutMs = 1500;
    QNetworkAccessManager *m_manager = nullptr;
    QList<QNetworkReply *> m_replies;
    QList<std::optional<LocalServer>> m_found;
    int m_pending = 0;
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::LocalServer)
