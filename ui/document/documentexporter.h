#pragma once

#include "core/model/document.h"

#include <QObject>

#include <functional>

namespace Madf::Ui {

/** Writes a document as Markdown, HTML, PDF (QPdfWriter) or ODT
 *  (QTextDocumentWriter), off the GUI thread. */
namespace DocumentExporter {

enum class Format { Markdown, Html, Pdf, Odt };

/** From a file name's suffix: .md, .html/.htm, .pdf, .odt. */
std::optional<Format> formatFor(const QString &path);
QString fileFilter();

/** Blocking; for worker threads and tests. Returns an error text, or empty. */
QString exportNow(const Document &document, const QString &path, Format format);

/** Runs exportNow on the thread pool and calls `done(error)` on `context`'s thread. */
void exportAsync(const Document &document, const QString &path, Format format, QObject *context,
                 std::function<void(const QString &error)> done);

} // namespace DocumentExporter
} // namespace Madf::Ui
