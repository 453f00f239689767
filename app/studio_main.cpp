#include "ui/bench/benchmarkpanel.h"
#include "ui/compose/composerpanel.h"
#include "ui/dashboard/dashboardpanel.h"
#include "ui/mainwindow.h"
#include "ui/providers/providersdialog.h"
#include "ui/settings/language.h"
#include "ui/theme/theme.h"

#include "core/config/configloader.h"
#include "core/log/log.h"
#include "core/log/logsetup.h"

#include <QApplication>
#include <QDockWidget>
#include <QCommandLineParser>
#include <QTimer>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MADF Studio"));
    QApplication::setOrganizationName(QStringLiteral("madf"));
    QApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));
    // Every window's icon, and the desktop file it belongs to (Wayland
    // finds the icon and the name in the menus through it).
    QApplication::setWindowIcon(Madf::Ui::Theme::appIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("madf-studio"));

    // The language is installed before any text is made, --help included;
    // the parser below only documents and checks --lang.
    QString lang;
    const QStringList raw = QCoreApplication::arguments();
    for (qsizetype i = 1; i < raw.size(); ++i) {
        if (raw[i] == QLatin1String("--lang") && i + 1 < raw.size())
            lang = raw[i + 1];
        else if (raw[i].startsWith(QLatin1String("--lang=")))
            lang = raw[i].mid(7);
    }
    Madf::Ui::Language::install(Madf::Ui::Language::resolve(lang));

    QCommandLineParser args;
    args.setApplicationDescription(QObject::tr("MADF Studio: documents written and verified by a team of LLM agents."));
    args.addHelpOption();
    args.addVersionOption();
    args.addOption({QStringLiteral("generate"), QObject::tr("Start generating a document on this topic."), QObject::tr("TOPIC")});
    args.addOption({QStringLiteral("demo"), QObject::tr("Start N documents on sample topics, one every 1.5 s (demos, dashboard screenshots)."), QObject::tr("N")});
    args.addOption({QStringLiteral("screenshot"), QObject::tr("Save a picture of the window to FILE after --delay ms, then quit (for documentation)."), QObject::tr("FILE")});
    args.addOption({QStringLiteral("delay"), QObject::tr("Milliseconds before --screenshot."), QObject::tr("MS"), QStringLiteral("3000")});
    args.addOption({QStringLiteral("show"), QObject::tr("Open a dialog or panel at start: providers, timeline, bench, history, endpoints."), QObject::tr("DIALOG")});
    args.addOption({QStringLiteral("compare"),
                    QObject::tr("With --show bench: run the benchmark comparing the settings with PRESET (or a YAML file)."),
                    QObject::tr("PRESET")});
    args.addOption({QStringLiteral("test-connection"),
                    QObject::tr("With --show providers: test the selected provider's connection after MS ms."),
                    QObject::tr("MS")});
    args.addOption({QStringLiteral("lang"),
                    QObject::tr("Show MADF Studio in LANGUAGE (%1) this time; Settings > Language remembers a choice.")
                        .arg(Madf::Ui::Language::available().join(QStringLiteral(", "))),
                    QObject::tr("LANGUAGE")});
    args.addOption({QStringLiteral("dark"), QObject::tr("Use a dark colour scheme (for screenshots).")});
    args.process(app);
    if (!lang.isEmpty() && Madf::Ui::Language::current() != lang.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower())
        qWarning("%s", qPrintable(QObject::tr("madf-studio: no translation for \"%1\"; available: %2")
                                      .arg(lang, Madf::Ui::Language::available().join(QStringLiteral(", ")))));
    if (args.isSet(QStringLiteral("dark"))) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(Madf::Ui::Theme::darkPalette());
    }

    // A broken user config must not stop the app: report it and run on the
    // defaults (the file itself is left untouched).
    Madf::ConfigLoadResult loaded = Madf::ConfigLoader::loadEffective({}, QProcessEnvironment::systemEnvironment());
    QString savePath = loaded.path;
    if (!loaded.ok()) {
        loaded.config = Madf::Config::defaults();
        // Never overwrite the user's file with defaults: their settings stay
        // in it to be fixed; GUI changes go beside it.
        savePath = (loaded.path.isEmpty() ? Madf::ConfigLoader::userConfigPath() : loaded.path)
                   + QStringLiteral(".studio.yaml");
    }
    Madf::Log::setupFromConfig(loaded.config);
    for (const Madf::ConfigIssue &issue : loaded.issues)
        Madf::Log::warning(issue.toString());

    Madf::Ui::MainWindow window;
    window.setConfig(loaded.config, savePath);
    window.show();
    if (!loaded.ok()) {
        QStringList problems;
        for (const Madf::ConfigIssue &issue : loaded.issues)
            problems << issue.toString();
        QMessageBox::warning(&window, QObject::tr("Configuration not loaded"),
                             QObject::tr("The configuration has errors, so MADF Studio runs on its defaults. "
                                         "Your file is unchanged; settings you change now are saved to %1.\n\n%2")
                                 .arg(savePath, problems.join(QLatin1Char('\n'))));
    }
    if (args.isSet(QStringLiteral("generate"))) {
        Madf::DocumentRequest request;
        request.topic = args.value(QStringLiteral("generate"));
        window.composer()->setRequest(request);
        window.generate(request);
    }
    if (const int demo = args.value(QStringLiteral("demo")).toInt(); demo > 0) {
        const QStringList topics = {QObject::tr("Solar power for small farms"), QObject::tr("Rust for C++ programmers"),
                                    QObject::tr("The history of the printing press"), QObject::tr("Sleep and memory"),
                                    QObject::tr("Urban heat islands"), QObject::tr("How vaccines are tested")};
        // One every second and a half, so that they finish one after another.
        for (int i = 0; i < demo; ++i) {
            Madf::DocumentRequest request;
            request.topic = topics[i % topics.size()];
            if (i >= topics.size())
                request.topic += QStringLiteral(" (%1)").arg(i / topics.size() + 1);
            QTimer::singleShot(i * 1500, &window, [&window, request] { window.generate(request); });
        }
    }
    if (args.value(QStringLiteral("show")) == QLatin1String("providers")) {
        window.openProvidersDialog();
        auto *dialog = window.findChild<Madf::Ui::ProvidersDialog *>();
        if (dialog && args.isSet(QStringLiteral("test-connection")))
            QTimer::singleShot(args.value(QStringLiteral("test-connection")).toInt(), dialog,
                               [dialog] { dialog->testConnection(); });
    }
    QWidget *shown = nullptr; // what --screenshot pictures when it is not a modal dialog
    if (args.value(QStringLiteral("show")) == QLatin1String("timeline")) {
        // Floating and large, so every row can be read.
        window.showTimeline();
        window.timelineDock()->setFloating(true);
        window.timelineDock()->resize(1300, 820);
        shown = window.timelineDock();
    } else if (args.value(QStringLiteral("show")) == QLatin1String("history")) {
        window.historyDock()->raise();
    } else if (args.value(QStringLiteral("show")) == QLatin1String("endpoints")) {
        window.dashboard()->setCurrentPage(Madf::Ui::DashboardPanel::EndpointsTab);
    } else if (args.value(QStringLiteral("show")) == QLatin1String("bench")) {
        window.openBenchmark();
        shown = window.benchmarkPanel()->window();
        if (args.isSet(QStringLiteral("compare"))) {
            window.benchmarkPanel()->setComparison(args.value(QStringLiteral("compare")));
            window.benchmarkPanel()->run();
        }
    }
    if (args.isSet(QStringLiteral("screenshot"))) {
        const QString file = args.value(QStringLiteral("screenshot"));
        QTimer::singleShot(args.value(QStringLiteral("delay")).toInt(), &window, [&window, file, shown] {
            // A dialog open in front (--show) is what the picture is of.
            QWidget *front = QApplication::activeModalWidget();
            if (!front)
                front = shown;
            (front ? front : static_cast<QWidget *>(&window))->grab().save(file);
            window.close();
        });
    }
    const int code = app.exec();
    Madf::Log::shutdown();
    return code;
}
