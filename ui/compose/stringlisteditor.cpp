#include "stringlisteditor.h"

#include "ui/theme/theme.h"

#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Madf::Ui {

StringListEditor::StringListEditor(const QString &itemName, bool acceptFiles, QWidget *parent)
    : QWidget(parent), m_itemName(itemName)
{
    setAcceptDrops(acceptFiles);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(itemName);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setMinimumHeight(64);
    setFocusProxy(m_list); // a label's buddy mnemonic lands in the list
    layout->addWidget(m_list, 1);
    connect(m_list, &QListWidget::itemChanged, this, &StringListEditor::changed);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &StringListEditor::changed);

    auto *buttons = new QVBoxLayout;
    auto button = [&](const QString &text, const QString &tip, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    if (acceptFiles) {
        button(tr("Files…"), tr("Add reference files (txt, md, html)"), &StringListEditor::onAddFiles);
        button(tr("URL…"), tr("Add a reference URL"), &StringListEditor::onAddUrl);
    } else {
        button(tr("Add"), tr("Add %1").arg(itemName), [this] {
            addItem(QString());
            m_list->editItem(m_list->item(m_list->count() - 1));
        });
    }
    button(tr("Remove"), tr("Remove the selected %1").arg(itemName), [this] {
        delete m_list->currentItem();
        Q_EMIT changed();
    });
    button(QStringLiteral("↑"), tr("Move up"), [this] { move(-1); });
    button(QStringLiteral("↓"), tr("Move down"), [this] { move(1); });
    buttons->addStretch();
    layout->addLayout(buttons);
}

QStringList StringListEditor::items() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void StringListEditor::setItems(const QStringList &items)
{
    m_list->clear();
    for (const QString &s : items)
        addItem(s);
}

void StringListEditor::addItem(const QString &text)
{
    auto *item = new QListWidgetItem(text, m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_list->setCurrentItem(item);
    Q_EMIT changed();
}

void StringListEditor::setRowError(int row, const QString &message)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (row == -1 || i == row) {
            item->setForeground(row == -1 ? palette().color(QPalette::Text) : Theme::errorText(palette()));
            item->setToolTip(row == -1 ? QString() : message);
        }
    }
}

void StringListEditor::move(int delta)
{
    const int row = m_list->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_list->count())
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(target, item);
    m_list->setCurrentRow(target);
    Q_EMIT changed();
}

void StringListEditor::onAddFiles()
{
    // Non-blocking dialog: no nested event loop on the GUI thread.
    auto *dialog = new QFileDialog(this, tr("Add references"), {}, tr("Documents (*.txt *.md *.html *.htm);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &f : files)
            addItem(f);
    });
    dialog->open();
}

void StringListEditor::onAddUrl()
{
    auto *dialog = new QInputDialog(this);
    dialog->setWindowTitle(tr("Add a reference URL"));
    dialog->setLabelText(tr("http(s) address:"));
    dialog->setTextValue(QStringLiteral("https://"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &url) {
        if (!url.trimmed().isEmpty())
            addItem(url.trimmed());
    });
    dialog->open();
}

void StringListEditor::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void StringListEditor::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        addItem(url.isLocalFile() ? url.toLocalFile() : url.toString());
    event->acceptProposedAction();
}

} // namespace Madf::Ui
