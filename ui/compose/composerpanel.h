#pragma once

#include "core/model/documentrequest.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QShortcut;
class QSpinBox;

namespace Madf::Ui {

class StringListEditor;

/** The request composer: topic, type, length, style, audience,
 *  requirements, references and an optional outline. Invalid fields are
 *  marked inline with the rule they break; Generate (Ctrl+Return) is only
 *  possible for a valid request. Shows the pre-run estimate it is given. */
class ComposerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ComposerPanel(QWidget *parent = nullptr);
    ~ComposerPanel() override;

    DocumentRequest request() const;
    void setRequest(const DocumentRequest &request);
    /** Marks invalid fields; returns true when the request is valid. */
    bool validate();
    void setEstimate(const QString &text);
    QString fieldError(const QString &field) const;
    /** The composer's own Ctrl+Return; a window with a Generate action of
     *  its own turns it off (two owners of one key make both silent). */
    void setShortcutEnabled(bool on);

public Q_SLOTS:
    /** Validates, then emits generateRequested. */
    void generate();

Q_SIGNALS:
    void requestChanged(const Madf::DocumentRequest &request);
    void generateRequested(const Madf::DocumentRequest &request);

private:
    void markErrors(const QList<RequestError> &errors);
    void onEdited();

    QLineEdit *m_topic;
    QComboBox *m_type;
    QSpinBox *m_length;
    QComboBox *m_style;
    QComboBox *m_audience;
    StringListEditor *m_requirements;
    StringListEditor *m_references;
    QPlainTextEdit *m_outline;
    QLabel *m_estimate;
    QPushButton *m_generate;
    QShortcut *m_shortcut;
    QHash<QString, QLabel *> m_errorLabels;
    bool m_showErrors = false;   ///< only after the first Generate or a field is left
};

} // namespace Madf::Ui
