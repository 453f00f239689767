// The document view: streaming text, rendering, export that opens again.
#include "ui/document/documentexporter.h"
#include "ui/document/documentview.h"
#include "ui/document/stagestrip.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

class TestDocumentView : public QObject
{
    Q_OBJECT
private slots:
    void streamsAndRenders();
    void parallelStreamsStayWhole();
    void exportWritesFilesThatOpenAgain_data();
    void exportWritesFilesThatOpenAgain();
    void cancelButtonAsksToCancel();

private:
    static Document sample();
};

Document TestDocumentView::sample()
{
    Document d;
    d.title = QStringLiteral("Solar <power> & cities");
    d.request.topic = QStringLiteral("Solar power in cities");
    d.status = DocumentStatus::Complete;
    d.sections = {{"Introduction", "Cities use **more** power every year [1].", 0, {}},
                  {"Costs", "- Panels\n- Storage\n\nCosts fell by half.", 1, {}}};
    d.qualityScore = 0.91;
    return d;
}

void TestDocumentView::streamsAndRenders()
{
    DocumentView view;
    Document d = sample();
    d.status = DocumentStatus::Writing;
    d.sections.clear();
    view.showDocument(d, 0.85);
    view.onTextStreamed("section/0/draft", "Cities use ");
    view.onTextStreamed("section/0/draft", "more power.");
    QVERIFY(view.liveText().contains("Cities use more power."));
    QCOMPARE(view.stageStrip()->state("writing"), StageStrip::Working);
    view.onSectionUpdated(0, {"Introduction", "Cities use more power.", 0, {}});
    view.onStageCompleted("writing");
    QCOMPARE(view.stageStrip()->state("writing"), StageStrip::Done);
    view.onFinished(sample());
    QVERIFY(view.renderedText().contains("Costs fell by half."));
    QVERIFY(view.renderedText().contains("Solar <power> & cities")); // escaped, shown as text
}

void TestDocumentView::parallelStreamsStayWhole()
{
    // Two research questions answered at once, deltas interleaved and shown
    // in several batches: each answer reads whole under its own heading.
    DocumentView view;
    Document d = sample();
    d.status = DocumentStatus::Researching;
    view.showDocument(d, 0.85);
    view.onTextStreamed("research/q1", "Panels ");
    view.onTextStreamed("research/q2", "Storage ");
    QVERIFY(view.liveText().contains("Panels"));
    view.onTextStreamed("research/q1", "got cheaper.");
    view.onTextStreamed("research/q2", "is the limit.");
    view.onTextStreamed("research/q3", "Grids matter.");
    const QString text = view.liveText();
    QVERIFY2(text.contains("── research/q1 ──\nPanels got cheaper."), qPrintable(text));
    QVERIFY2(text.contains("── research/q2 ──\nStorage is the limit."), qPrintable(text));
    QVERIFY2(text.contains("── research/q3 ──\nGrids matter."), qPrintable(text));
    QVERIFY(text.indexOf("research/q1") < text.indexOf("research/q2"));
    QVERIFY(text.indexOf("research/q2") < text.indexOf("research/q3"));
    QCOMPARE(text.count(QStringLiteral("── research/q1 ──")), 1);
}

void TestDocumentView::exportWritesFilesThatOpenAgain_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("markdown") << "doc.md";
    QTest::newRow("html") << "doc.html";
    QTest::newRow("pdf") << "doc.pdf";
    QTest::newRow("odt") << "doc.odt";
}

void TestDocumentView::exportWritesFilesThatOpenAgain()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    DocumentView view;
    view.showDocument(sample(), 0.85);
    QSignalSpy exported(&view, &DocumentView::exported);
    view.exportTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
    QCOMPARE(exported.first().at(1).toString(), QString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    if (file.endsWith(".md")) {
        QVERIFY(bytes.contains("# Solar <power> & cities"));
        QVERIFY(bytes.contains("## Costs"));
    } else if (file.endsWith(".html")) {
        QTextDocument doc;
        doc.setHtml(QString::fromUtf8(bytes));
        QVERIFY(doc.toPlainText().contains("Costs fell by half."));
        QVERIFY(doc.toPlainText().contains("Solar <power> & cities"));
    } else if (file.endsWith(".pdf")) {
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QVERIFY(bytes.size() > 1000);
    } else {
        // An ODF package: a zip whose first entry is the mimetype.
        QVERIFY(bytes.startsWith("PK"));
        QVERIFY(bytes.contains("application/vnd.oasis.opendocument.text"));
        QVERIFY(bytes.contains("content.xml"));
    }
}

void TestDocumentView::cancelButtonAsksToCancel()
{
    DocumentView view;
    Document d = sample();
    d.status = DocumentStatus::Writing;
    view.showDocument(d, 0.85);
    QSignalSpy cancel(&view, &DocumentView::cancelRequested);
    QPushButton *button = nullptr;
    for (QPushButton *b : view.findChildren<QPushButton *>())
        if (b->text().remove('&') == QLatin1String("Cancel"))
            button = b;
    QVERIFY(button && button->isEnabled());
    button->click();
    QCOMPARE(cancel.count(), 1);
    QCOMPARE(cancel.first().first().toString(), d.id);
}

QTEST_MAIN(TestDocumentView)
#include "tst_documentview.moc"
