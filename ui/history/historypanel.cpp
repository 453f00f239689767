#include "historypanel.h"

#include "core/storage/documentstore.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Madf::Ui {

namespace {
enum Column { TitleCol, StatusCol, QualityCol, CostCol, LatencyCol, WordsCol, CreatedCol };

template <class T, class Work, class Done>
void inBackground(QObject *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(work));
}

/** Sorts numbers as numbers while showing formatted text. */
class Item : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int col = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(col, Qt::UserRole), b = other.data(col, Qt::UserRole);
        if (a.isValid() && b.isValid())
            return a.toDouble() < b.toDouble();
        return QTreeWidgetItem::operator<(other);
    }
};
} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search titles and topics"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search history"));
    m_sort = new QComboBox(this);
    m_sort->setAccessibleName(tr("Sort by"));
    m_sort->addItem(tr("Date"), int(HistoryQuery::SortKey::CreatedAt));
    m_sort->addItem(tr("Quality"), int(HistoryQuery::SortKey::Quality));
    m_sort->addItem(tr("Cost"), int(HistoryQuery::SortKey::Cost));
    m_sort->addItem(tr("Latency"), int(HistoryQuery::SortKey::Latency));
    m_order = new QPushButton(QStringLiteral("↓"), this);
    m_order->setCheckable(true);
    m_order->setChecked(true);
    m_order->setToolTip(tr("Descending order"));
    m_order->setAccessibleName(tr("Descending order"));
    top->addWidget(m_search, 1);
    top->addWidget(m_sort);
    top->addWidget(m_order);
    layout->addLayout(top);

    m_view = new QTreeWidget(this);
    m_view->setHeaderLabels({tr("Title"), tr("Status"), tr("Quality"), tr("Cost"), tr("Latency"), tr("Words"), tr("Created")});
    m_view->setRootIsDecorated(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("Documents"));
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(TitleCol, QHeaderView::Stretch);
    m_view->header()->setMinimumSectionSize(60);
    m_view->header()->setStretchLastSection(false);
    layout->addWidget(m_view, 1);
    m_empty = new QLabel(tr("No documents yet. Generated documents are kept here."), this);
    m_empty->setEnabled(false);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty);

    auto *buttons = new QHBoxLayout;
    auto add = [&](const QString &text, const QString &tip, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    add(tr("&Open"), tr("Show the selected document"), &HistoryPanel::openSelected);
    add(tr("Re-&run…"), tr("Put the selected document's request in the composer to edit and run again"),
        &HistoryPanel::rerunSelected);
    add(tr("&Delete…"), tr("Delete the selected document from the history"), &HistoryPanel::onDeleteClicked);
    add(tr("Res&ume"), tr("Continue documents that were interrupted"), [this] { Q_EMIT resumeRequested(); });
    layout->addLayout(buttons);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_searchTimer, &QTimer::timeout, this, &HistoryPanel::refresh);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_sort, &QComboBox::currentIndexChanged, this, &HistoryPanel::refresh);
    connect(m_order, &QPushButton::toggled, this, [this](bool desc) {
        m_order->setText(desc ? QStringLiteral("↓") : QStringLiteral("↑"));
        refresh();
    });
    connect(m_view, &QTreeWidget::itemActivated, this, &HistoryPanel::openSelected);
}

void HistoryPanel::setRunning(const QSet<QString> &ids)
{
    m_running = ids;
    for (int i = 0; i < m_view->topLevelItemCount(); ++i)
        labelStatus(m_view->topLevelItem(i));
}

void HistoryPanel::showProgress(const DocumentProgress &progress)
{
    QTreeWidgetItem *item = m_items.value(progress.documentId);
    if (!item)
        return;   // not listed yet: the next read brings it
    item->setData(StatusCol, Qt::UserRole, int(progress.status));
    labelStatus(item);
    item->setText(CostCol, QStringLiteral("$%1").arg(progress.costUsd, 0, 'f', 4));
    item->setData(CostCol, Qt::UserRole, progress.costUsd);
}

void HistoryPanel::labelStatus(QTreeWidgetItem *item) const
{
    const auto status = DocumentStatus(item->data(StatusCol, Qt::UserRole).toInt());
    // The store keeps the last stage an unfinished document reached; if no
    // one is running it now, "Researching" would be a lie.
    if (!isTerminal(status) && !m_running.contains(item->data(TitleCol, Qt::UserRole + 1).toString())) {
        item->setText(StatusCol, tr("Interrupted"));
        item->setToolTip(StatusCol, tr("Stopped at: %1. Resume continues it without paying again for finished calls.")
                                        .arg(documentStatusLabel(status)));
    } else {
        item->setText(StatusCol, documentStatusLabel(status));
        item->setToolTip(StatusCol, QString());
    }
}

void HistoryPanel::setDatabasePath(const QString &path)
{
    m_dbPath = path;
    refresh();
}

HistoryQuery HistoryPanel::currentQuery() const
{
    HistoryQuery q;
    q.text = m_search->text().trimmed();
    q.sortBy = HistoryQuery::SortKey(m_sort->currentData().toInt());
    q.descending = m_order->isChecked();
    q.limit = 5000;
    return q;
}

