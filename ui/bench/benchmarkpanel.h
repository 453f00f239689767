#pragma once

#include "core/config/config.h"
#include "core/metrics/benchmarkresult.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Madf {
class BenchmarkRunner;
}

namespace Madf::Ui {

class BenchmarkChart;

/** The performance guide's benchmark and load test in the GUI: choose the
 *  test and its size, the current configuration (A) and optionally one to
 *  compare it with (B: a preset or a YAML file applied on top of A), run
 *  with a progress bar and Cancel, and read the figures side by side in a
 *  table (past runs from the store included) and on a quality-against-cost
 *  chart. Runs use BenchmarkRunner, whose engine has its own thread; the
 *  store is read and written on the thread pool. */
class BenchmarkPanel : public QWidget
{
    Q_OBJECT
public:
    /** The table's columns. */
    enum Column {
        Started, Test, ConfigName, Count, AvgLatency, StdLatency, AvgQuality, DocsPerHour, Successes,
        CostPerDocument, TotalTime, TimePerDocument, ColumnCount
    };

    explicit BenchmarkPanel(QWidget *parent = nullptr);
    ~BenchmarkPanel() override;

    /** Configuration A: the one in force. */
    void setConfig(const Config &config);
    /** Where runs are saved and past ones read from. */
    void setDatabasePath(const QString &path);

    void setKind(BenchmarkResult::Kind kind);
    BenchmarkResult::Kind kind() const;
    void setCount(int count);
    /** Configuration B: empty for none, a preset's name, or a YAML file's path. */
    void setComparison(const QString &presetOrFile);
    QString comparison() const;

    bool isRunning() const;
    /** Newest first, as in the table. */
    const QList<BenchmarkResult> &results() const { return m_results; }
    int rowCount() const;
    QTableWidget *table() const { return m_table; }
    BenchmarkChart *chart() const { return m_chart; }
    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;

    /** Writes every run as CSV or JSON (by the file's suffix). */
    bool exportTo(const QString &path, QString *error = nullptr) const;

public Q_SLOTS:
    void run();
    void cancel();
    void chooseExportFile();

Q_SIGNALS:
    /** One configuration's run ended (not cancelled) and is in the table. */
    void runFinished(const Madf::BenchmarkResult &result);
    /** Every configuration of the run has ended, or it was cancelled or failed. */
    void allFinished();
    void historyLoaded(int runs);
    /** A finished run was written to the store (@p id -1: it could not be). */
    void runSaved(qint64 id);

private:
    struct Job
    {
        Config config;
        QString name;
    };
    void loadHistory();
    void startNext();
    void onRunFinished(const BenchmarkResult &result);
    void onRunFailed(const QString &error);
    void onMeasured(int done, int total);
    void save(const BenchmarkResult &result);
    void setRunning(bool running);
    void setStatus(const QString &text);
    void refreshViews();
    void onKindChanged();
    void onComparisonChosen(int index);

    Config m_config;
    QString m_dbPath;
    BenchmarkRunner *m_runner;
    QList<Job> m_jobs;
    int m_jobsTotal = 0;
    int m_measuredBefore = 0;
    QStringList m_finishedThisRun;   ///< one line per configuration, for the status
    QList<BenchmarkResult> m_results;
    QString m_comparisonFile;
    int m_historyGeneration = 0;

    QComboBox *m_kind;
    QLabel *m_countLabel;
    QSpinBox *m_count;
    QLineEdit *m_topic;
    QLabel *m_configA;
    QComboBox *m_configB;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_table;
    BenchmarkChart *m_chart;
};

} // namespace Madf::Ui
