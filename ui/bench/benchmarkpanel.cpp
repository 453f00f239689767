#include "benchmarkpanel.h"

#include "benchmarkchart.h"

#include "core/config/configloader.h"
#include "core/config/presets.h"
#include "core/orchestration/benchmarkrunner.h"
#include "core/storage/documentstore.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Madf::Ui {

namespace {
const QString PresetPrefix = QStringLiteral("preset:");
const QString FilePrefix = QStringLiteral("file:");
const QString ChooseFile = QStringLiteral("choose");

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString seconds(double value)
{
    return BenchmarkPanel::tr("%1 s").arg(value, 0, 'f', 2);
}
} // namespace

BenchmarkPanel::BenchmarkPanel(QWidget *parent)
    : QWidget(parent), m_config(Config::defaults()), m_runner(new BenchmarkRunner(this))
{
    setObjectName(QStringLiteral("benchmarkPanel"));

    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Benchmark: documents one after another"), int(BenchmarkResult::Kind::Benchmark));
    m_kind->addItem(tr("Load test: documents all at once"), int(BenchmarkResult::Kind::LoadTest));
    m_countLabel = new QLabel(this);
    m_count = new QSpinBox(this);
    m_count->setRange(1, 1000);
    m_count->setValue(5);
    m_topic = new QLineEdit(BenchmarkRunner::defaultTopic(), this);
    m_topic->setToolTip(tr("Every document of the run is an article of about 1000 words on this topic, as in the "
                           "performance guide's benchmark."));
    m_configA = new QLabel(this);
    m_configA->setWordWrap(true);
    m_configB = new QComboBox(this);
    m_configB->addItem(tr("Nothing (run A only)"), QString());
    for (const Presets::Preset &p : Presets::all())
        m_configB->addItem(tr("Preset: %1").arg(p.name), QString(PresetPrefix + p.name));
    m_configB->addItem(tr("A YAML file…"), ChooseFile);
    m_configB->setToolTip(tr("B is configuration A with the preset's or the file's values on top; A and B run one "
                             "after the other with the same test, so their figures compare."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Test:"), m_kind);
    form->addRow(m_countLabel, m_count);
    form->addRow(tr("T&opic:"), m_topic);
    form->addRow(tr("Configuration A:"), m_configA);
    form->addRow(tr("Compare &with (B):"), m_configB);
    m_countLabel->setBuddy(m_count);

    m_run = new QPushButton(tr("&Run"), this);
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m documents"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Started"), tr("Test"), tr("Configuration"), tr("N"), tr("Avg latency"),
                                        tr("Std latency"), tr("Avg quality"), tr("Docs/hour"), tr("Successes"),
                                        tr("Cost/doc"), tr("Total time"), tr("Avg time/doc")});
    m_table->horizontalHeaderItem(DocsPerHour)
        ->setToolTip(tr("3600 / the average time per document. Benchmark: the average latency; load test: the "
                        "total time divided by the documents."));
    m_table->horizontalHeaderItem(AvgQuality)->setToolTip(tr("A document that was never scored counts 0."));
    m_table->horizontalHeaderItem(StdLatency)->setToolTip(tr("Sample standard deviation of the latencies."));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ConfigName, QHeaderView::Stretch);
    m_export = new QPushButton(tr("&Export…"), this);
    m_export->setToolTip(tr("Save every run in the table as CSV or JSON"));
    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    auto *exportRow = new QHBoxLayout;
    exportRow->addStretch(1);
    exportRow->addWidget(m_export);
    tableLayout->addLayout(exportRow);

    m_chart = new BenchmarkChart(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tableBox);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &BenchmarkPanel::onKindChanged);
    connect(m_configB, &QComboBox::activated, this, &BenchmarkPanel::onComparisonChosen);
    connect(m_run, &QPushButton::clicked, this, &BenchmarkPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &BenchmarkPanel::cancel);
    connect(m_export, &QPushButton::clicked, this, &BenchmarkPanel::chooseExportFile);
    connect(m_runner, &BenchmarkRunner::finished, this, &BenchmarkPanel::onRunFinished);
    connect(m_runner, &BenchmarkRunner::failed, this, &BenchmarkPanel::onRunFailed);
    connect(m_runner, &BenchmarkRunner::documentMeasured, this,
            [this](const BenchmarkSample &, int done, int total) { onMeasured(done, total); });
    onKindChanged();
    setConfig(m_config);
    setStatus(tr("Choose a test and press Run. Documents made by a run are kept in the history."));
    refreshViews();
}

