#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

namespace Madf::Ui {

/** An editable, reorderable list of short texts (requirements, references):
 *  add, edit in place, remove, move up/down, all from the keyboard. With
 *  `acceptFiles`, files dropped on it or chosen with "Add files…" are added
 *  by path, and "Add URL…" takes an http(s) address. */
class StringListEditor : public QWidget
{
    Q_OBJECT
public:
    StringListEditor(const QString &itemName, bool acceptFiles, QWidget *parent = nullptr);

    QStringList items() const;
    void setItems(const QStringList &items);
    void addItem(const QString &text);
    /** Marks one row (by index) as invalid with a message; -1 clears all. */
    void setRowError(int row, const QString &message);
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void changed();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void move(int delta);
    void onAddFiles();
    void onAddUrl();

    QListWidget *m_list;
    QString m_itemName;
};

} // namespace Madf::Ui
