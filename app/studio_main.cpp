#include "ui/compose/composerpanel.h"
#include "ui/mainwindow.h"

#include "core/config/configloader.h"
#include "core/log/log.h"
#include "core/log/logsetup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MADF Studio"));
    QApplication::setOrganizationName(QStringLiteral("madf"));
    QApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));

    QCommandLineParser args;
    args.setApplicationDescription(QObject::tr("MADF Studio: documents written and verified by a team of LLM agents."));
    args.addHelpOption();
    args.addVersionOption();
    args.addOption({QStringLiteral("generate"), QObject::tr("Start generating a document on this topic."), QObject::tr("TOPIC")});
    args.addOption({QStringLiteral("screenshot"), QObject::tr("Save a picture of the window to FILE after --delay ms, then quit (for documentation)."), QObject::tr("FILE")});
    args.addOption({QStringLiteral("delay"), QObject::tr("Milliseconds before --screenshot."), QObject::tr("MS"), QStringLiteral("3000")});
    args.process(app);

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
    if (args.isSet(QStringLiteral("screenshot"))) {
        const QString file = args.value(QStringLiteral("screenshot"));
        QTimer::singleShot(args.value(QStringLiteral("delay")).toInt(), &window, [&window, file] {
            window.grab().save(file);
            window.close();
        });
    }
    const int code = app.exec();
    Madf::Log::shutdown();
    return code;
}
