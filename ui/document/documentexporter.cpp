#include "documentexporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QtConcurrent>

namespace Madf::Ui::DocumentExporter {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Ui::DocumentExporter", text); }

QString writeText(const QString &path, const QString &text)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit())
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    return {};
}
} // namespace

std::optional<Format> formatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return Format::Markdown;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return Format::Html;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("odt"))
        return Format::Odt;
    return std::nullopt;
}

QString fileFilter()
{
    return tr("Markdown (*.md);;HTML (*.html);;PDF (*.pdf);;OpenDocument text (*.odt)");
}

QString exportNow(const Document &document, const QString &path, Format format)
{
    switch (format) {
    case Format::Markdown:
        return writeText(path, document.toMarkdown());
    case Format::Html:
        return writeText(path, document.toHtml());
    case Format::Pdf: {
        QTextDocument text;
        text.setHtml(document.toHtml());
        QPdfWriter pdf(path);
        pdf.setTitle(document.title);
        pdf.setCreator(QStringLiteral("MADF Studio"));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        text.print(&pdf);
        // QPdfWriter reports no errors; check the result exists.
        return QFileInfo(path).size() > 0 ? QString() : tr("Cannot write %1").arg(path);
    }
    case Format::Odt: {
        QTextDocument text;
        text.setHtml(document.toHtml());
        QTextDocumentWriter writer(path, "odf");
        if (!writer.write(&text))
            return tr("Cannot write %1: %2").arg(path, writer.device() ? writer.device()->errorString() : QString());
        return {};
    }
    }
    return {};
}

void exportAsync(const Document &document, const QString &path, Format format, QObject *context,
                 std::function<void(const QString &error)> done)
{
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([document, path, format] { return exportNow(document, path, format); }));
}

} // namespace Madf::Ui::DocumentExporter
