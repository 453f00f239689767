#include "metricstimeline.h"

#include "core/storage/documentstore.h"

#include <QFileInfo>

namespace Madf {

MetricsHistory MetricsHistory::load(const QString &dbPath, qint64 beforeMs)
{
    MetricsHistory history;
    if (dbPath.isEmpty() || !QFileInfo::exists(dbPath))
        return history; // nothing generated yet: not an error
    DocumentStore store;
    if (!store.open(dbPath, &history.error))
        return history;
    const QList<DocumentSummary> summaries = store.list({}, &history.error);
    for (const DocumentSummary &summary : summaries) {
        if (summary.createdAt.toMSecsSinceEpoch() >= beforeMs)
            continue;
        if (std::optional<DocumentMetric> d = DocumentMetric::fromSummary(summary); d && d->finishedAtMs < beforeMs)
            history.documents.append(*d);
        // An unfinished (interrupted) document's calls still count.
        for (const CallRecord &record : store.calls(summary.id)) {
            CallMetric c = CallMetric::fromRecord(record);
            if (c.endedAtMs < beforeMs)
                history.calls.append(c);
        }
    }
    return history;
}

} // namespace Madf
