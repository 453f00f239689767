#pragma once

#include "core/agents/documentcontext.h"
#include "core/model/document.h"

#include <QHash>
#include <QVariantList>

namespace Madf {

/** The finalise step: turns a document in progress into the Document users
 *  get. Sections come in outline order, the executive summary first (the
 *  report workflow); the References list holds only the sources the text
 *  actually cites, numbered 1..n in source order, and the citations in the
 *  text are renumbered to match it. Pure; any thread. */
class DocumentAssembler
{
public:
    /** A new Document for `ctx` (id = ctx.documentId when set). */
    static Document assemble(const DocumentContext &ctx);
    /** Fills `document`'s title, sections, word count and the metadata
     *  "references" (list of {number, title, url | source}) and
     *  "source_errors" (list of {source, error}, when any); keeps its id,
     *  status, dates and other metadata. */
    static void assembleInto(const DocumentContext &ctx, Document *document);

    /** The sections in display order, with the executive summary (from
     *  ctx.executiveSummary, else the outline's section) first and orders
     *  set 0..n-1. Citations are not renumbered here. */
    static QList<DocumentSection> orderedSections(const DocumentContext &ctx);

    /** Source number -> reference number for the sources cited in
     *  `sections` that are citable (loaded without error). */
    static QHash<int, int> referenceNumbers(const DocumentContext &ctx, const QList<DocumentSection> &sections);
};

} // namespace Madf
