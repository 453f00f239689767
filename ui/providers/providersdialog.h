#pragma once

#include "providereditor.h"

#include "core/config/config.h"
#include "core/llm/connectionreport.h"
#include "core/llm/localserverdetector.h"

#include <QDialog>
#include <QSet>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace Madf::Ui {

class ConnectionTest;
class ProviderKeys;

/** Settings > Providers: the configured model endpoints, added (OpenAI,
 *  OpenRouter, Anthropic, vLLM, any OpenAI-compatible URL, or a local
 *  Ollama / llama.cpp / LM Studio server found on its usual port), edited
 *  and removed; each can be tested before it is saved. Keys go to the
 *  keychain through ProviderKeys, never into the configuration. Nothing
 *  here blocks: detection and tests run in the background and can be
 *  cancelled. Save applies everything at once; Cancel changes nothing. */
class ProvidersDialog : public QDialog
{
    Q_OBJECT

public:
    ProvidersDialog(const Config &config, ProviderKeys *keys, QWidget *parent = nullptr);
    ~ProvidersDialog() override;

    /** The configuration with the providers as edited; agents follow a
     *  renamed provider, and those of a removed one fall back to the
     *  simulated provider. Keys are not in it. */
    Config editedConfig() const;
    QStringList providerNames() const;
    QString currentProvider() const;
    bool selectProvider(const QString &name);
    /** Adds a provider from a template (ProviderTemplate ids); returns its name. */
    QString addProvider(const QString &templateId);
    /** Adds @p server as a local OpenAI-compatible provider; returns its name. */
    QString addLocalServer(const LocalServer &server);
    bool removeProvider(const QString &name);

    ProviderEditor *editor() const { return m_editor; }
    /** Detection runs when the dialog is first shown; set its candidates before. */
    LocalServerDetector *detector() const { return m_detector; }
    void detectLocalServers();

    void testConnection();
    void cancelTest();
    bool isTesting() const;
    QString testResult() const;
    QStringList testedModels() const { return m_testedModels; }

    /** Validates and applies (keys to the keychain, configAccepted());
     *  false, with the error shown, when something is wrong. */
    bool save();
    QString errorText() const;

Q_SIGNALS:
    void configAccepted(const Madf::Config &config);
    void testFinished(const Madf::ConnectionReport &report);
    void localServersDetected(const QList<Madf::LocalServer> &servers);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Entry
    {
        QString original;            ///< name in the configuration given; empty for a new one
        ProviderConfig config;
        ProviderEditor::KeySource source = ProviderEditor::KeySource::None;
        QString key;
    };

    void buildUi();
    QWidget *buildLocalServers();
    void reloadTree();
    void updateRow(int index);
    void onCurrentRowChanged(int row);
    void onEdited();
    void updateKeyNotice();
    void onTestFinished(const ConnectionReport &report);
    void setTesting(bool testing);
    void onDetectionFinished(const QList<LocalServer> &servers);
    void rebuildLocalRows();
    QString uniqueName(const QString &base) const;
    QString nameError(int index) const;
    int indexOf(const QString &name) const;
    QString configuredAs(const QString &baseUrl) const;
    void showError(const QString &text);

    Config m_config;
    ProviderKeys *m_keys;
    QList<Entry> m_entries;
    QSet<QString> m_removed;           ///< original names removed
    int m_current = -1;
    bool m_detectionStarted = false;

    QTreeWidget *m_tree = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    ProviderEditor *m_editor = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_cancelTestButton = nullptr;
    QProgressBar *m_testProgress = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_testModels = nullptr;
    QStringList m_testedModels;
    QList<LocalServer> m_servers;
    QLabel *m_localStatus = nullptr;
    QVBoxLayout *m_localList = nullptr;
    QPushButton *m_scanButton = nullptr;
    QLabel *m_error = nullptr;
    ConnectionTest *m_test = nullptr;
    LocalServerDetector *m_detector = nullptr;
};

} // namespace Madf::Ui
