#pragma once

#include "core/config/providerconfig.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QCheckBox;
class QToolButton;

namespace Madf::Ui {

class FieldEditor;

/** The form for one provider in the Providers dialog: name, API, base URLs
 *  (replicas), whether it runs locally, where its key comes from (the
 *  keychain, typed here and shown masked, or an environment variable), and
 *  its limits and timeouts (editors built from the config declarations, so
 *  a bad value shows its allowed range and is not taken). */
class ProviderEditor : public QWidget
{
    Q_OBJECT

public:
    enum class KeySource { Keychain, Environment, None };

    explicit ProviderEditor(QWidget *parent = nullptr);

    void setProvider(const ProviderConfig &provider, KeySource source, const QString &key);
    /** The provider as edited (values an editor rejected are not in it). */
    ProviderConfig provider() const;
    KeySource keySource() const;
    /** The key typed (Keychain source only; empty otherwise). */
    QString key() const;

    void setNameError(const QString &message);
    /** Where a key typed here goes, in plain words (shown under the key). */
    void setKeyNotice(const QString &text, bool warning);
    QString keyNotice() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *apiCombo() const { return m_api; }
    QPlainTextEdit *urlsEdit() const { return m_urls; }
    QCheckBox *localBox() const { return m_local; }
    QComboBox *keySourceCombo() const { return m_keySource; }
    QLineEdit *keyEdit() const { return m_key; }
    QToolButton *showKeyButton() const { return m_showKey; }
    QLineEdit *envEdit() const { return m_env; }
    FieldEditor *settingEditor(const QString &key) const { return m_settings.value(key); }

Q_SIGNALS:
    /** Any change the user made. */
    void edited();

private:
    void buildSettings(QFormLayout *form);
    void onSettingEdited(FieldEditor *editor, const QString &key, const QVariant &value);
    void updateRows();
    void updateEnvStatus();
    void changed();

    ProviderConfig m_provider;
    bool m_loading = false;
    QFormLayout *m_form = nullptr;
    QFormLayout *m_moreForm = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QComboBox *m_api = nullptr;
    QPlainTextEdit *m_urls = nullptr;
    QCheckBox *m_local = nullptr;
    QComboBox *m_keySource = nullptr;
    QWidget *m_keyRow = nullptr;
    QLineEdit *m_key = nullptr;
    QToolButton *m_showKey = nullptr;
    QLabel *m_keyNotice = nullptr;
    QWidget *m_envRow = nullptr;
    QLineEdit *m_env = nullptr;
    QLabel *m_envStatus = nullptr;
    QToolButton *m_moreButton = nullptr;
    QWidget *m_more = nullptr;
    QHash<QString, FieldEditor *> m_settings;
};

} // namespace Madf::Ui
