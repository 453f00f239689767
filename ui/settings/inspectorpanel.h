#pragma once

#include "core/config/config.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace Madf::Ui {

class FieldEditor;
class ModelCatalog;
class SectionForm;
class ThresholdSlider;

/** The Inspector: every orchestrator and agent setting, editable, built from
 *  the config declarations; presets, "save as preset", YAML import/export.
 *  A change is validated by the configuration first: an invalid value is
 *  shown with its allowed range and never applied. File work runs off the
 *  GUI thread. */
class InspectorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget *parent = nullptr);

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    /** Validates and applies one value; on failure the editor shows `error`
     *  and the configuration is unchanged. Used by the editors and tests. */
    bool applyValue(const QString &keyPath, const QVariant &value, QString *error = nullptr);
    bool applyPreset(const QString &name, QString *error = nullptr);
    SectionForm *form(const QString &sectionOrAgent) const;
    /** Where the agents' model fields get their lists from (the endpoint
     *  of each agent's provider, fetched in the background); the owner
     *  keeps @p catalog's configuration and keys current. */
    void setModelCatalog(ModelCatalog *catalog);

public Q_SLOTS:
    void importYaml(const QString &path);
    void exportYaml(const QString &path);
    void saveAsPreset(const QString &name, const QString &description);
    /** The same, asking for the file or the name first (buttons, Settings menu). */
    void onImportClicked();
    void onExportClicked();
    void onSavePresetClicked();

Q_SIGNALS:
    /** A valid configuration is now in force. */
    void configChanged(const Madf::Config &config);
    /** One line for the status bar. */
    void message(const QString &text);

private:
    void buildUi();
    void refresh();
    void reloadPresets();
    void onValueEdited(FieldEditor *editor, const QString &keyPath, const QVariant &value);
    void showWarning(const QString &title, const QString &text, const QString &details = {});
    void requestModels();
    void onModelsListed(const QString &provider, const QStringList &models, const QString &error);

    Config m_config;
    QComboBox *m_presets = nullptr;
    QTabWidget *m_tabs = nullptr;
    ThresholdSlider *m_threshold = nullptr;
    QLabel *m_status = nullptr;
    QHash<QString, SectionForm *> m_forms;
    ModelCatalog *m_catalog = nullptr;
};

} // namespace Madf::Ui
