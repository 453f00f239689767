#include "configissue.h"

#include <QCoreApplication>

namespace Madf {

QString ConfigIssue::toString() const
{
    QString where = file.isEmpty() ? QStringLiteral("config") : file;
    if (line > 0)
        where += QStringLiteral(":%1:%2").arg(line).arg(column);
    const QString sev = severity == Error ? QCoreApplication::translate("Madf::Config", "error")
                                          : QCoreApplication::translate("Madf::Config", "warning");
    QString text = where + QStringLiteral(": ") + sev + QStringLiteral(": ");
    if (!keyPath.isEmpty())
        text += keyPath + QStringLiteral(": ");
    return text + message;
}

} // namespace Madf
