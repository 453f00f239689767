#include "ui/mainwindow.h"

#include "core/config/configloader.h"
#include "core/log/log.h"
#include "core/log/logsetup.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MADF Studio"));
    QApplication::setOrganizationName(QStringLiteral("madf"));
    QApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));

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
    const int code = app.exec();
    Madf::Log::shutdown();
    return code;
}
