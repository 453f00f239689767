#pragma once

#include <QHash>
#include <QWidget>

class QLabel;

namespace Madf::Ui {

/** The pipeline as a strip of stages (research → outline → writing →
 *  editing → verification → revision → finalize), each showing whether it
 *  is waiting, working, done or failed, with the agent's activity. */
class StageStrip : public QWidget
{
    Q_OBJECT
public:
    enum State { Waiting, Working, Done, Failed, Skipped };

    explicit StageStrip(QWidget *parent = nullptr);
    static QStringList stages();

    void reset();
    void setState(const QString &stage, State state, const QString &detail = {});
    State state(const QString &stage) const { return m_states.value(stage, Waiting); }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /** Symbol, title and detail, elided to the label's width (long titles
     *  in other languages, narrow windows); the tooltip has them in full. */
    void showText(const QString &stage);

    QHash<QString, QLabel *> m_labels;
    QHash<QString, State> m_states;
    QHash<QString, QString> m_details;
};

} // namespace Madf::Ui
