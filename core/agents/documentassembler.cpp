#include "core/agents/documentassembler.h"

#include "core/agents/citations.h"
#include "core/agents/outlineplan.h"
#include "core/agents/referenceloader.h"

#include <QSet>

#include <algorithm>

namespace Madf {

QList<DocumentSection> DocumentAssembler::orderedSections(const DocumentContext &ctx)
{
    QList<DocumentSection> sections = ctx.sections;
    const QString summary = ctx.executiveSummary.trimmed();
    const auto isSummary = [](const DocumentSection &s) { return OutlinePlan::isExecutiveSummary(s.title); };
    const auto found = std::find_if(sections.begin(), sections.end(), isSummary);
    if (found != sections.end()) {
        DocumentSection s = *found;
        sections.erase(found);
        if (!summary.isEmpty())
            s.content = summary;
        sections.prepend(s);
    } else if (!summary.isEmpty()) {
        DocumentSection s;
        s.title = QStringLiteral("Executive Summary");
        s.content = summary;
        sections.prepend(s);
    }
    for (int i = 0; i < sections.size(); ++i)
        sections[i].order = i;
    return sections;
}

QHash<int, int> DocumentAssembler::referenceNumbers(const DocumentContext &ctx, const QList<DocumentSection> &sections)
{
    QSet<int> cited;
    for (const DocumentSection &s : sections) {
        for (int n : Citations::cited(s.content))
            cited.insert(n);
    }
    QList<int> numbers;
    for (const SourceDoc &source : ctx.sources) {
        if (source.error.isEmpty() && !source.text.trimmed().isEmpty() && cited.contains(source.number))
            numbers << source.number;
    }
    std::sort(numbers.begin(), numbers.end());
    QHash<int, int> map;
    for (int i = 0; i < numbers.size(); ++i)
        map.insert(numbers.at(i), i + 1);
    return map;
}

void DocumentAssembler::assembleInto(const DocumentContext &ctx, Document *document)
{
    if (!document)
        return;
    const QString title = ctx.outline.title.simplified();
    document->title = title.isEmpty() ? ctx.request.topic.simplified() : title;

    QList<DocumentSection> sections = orderedSections(ctx);
    const QHash<int, int> numbers = referenceNumbers(ctx, sections);
    // Citations of sources that are not in the list (never loaded, or never
    // given) cannot be resolved by a reader: they are removed.
    QSet<int> valid;
    for (auto it = numbers.cbegin(); it != numbers.cend(); ++it)
        valid.insert(it.key());
    for (DocumentSection &s : sections)
        s.content = Citations::renumber(Citations::dropInvalid(s.content, valid), numbers);
    document->sections = sections;

    QVariantList references;
    QVariantList errors;
    for (const SourceDoc &source : ctx.sources) {
        if (!source.error.isEmpty()) {
            errors << QVariantMap {{QStringLiteral("source"), source.location}, {QStringLiteral("error"), source.error}};
            continue;
        }
        if (!numbers.contains(source.number))
            continue;
        QVariantMap entry {{QStringLiteral("number"), numbers.value(source.number)},
                           {QStringLiteral("title"), source.title}};
        entry.insert(ReferenceLoader::isUrl(source.location) ? QStringLiteral("url") : QStringLiteral("source"),
                     source.location);
        references << entry;
    }
    std::sort(references.begin(), references.end(), [](const QVariant &a, const QVariant &b) {
        return a.toMap().value(QStringLiteral("number")).toInt() < b.toMap().value(QStringLiteral("number")).toInt();
    });
    if (references.isEmpty())
        document->metadata.remove(QStringLiteral("references"));
    else
        document->metadata.insert(QStringLiteral("references"), references);
    if (errors.isEmpty())
        document->metadata.remove(QStringLiteral("source_errors"));
    else
        document->metadata.insert(QStringLiteral("source_errors"), errors);
    document->recomputeWordCount();
}

Document DocumentAssembler::assemble(const DocumentContext &ctx)
{
    Document document = Document::fromRequest(ctx.request);
    if (!ctx.documentId.isEmpty())
        document.id = ctx.documentId;
    assembleInto(ctx, &document);
    return document;
}

} // namespace Madf
