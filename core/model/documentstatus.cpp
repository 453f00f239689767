#include "core/model/documentstatus.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace Madf {

namespace {

constexpr std::array<std::pair<DocumentStatus, const char *>, 10> kNames {{
    {DocumentStatus::Pending, "pending"},
    {DocumentStatus::Researching, "researching"},
    {DocumentStatus::Outlining, "outlining"},
    {DocumentStatus::Writing, "writing"},
    {DocumentStatus::Editing, "editing"},
    {DocumentStatus::Verifying, "verifying"},
    {DocumentStatus::Revising, "revising"},
    {DocumentStatus::Complete, "complete"},
    {DocumentStatus::Failed, "failed"},
    {DocumentStatus::Cancelled, "cancelled"},
}};

} // namespace

QString toString(DocumentStatus status)
{
    for (const auto &[value, name] : kNames) {
        if (value == status)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("pending");
}

DocumentStatus documentStatusFromString(const QString &name, bool *ok)
{
    const QString key = name.trimmed().toLower();
    for (const auto &[value, text] : kNames) {
        if (key == QLatin1String(text)) {
            if (ok)
                *ok = true;
            return value;
        }
    }
    // American spelling, as some clients write it.
    if (key == QLatin1String("canceled")) {
        if (ok)
            *ok = true;
        return DocumentStatus::Cancelled;
    }
    if (ok)
        *ok = false;
    return DocumentStatus::Pending;
}

QString documentStatusLabel(DocumentStatus status)
{
    switch (status) {
    case DocumentStatus::Pending: return QCoreApplication::translate("Madf::DocumentStatus", "Pending");
    case DocumentStatus::Researching: return QCoreApplication::translate("Madf::DocumentStatus", "Researching");
    case DocumentStatus::Outlining: return QCoreApplication::translate("Madf::DocumentStatus", "Outlining");
    case DocumentStatus::Writing: return QCoreApplication::translate("Madf::DocumentStatus", "Writing");
    case DocumentStatus::Editing: return QCoreApplication::translate("Madf::DocumentStatus", "Editing");
    case DocumentStatus::Verifying: return QCoreApplication::translate("Madf::DocumentStatus", "Verifying");
    case DocumentStatus::Revising: return QCoreApplication::translate("Madf::DocumentStatus", "Revising");
    case DocumentStatus::Complete: return QCoreApplication::translate("Madf::DocumentStatus", "Complete");
    case DocumentStatus::Failed: return QCoreApplication::translate("Madf::DocumentStatus", "Failed");
    case DocumentStatus::Cancelled: return QCoreApplication::translate("Madf::DocumentStatus", "Cancelled");
    }
    return toString(status);
}

bool isTerminal(DocumentStatus status)
{
    return status == DocumentStatus::Complete || status == DocumentStatus::Failed
        || status == DocumentStatus::Cancelled;
}

} // namespace Madf
