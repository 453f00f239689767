#pragma once

#include "core/config/config.h"
#include "core/llm/localserverdetector.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace Madf::Ui {

/** The simulated-provider banner's offer, on a first run with no real
 *  provider: "Ollama found at localhost:11434 with 3 models — Use it". It
 *  looks in the background and stays hidden until a local server answers;
 *  Use it asks the owner (useRequested) to confirm and apply. */
class LocalServerOffer : public QWidget
{
    Q_OBJECT

public:
    explicit LocalServerOffer(QWidget *parent = nullptr);

    LocalServerDetector *detector() const { return m_detector; }
    /** Looks for local servers; the offer shows when one is found. */
    void scan();
    std::optional<LocalServer> server() const { return m_server; }
    QString text() const;
    QPushButton *useButton() const { return m_use; }

    /** @p config with @p server as a local OpenAI-compatible provider (an
     *  existing entry with its URL is reused) and every agent assigned to
     *  it, each with a model the server has (its own when listed). */
    static Config configured(const Config &config, const LocalServer &server, QString *providerName = nullptr);
    /** The model an agent gets: @p current when listed, else the first one
     *  that is not an embedding model. */
    static QString pickModel(const QStringList &models, const QString &current);

Q_SIGNALS:
    void useRequested(const Madf::LocalServer &server);

private:
    void onFinished(const QList<LocalServer> &servers);

    LocalServerDetector *m_detector = nullptr;
    std::optional<LocalServer> m_server;
    QLabel *m_label = nullptr;
    QPushButton *m_use = nullptr;
};

} // namespace Madf::Ui
