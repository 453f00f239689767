#include "ui/mainwindow.h"

#include "core/config/configloader.h"
#include "core/log/log.h"
#include "core/log/logsetup.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MADF Studio"));
    QApplication::setOrganizationName(QStringLiteral("madf"));
    QApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));

    // A broken user config must not stop the app: report it and run on the
    // defaults (the file itself is left untouched).
    Madf::ConfigLoadResult loaded = Madf::ConfigLoader::loadEffective({}, QProcessEnvironment::systemEnvironment());
    if (!loaded.ok())
        loaded.config = Madf::Config::defaults();
    Madf::Log::setupFromConfig(loaded.config);
    for (const Madf::ConfigIssue &issue : loaded.issues)
        Madf::Log::warning(issue.toString());

    Madf::Ui::MainWindow window;
    window.show();
    const int code = app.exec();
    Madf::Log::shutdown();
    return code;
}