BenchmarkPanel::~BenchmarkPanel() = default;

void BenchmarkPanel::setConfig(const Config &config)
{
    m_config = config;
    const QString summary = BenchmarkRunner::summary(config);
    m_configA->setToolTip(summary);
    m_configA->setText(tr("the current settings: %1").arg(summary));
}

void BenchmarkPanel::setDatabasePath(const QString &path)
{
    m_dbPath = path;
    loadHistory();
}

void BenchmarkPanel::setKind(BenchmarkResult::Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

BenchmarkResult::Kind BenchmarkPanel::kind() const
{
    return BenchmarkResult::Kind(m_kind->currentData().toInt());
}

void BenchmarkPanel::setCount(int count)
{
    m_count->setValue(count);
}

void BenchmarkPanel::setComparison(const QString &presetOrFile)
{
    if (presetOrFile.isEmpty()) {
        m_configB->setCurrentIndex(0);
        return;
    }
    const int preset = m_configB->findData(QString(PresetPrefix + presetOrFile));
    if (preset >= 0) {
        m_configB->setCurrentIndex(preset);
        return;
    }
    m_comparisonFile = presetOrFile;
    int index = m_configB->findData(QString(FilePrefix + presetOrFile));
    if (index < 0) {
        index = m_configB->count() - 1; // before "A YAML file…"
        m_configB->insertItem(index, tr("File: %1").arg(QFileInfo(presetOrFile).fileName()),
                              QString(FilePrefix + presetOrFile));
        m_configB->setItemData(index, presetOrFile, Qt::ToolTipRole);
    }
    m_configB->setCurrentIndex(index);
}

QString BenchmarkPanel::comparison() const
{
    const QString data = m_configB->currentData().toString();
    if (data.startsWith(PresetPrefix))
        return data.mid(PresetPrefix.size());
    if (data.startsWith(FilePrefix))
        return data.mid(FilePrefix.size());
    return {};
}

void BenchmarkPanel::onComparisonChosen(int index)
{
    if (m_configB->itemData(index).toString() != ChooseFile)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Configuration B"), QString(),
                                                      tr("MADF configuration (*.yaml *.yml)"));
    if (path.isEmpty())
        m_configB->setCurrentIndex(0);
    else
        setComparison(path);
}

void BenchmarkPanel::onKindChanged()
{
    m_countLabel->setText(kind() == BenchmarkResult::Kind::LoadTest ? tr("Documents at &once:") : tr("&Iterations:"));
}

bool BenchmarkPanel::isRunning() const
{
    return m_runner->isRunning() || !m_jobs.isEmpty();
}

int BenchmarkPanel::rowCount() const
{
    return m_table->rowCount();
}

QString BenchmarkPanel::statusText() const
{
    return m_status->text();
}

void BenchmarkPanel::setStatus(const QString &text)
{
    m_status->setText(text);
}

