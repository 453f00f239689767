#include "cli/cli.h"

#include <QCoreApplication>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("madf"));
    QCoreApplication::setOrganizationName(QStringLiteral("madf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));
    // The CLI speaks English (scripts read it), with English plurals:
    // "1 document", not "1 document(s)".
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/madf_en.qm")))
        QCoreApplication::installTranslator(&plurals);
    return Madf::Cli::run(QCoreApplication::arguments());
}
