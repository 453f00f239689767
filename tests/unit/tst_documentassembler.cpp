#include "core/agents/citations.h"
#include "core/agents/documentassembler.h"

#include <QTest>

using namespace Madf;

namespace {

DocumentContext fixture()
{
    DocumentContext ctx;
    ctx.documentId = QStringLiteral("doc42");
    ctx.request.topic = QStringLiteral("Urban heat islands in coastal cities");
    ctx.request.documentType = QStringLiteral("report");
    ctx.sources = {
        {1, QStringLiteral("Green roofs study"), QStringLiteral("/data/roofs.md"), QStringLiteral("Roofs."), {}},
        {2, QStringLiteral("Policy review"), QStringLiteral("https://example.org/policy"), QStringLiteral("Policies."), {}},
        {3, QStringLiteral("/data/missing.txt"), QStringLiteral("/data/missing.txt"), {}, QStringLiteral("file not found")},
    };
    ctx.outline.title = QStringLiteral("Cooling Coastal Cities");
    for (const char *title : {"Executive Summary", "Introduction", "Green Roofs", "Conclusion"}) {
        ctx.outline.sections.append({QString::fromLatin1(title), {}, {}, 100});
        DocumentSection s;
        s.title = QString::fromLatin1(title);
        ctx.sections << s;
    }
    return ctx;
}

} // namespace

class TestDocumentAssembler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void citations()
    {
        QCOMPARE(Citations::cited(QStringLiteral("a [2] b [1, 3] c [4-5] d [6](http://x) e [^7] f [2]")),
                 QList<int>({2, 1, 3, 4, 5}));
        QCOMPARE(Citations::dropInvalid(QStringLiteral("a [1, 9] b [9]."), {1}), QStringLiteral("a [1] b."));
        QCOMPARE(Citations::renumber(QStringLiteral("x [3] y [1, 3]"), {{3, 2}}), QStringLiteral("x [2] y [1, 2]"));
    }

    void longTextsAreReadAgainOnceChanged()
    {
        // Whether a long text may cite is remembered for that text only: a
        // changed copy, or another text of the same length, is read anew.
        QString text = QStringLiteral("A sentence without any citation in it. ").repeated(20);
        QVERIFY(Citations::cited(text).isEmpty());
        const QString kept = text;
        text.replace(0, 3, QStringLiteral("[1]"));
        QCOMPARE(text.size(), kept.size());
        QCOMPARE(Citations::cited(text), QList<int>({1}));
        QVERIFY(Citations::cited(kept).isEmpty());
        QCOMPARE(Citations::dropInvalid(text, {}), text.mid(3));
        QCOMPARE(Citations::renumber(text, {{1, 2}}), QStringLiteral("[2]") + text.mid(3));
        QString cited = QStringLiteral("A claim [2] to check. ").repeated(20);
        QCOMPARE(Citations::cited(cited), QList<int>({2}));
        QCOMPARE(Citations::cited(cited), QList<int>({2}));
    }

    void assembler()
    {
        DocumentContext ctx = fixture();
        // The summary written last is shown first; only cited sources are listed.
        std::swap(ctx.sections[0], ctx.sections[3]);
        ctx.executiveSummary = QStringLiteral("Cities are hot [2].");
        ctx.sections[1].content = QStringLiteral("Only the review [2] is cited, and a lost file [3].");
        ctx.sections[2].content = QStringLiteral("Nothing cited.");
        ctx.sections[0].content = QStringLiteral("Also the review [2].");
        ctx.sections[3].content = QStringLiteral("Old summary.");
        const Document doc = DocumentAssembler::assemble(ctx);
        QCOMPARE(doc.id, QStringLiteral("doc42"));
        QCOMPARE(doc.title, QStringLiteral("Cooling Coastal Cities"));
        QCOMPARE(doc.sections.first().title, QStringLiteral("Executive Summary"));
        QCOMPARE(doc.sections.first().content, QStringLiteral("Cities are hot [1]."));
        for (int i = 0; i < doc.sections.size(); ++i)
            QCOMPARE(doc.sections.at(i).order, i);
        QCOMPARE(doc.sections.at(2).content, QStringLiteral("Only the review [1] is cited, and a lost file."));
        const QStringList refs = doc.referenceList();
        QCOMPARE(refs, QStringList({"Policy review, https://example.org/policy"}));
        QCOMPARE(doc.metadata.value("source_errors").toList().size(), 1);
        QCOMPARE(doc.wordCount, Document::countWords(doc.sections.at(0).content) + Document::countWords(doc.sections.at(1).content)
                                    + Document::countWords(doc.sections.at(2).content) + Document::countWords(doc.sections.at(3).content));
        QVERIFY(doc.toMarkdown().contains(QStringLiteral("## References\n\n1. Policy review")));
    }

    void everySourceCitedKeepsItsNumbers()
    {
        DocumentContext ctx = fixture();
        ctx.sections[1].content = QStringLiteral("Roofs [1] and policies [2].");
        const Document doc = DocumentAssembler::assemble(ctx);
        QCOMPARE(doc.sections.at(1).content, QStringLiteral("Roofs [1] and policies [2]."));
        QCOMPARE(doc.referenceList(), QStringList({"Green roofs study, /data/roofs.md", "Policy review, https://example.org/policy"}));
        QVERIFY(!doc.metadata.value("references").toList().isEmpty());
    }

    void nothingCitedNoReferences()
    {
        DocumentContext ctx = fixture();
        ctx.sections[1].content = QStringLiteral("No citations here.");
        const Document doc = DocumentAssembler::assemble(ctx);
        QVERIFY(doc.referenceList().isEmpty());
        QVERIFY(!doc.toMarkdown().contains(QStringLiteral("References")));
        // Without a written summary the outline's own section stays first.
        QCOMPARE(doc.sections.first().title, QStringLiteral("Executive Summary"));
        QCOMPARE(doc.sections.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestDocumentAssembler)
#include "tst_documentassembler.moc"
