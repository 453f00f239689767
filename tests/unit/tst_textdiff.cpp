// Word diff between revision rounds.
#include "core/model/textdiff.h"

#include <QtTest>

using namespace Madf;

class TestTextDiff : public QObject
{
    Q_OBJECT
private slots:
    void spans_data();
    void spans();
    void reconstructsBothSides();
    void htmlEscapes();
    void largeTextsFallBackToParagraphs();
};

static QString side(const QList<DiffSpan> &spans, DiffSpan::Kind skip)
{
    QString s;
    for (const DiffSpan &d : spans)
        if (d.kind != skip)
            s += d.text;
    return s;
}

void TestTextDiff::spans_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("removed");
    QTest::addColumn<QString>("added");
    QTest::newRow("same") << "one two three" << "one two three" << "" << "";
    QTest::newRow("replace middle") << "the quick brown fox" << "the slow brown fox" << "quick" << "slow";
    QTest::newRow("append") << "alpha beta" << "alpha beta gamma" << "" << " gamma";
    QTest::newRow("delete head") << "x y z" << "y z" << "x " << "";
    QTest::newRow("empty before") << "" << "new text" << "" << "new text";
}

void TestTextDiff::spans()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, removed);
    QFETCH(QString, added);
    const QList<DiffSpan> d = diffWords(a, b);
    QString r, ad;
    for (const DiffSpan &s : d) {
        if (s.kind == DiffSpan::Removed)
            r += s.text;
        if (s.kind == DiffSpan::Added)
            ad += s.text;
    }
    QCOMPARE(r, removed);
    QCOMPARE(ad, added);
}

void TestTextDiff::reconstructsBothSides()
{
    const QString a = "Paragraph one has words.\n\nParagraph two is here [1].\n";
    const QString b = "Paragraph one has more words.\n\nA new paragraph.\n\nParagraph two is here [1].\n";
    const QList<DiffSpan> d = diffWords(a, b);
    QCOMPARE(side(d, DiffSpan::Added), a);
    QCOMPARE(side(d, DiffSpan::Removed), b);
}

void TestTextDiff::htmlEscapes()
{
    const QString html = diffToHtml(diffWords("a <b>", "a <script>"));
    QVERIFY(!html.contains("<script>"));
    QVERIFY(html.contains("&lt;script&gt;"));
    QVERIFY(html.contains("<del"));
    QVERIFY(html.contains("<ins"));
}

void TestTextDiff::largeTextsFallBackToParagraphs()
{
    QString a, b;
    for (int i = 0; i < 3000; ++i) {
        a += QStringLiteral("word%1 ").arg(i);
        if (i % 100 == 0)
            a += '\n';
    }
    b = a;
    b.replace("word1500 ", "changed ");
    const QList<DiffSpan> d = diffWords(a, b, 1000);
    QCOMPARE(side(d, DiffSpan::Added), a);
    QCOMPARE(side(d, DiffSpan::Removed), b);
}

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