void HistoryPanel::refresh()
{
    if (m_dbPath.isEmpty())
        return;
    const int generation = ++m_generation;
    const QString path = m_dbPath;
    const HistoryQuery query = currentQuery();
    using Result = QPair<QList<DocumentSummary>, QString>;
    inBackground<Result>(this, [path, query] {
        DocumentStore store;
        QString error;
        if (!store.open(path, &error))
            return Result{{}, error};
        return Result{store.list(query, &error), error};
    }, [this, generation](const Result &r) {
        if (generation != m_generation)
            return; // a newer query is on its way
        const QString selected = m_view->currentItem() ? m_view->currentItem()->data(TitleCol, Qt::UserRole + 1).toString() : QString();
        m_items.clear();
        m_view->clear();
        // Added in one go: one insertion for the view, not one per row.
        QList<QTreeWidgetItem *> items;
        items.reserve(r.first.size());
        QTreeWidgetItem *current = nullptr;
        for (const DocumentSummary &s : r.first) {
            auto *item = new Item;
            items.append(item);
            item->setText(TitleCol, s.title.isEmpty() ? s.topic : s.title);
            item->setToolTip(TitleCol, s.topic);
            item->setData(TitleCol, Qt::UserRole + 1, s.id);
            m_items.insert(s.id, item);
            item->setData(StatusCol, Qt::UserRole, int(s.status));
            labelStatus(item);
            if (s.qualityScore) {
                item->setText(QualityCol, QString::number(*s.qualityScore, 'f', 2));
                item->setData(QualityCol, Qt::UserRole, *s.qualityScore);
            }
            item->setText(CostCol, QStringLiteral("$%1").arg(s.costUsd, 0, 'f', 4));
            item->setData(CostCol, Qt::UserRole, s.costUsd);
            if (!isTerminal(s.status)) {
                // Running, or cut off mid-run: it has no end, so no latency.
                // What its row holds is how long it had run at its last save.
                item->setText(LatencyCol, QStringLiteral("—"));
                item->setToolTip(LatencyCol, s.latencyMs > 0 ? tr("Not finished; it had run for %1 s when last saved")
                                                                    .arg(s.latencyMs / 1000.0, 0, 'f', 1)
                                                              : tr("Not finished"));
            } else {
                item->setText(LatencyCol, tr("%1 s").arg(s.latencyMs / 1000.0, 0, 'f', 1));
            }
            item->setData(LatencyCol, Qt::UserRole, s.latencyMs);
            item->setText(WordsCol, QString::number(s.wordCount));
            item->setData(WordsCol, Qt::UserRole, s.wordCount);
            item->setText(CreatedCol, QLocale().toString(s.createdAt.toLocalTime(), QLocale::ShortFormat));
            if (s.id == selected)
                current = item;
        }
        m_view->addTopLevelItems(items);
        if (current)
            m_view->setCurrentItem(current);
        m_empty->setVisible(r.first.isEmpty());
        m_empty->setText(!r.second.isEmpty() ? tr("History unavailable: %1").arg(r.second)
                         : m_search->text().isEmpty() ? tr("No documents yet. Generated documents are kept here.")
                                                      : tr("No document matches \"%1\".").arg(m_search->text()));
        Q_EMIT refreshed(int(r.first.size()));
    });
}

int HistoryPanel::rowCount() const
{
    return m_view->topLevelItemCount();
}

QString HistoryPanel::idAt(int row) const
{
    QTreeWidgetItem *item = m_view->topLevelItem(row);
    return item ? item->data(TitleCol, Qt::UserRole + 1).toString() : QString();
}

void HistoryPanel::loadDocument(const QString &id, bool rerun)
{
    const QString path = m_dbPath;
    inBackground<std::optional<Document>>(this, [path, id] {
        DocumentStore store;
        return store.open(path) ? store.document(id) : std::optional<Document>();
    }, [this, rerun](const std::optional<Document> &doc) {
        if (!doc)
            return;
        if (rerun)
            Q_EMIT rerunRequested(doc->request);
        else
            Q_EMIT openRequested(*doc);
    });
}

void HistoryPanel::openSelected()
{
    if (QTreeWidgetItem *item = m_view->currentItem())
        loadDocument(item->data(TitleCol, Qt::UserRole + 1).toString(), false);
}

void HistoryPanel::rerunSelected()
{
    if (QTreeWidgetItem *item = m_view->currentItem())
        loadDocument(item->data(TitleCol, Qt::UserRole + 1).toString(), true);
}

void HistoryPanel::onDeleteClicked()
{
    QTreeWidgetItem *item = m_view->currentItem();
    if (!item)
        return;
    const QString id = item->data(TitleCol, Qt::UserRole + 1).toString();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete document"),
                                tr("Delete \"%1\" and its revisions from the history? This cannot be undone.")
                                    .arg(item->text(TitleCol)),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, id] { deleteDocument(id); });
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *b) {
        if (box->standardButton(b) == QMessageBox::Yes)
            deleteDocument(id);
    });
    box->open();
}

void HistoryPanel::deleteDocument(const QString &id)
{
    const QString path = m_dbPath;
    inBackground<QString>(this, [path, id] {
        DocumentStore store;
        QString error;
        if (store.open(path, &error))
            store.remove(id, &error);
        return error;
    }, [this, id](const QString &error) {
        Q_EMIT deleted(id, error);
        refresh();
    });
}

} // namespace Madf::Ui
