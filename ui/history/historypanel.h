#pragma once

#include "core/orchestration/engineevents.h"
#include "core/storage/storerecords.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace Madf::Ui {

/** Every document in the store: searchable, sortable by date, quality, cost
 *  and latency. Reopen, re-run with an edited request, delete (confirmed),
 *  resume interrupted ones. The database is read on the thread pool, each
 *  query on its own connection: the GUI thread never waits on the disk. */
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void setDatabasePath(const QString &path);
    /** The documents this window is running now: any other unfinished
     *  document in the store was interrupted, and is labelled so. */
    void setRunning(const QSet<QString> &ids);
    /** A running document's stage and cost as the engine reports them: its
     *  row follows between two reads of the database (which saves the cost
     *  only when the stage changes). */
    void showProgress(const Madf::DocumentProgress &progress);
    int rowCount() const;
    QString idAt(int row) const;
    QTreeWidget *view() const { return m_view; }

public Q_SLOTS:
    /** Re-reads the list (after a document finished, for instance). */
    void refresh();
    void openSelected();
    void rerunSelected();
    /** Deletes without asking (the button asks first). */
    void deleteDocument(const QString &id);

Q_SIGNALS:
    void refreshed(int rows);
    void openRequested(const Madf::Document &document);
    void rerunRequested(const Madf::DocumentRequest &request);
    void resumeRequested();
    void deleted(const QString &id, const QString &error);

private:
    void onDeleteClicked();
    void loadDocument(const QString &id, bool rerun);
    HistoryQuery currentQuery() const;

    void labelStatus(QTreeWidgetItem *item) const;

    QString m_dbPath;
    QSet<QString> m_running;
    QLineEdit *m_search;
    QComboBox *m_sort;
    QPushButton *m_order;
    QTreeWidget *m_view;
    QLabel *m_empty;
    QTimer *m_searchTimer;
    int m_generation = 0;   ///< drops answers to queries that were superseded
    QHash<QString, QTreeWidgetItem *> m_items;   ///< the rows by document id, as last read
};

} // namespace Madf::Ui
