#pragma once

#include "core/model/document.h"
#include "core/orchestration/engineevents.h"
#include "core/quality/qualityreport.h"

#include <QHash>
#include <QTextCursor>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace Madf::Ui {

class QualityView;
class StageStrip;

/** One document, being written or finished: the stage strip, the text
 *  streaming in, the rendered document and its Markdown source, and the
 *  quality report. Copy, export and cancel from its toolbar. */
class DocumentView : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentView(QWidget *parent = nullptr);

    QString documentId() const { return m_document.id; }
    const Document &document() const { return m_document; }

    /** Starts showing a document (a new one or one reopened from history). */
    void showDocument(const Document &document, double threshold);

    // Engine events for this document (the caller filters by id).
    void onProgress(const DocumentProgress &progress);
    void onStageCompleted(const QString &stage);
    void onTaskFailed(const QString &stepKey, const QString &error);
    void onTextStreamed(const QString &stepKey, const QString &delta);
    void onSectionUpdated(int index, const DocumentSection &section);
    void onQualityReport(const QualityReport &report);
    void onFinished(const Document &document);

    QString renderedText() const;
    QString liveText() const;
    QualityView *qualityView() const { return m_quality; }
    StageStrip *stageStrip() const { return m_stages; }

public Q_SLOTS:
    void copyToClipboard();
    /** Exports to `path` (format from its suffix), off the GUI thread. */
    void exportTo(const QString &path);
    /** Asks for a file (non-blocking dialog) and exports to it. */
    void chooseExportFile();

Q_SIGNALS:
    void cancelRequested(const QString &documentId);
    void exported(const QString &path, const QString &error);

private:
    void render();
    void scheduleRender();
    void flushLive();
    static QString stageOfStep(const QString &stepKey);
    static QString stripStage(const QString &stage);

    Document m_document;
    StageStrip *m_stages;
    QLabel *m_status;
    QProgressBar *m_progress;
    QTabWidget *m_tabs;
    QTextBrowser *m_rendered;
    QPlainTextEdit *m_source;
    QPlainTextEdit *m_live;
    QualityView *m_quality;
    QPushButton *m_cancel;
    QPushButton *m_export;
    QPushButton *m_copy;
    QTimer *m_renderTimer;
    QTimer *m_liveTimer;
    QList<QPair<QString, QString>> m_pendingLive;  // (step, delta) not shown yet
    QHash<QString, QTextCursor> m_liveEnds; // where each step's live text ends
    QString m_lastLiveStep;                 // the step whose section is last
};

} // namespace Madf::Ui
