#include "cli/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("madf"));
    QCoreApplication::setOrganizationName(QStringLiteral("madf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));
    return Madf::Cli::run(QCoreApplication::arguments());
}