void BenchmarkPanel::run()
{
    if (isRunning())
        return;
    QList<Job> jobs{{m_config, tr("current")}};
    const QString data = m_configB->currentData().toString();
    if (data.startsWith(PresetPrefix) || data.startsWith(FilePrefix)) {
        const bool preset = data.startsWith(PresetPrefix);
        const QString what = data.mid(preset ? PresetPrefix.size() : FilePrefix.size());
        const ConfigLoadResult b = preset ? Presets::apply(what, m_config) : ConfigLoader::fromFile(what, m_config);
        if (!b.ok()) {
            QStringList problems;
            for (const ConfigIssue &issue : b.issues)
                problems << issue.toString();
            setStatus(tr("Configuration B cannot be used: %1").arg(problems.join(QLatin1Char('\n'))));
            return;
        }
        jobs << Job{b.config, preset ? tr("preset: %1").arg(what) : QFileInfo(what).fileName()};
    }
    if (m_topic->text().trimmed().isEmpty())
        m_topic->setText(BenchmarkRunner::defaultTopic());
    m_jobs = jobs;
    m_jobsTotal = int(jobs.size());
    m_measuredBefore = 0;
    m_finishedThisRun.clear();
    m_progress->setRange(0, m_count->value() * m_jobsTotal);
    m_progress->setValue(0);
    setRunning(true);
    startNext();
}

void BenchmarkPanel::startNext()
{
    if (m_jobs.isEmpty()) {
        setRunning(false);
        Q_EMIT allFinished();
        return;
    }
    const Job job = m_jobs.first();
    BenchmarkRunner::Options o;
    o.kind = kind();
    o.count = m_count->value();
    o.request = BenchmarkRunner::seedRequest(m_topic->text().trimmed());
    o.configName = job.name;
    const int number = m_jobsTotal - int(m_jobs.size()) + 1;
    setStatus(tr("Running %1 (%2 of %3): %4 of %5…")
                  .arg(job.name)
                  .arg(number)
                  .arg(m_jobsTotal)
                  .arg(BenchmarkResult::kindLabel(o.kind).toLower())
                  .arg(o.count));
    m_runner->start(job.config, o);
}

void BenchmarkPanel::onMeasured(int done, int total)
{
    m_progress->setValue(m_measuredBefore + done);
    Q_UNUSED(total);
}

void BenchmarkPanel::onRunFinished(const BenchmarkResult &result)
{
    if (!m_jobs.isEmpty())
        m_jobs.removeFirst();
    if (result.cancelled) {
        m_jobs.clear();
        setRunning(false);
        setStatus(tr("Cancelled after %n document(s); a cancelled run is not kept.", nullptr,
                     int(result.samples.size())));
        Q_EMIT allFinished();
        return;
    }
    m_measuredBefore += result.count;
    m_results.prepend(result);
    refreshViews();
    save(result);
    Q_EMIT runFinished(result);
    m_finishedThisRun << tr("%1: %2 of %3 succeeded, %4 docs/hour, quality %5%")
                             .arg(result.configName)
                             .arg(result.successes())
                             .arg(result.count)
                             .arg(result.docsPerHour(), 0, 'f', 1)
                             .arg(result.avgQuality() * 100, 0, 'f', 1);
    if (m_jobs.isEmpty())
        setStatus(tr("Done. %1.").arg(m_finishedThisRun.join(QStringLiteral("; "))));
    // The next configuration starts from the event loop, not inside the runner's signal.
    QTimer::singleShot(0, this, &BenchmarkPanel::startNext);
}

void BenchmarkPanel::onRunFailed(const QString &error)
{
    m_jobs.clear();
    setRunning(false);
    setStatus(tr("The engine did not start: %1").arg(error));
    Q_EMIT allFinished();
}

void BenchmarkPanel::cancel()
{
    if (!isRunning())
        return;
    setStatus(tr("Cancelling…"));
    m_runner->cancel();
}

void BenchmarkPanel::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_kind->setEnabled(!running);
    m_count->setEnabled(!running);
    m_topic->setEnabled(!running);
    m_configB->setEnabled(!running);
}

