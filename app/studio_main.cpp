#include "ui/mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MADF Studio"));
    QApplication::setOrganizationName(QStringLiteral("madf"));
    QApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));

    Madf::Ui::MainWindow window;
    window.show();
    return app.exec();
}
