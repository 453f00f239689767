#pragma once

#include <QObject>
#include <QString>

namespace Madf {

// The enum lives in its own namespace so that argument-dependent lookup from
// QTest's QCOMPARE does not find Madf::toString() (which returns QString,
// not the char * QTest wants) and fail to compile; Q_ENUM_NS lets QCOMPARE
// print "Complete" instead. Everyone uses it as Madf::DocumentStatus.
namespace DocumentStatusNs {
Q_NAMESPACE

/** Where a document is in its life, from the request to a final state.
 *  The framework's states plus OUTLINING (architecture doc), REVISING and
 *  CANCELLED. Complete, Failed and Cancelled are final. */
enum class DocumentStatus {
    Pending,
    Researching,
    Outlining,
    Writing,
    Editing,
    Verifying,
    Revising,
    Complete,
    Failed,
    Cancelled,
};
Q_ENUM_NS(DocumentStatus)

} // namespace DocumentStatusNs

using DocumentStatusNs::DocumentStatus;

/** The framework's name in lower case ("pending", "complete", ...): the form
 *  stored in JSON and the database. Not translated. */
QString toString(DocumentStatus status);

/** Parses a name given by toString(), case-insensitively (so the framework's
 *  "COMPLETE" is accepted too). Unknown names give Pending and *ok = false. */
DocumentStatus documentStatusFromString(const QString &name, bool *ok = nullptr);

/** A translated label for people ("Researching", "Complete", ...). */
QString documentStatusLabel(DocumentStatus status);

/** True for the states a document never leaves: Complete, Failed, Cancelled. */
bool isTerminal(DocumentStatus status);

} // namespace Madf