void BenchmarkPanel::save(const BenchmarkResult &result)
{
    if (m_dbPath.isEmpty())
        return;
    auto *watcher = new QFutureWatcher<qint64>(this);
    const QDateTime startedAt = result.startedAt;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, startedAt] {
        const qint64 id = watcher->result();
        watcher->deleteLater();
        for (BenchmarkResult &r : m_results)
            if (r.id < 0 && r.startedAt == startedAt)
                r.id = id;
        if (id < 0)
            setStatus(tr("The run was not saved: the database could not be written."));
        Q_EMIT runSaved(id);
    });
    watcher->setFuture(QtConcurrent::run([db = m_dbPath, result] {
        DocumentStore store;
        return store.open(db) ? store.saveBenchmarkRun(result) : qint64(-1);
    }));
}

void BenchmarkPanel::loadHistory()
{
    if (m_dbPath.isEmpty())
        return;
    const int generation = ++m_historyGeneration;
    auto *watcher = new QFutureWatcher<QList<BenchmarkResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const QList<BenchmarkResult> stored = watcher->result();
        watcher->deleteLater();
        if (generation != m_historyGeneration)
            return;
        // Runs of this session not saved yet stay on top; saved ones come from the store.
        QList<BenchmarkResult> merged;
        for (const BenchmarkResult &r : std::as_const(m_results))
            if (r.id < 0)
                merged << r;
        for (const BenchmarkResult &r : stored)
            merged << r;
        m_results = merged;
        refreshViews();
        Q_EMIT historyLoaded(int(stored.size()));
    });
    watcher->setFuture(QtConcurrent::run([db = m_dbPath] {
        DocumentStore store;
        return store.open(db) ? store.benchmarkRuns(200) : QList<BenchmarkResult>();
    }));
}

void BenchmarkPanel::refreshViews()
{
    m_table->setRowCount(int(m_results.size()));
    const QLocale locale;
    for (int row = 0; row < m_results.size(); ++row) {
        const BenchmarkResult &r = m_results[row];
        m_table->setItem(row, Started, cell(locale.toString(r.startedAt.toLocalTime(), QLocale::ShortFormat), false));
        m_table->setItem(row, Test, cell(BenchmarkResult::kindLabel(r.kind), false));
        QTableWidgetItem *config = cell(r.configName, false);
        config->setToolTip(r.configSummary);
        m_table->setItem(row, ConfigName, config);
        m_table->setItem(row, Count, cell(QString::number(r.count)));
        m_table->setItem(row, AvgLatency, cell(seconds(r.avgLatency())));
        m_table->setItem(row, StdLatency, cell(seconds(r.stdLatency())));
        m_table->setItem(row, AvgQuality, cell(tr("%1%").arg(r.avgQuality() * 100, 0, 'f', 1)));
        m_table->setItem(row, DocsPerHour, cell(QString::number(r.docsPerHour(), 'f', 1)));
        m_table->setItem(row, Successes, cell(tr("%1/%2").arg(r.successes()).arg(r.count)));
        m_table->setItem(row, CostPerDocument,
                         cell(QStringLiteral("$%1%2").arg(r.costPerDocument(), 0, 'f', 4)
                                  .arg(r.costIsLowerBound() ? QStringLiteral("+") : QString())));
        m_table->setItem(row, TotalTime, cell(seconds(r.totalSeconds)));
        m_table->setItem(row, TimePerDocument, cell(seconds(r.avgTimePerDocument())));
    }
    m_export->setEnabled(!m_results.isEmpty());
    m_chart->setResults(m_results);
}

bool BenchmarkPanel::exportTo(const QString &path, QString *error) const
{
    const bool json = QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    const QByteArray data = json ? BenchmarkResult::toJsonDocument(m_results)
                                 : BenchmarkResult::toCsv(m_results).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void BenchmarkPanel::chooseExportFile()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export benchmark runs"),
                                                      QStringLiteral("benchmark-runs.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    setStatus(exportTo(path, &error) ? tr("Exported %n run(s) to %1", nullptr, int(m_results.size())).arg(path)
                                     : error);
}

} // namespace Madf::Ui
