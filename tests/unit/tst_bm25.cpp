#include "core/agents/bm25index.h"
#include "core/agents/chunker.h"
#include "core/agents/termtable.h"

#include <QHash>
#include <QRandomGenerator>

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Madf;

namespace {

SourceChunk chunk(int source, const QString &text)
{
    SourceChunk c;
    c.sourceNumber = source;
    c.text = text;
    return c;
}

// A text of `paragraphs` paragraphs of `sentences` distinct numbered sentences.
QString numberedText(int paragraphs, int sentences)
{
    QStringList out;
    int n = 0;
    for (int p = 0; p < paragraphs; ++p) {
        QStringList ps;
        for (int s = 0; s < sentences; ++s, ++n)
            ps << QStringLiteral("Sentence number s%1 talks about the river delta and its wide muddy banks.").arg(n);
        out << ps.join(' ');
    }
    return out.join("\n\n");
}

} // namespace

class TestBm25 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenizer_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("terms");
        QTest::newRow("lower case, stopwords out") << "The Solar PANELS of the house" << QStringList {"solar", "panel", "house"};
        QTest::newRow("punctuation splits") << "cost-benefit, analysis." << QStringList {"cost", "benefit", "analysis"};
        QTest::newRow("plurals fold") << "studies costs glass" << QStringList {"study", "cost", "glass"};
        QTest::newRow("possessive") << "model's output" << QStringList {"model", "output"};
        QTest::newRow("numbers kept") << "in 2023 about 5 GW" << QStringList {"2023", "5", "gw"};
        QTest::newRow("non-ASCII words") << QStringLiteral("ÜBER Straße's Øresund’s naïve") << QStringList {
            QStringLiteral("über"), QStringLiteral("straße"), QStringLiteral("øresund"), QStringLiteral("naïve")};
        QTest::newRow("apostrophes only inside") << "'quoted' students' rock'n'roll" << QStringList {"quoted'", "students'", "rock'n'roll"};
    }
    void tokenizer()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, terms);
        QCOMPARE(Bm25Index::tokenize(text), terms);
    }

    void termTableNumbersWordsAsAHashWould()
    {
        // 20,000 words from a small alphabet (many repeats, prefixes of one
        // another, accents, a surrogate pair, the empty word), checked
        // against QHash as they go: the table grows many times over.
        QRandomGenerator random(7);
        const QList<QChar> alphabet {u'a', u'b', u'e', u'\u00e9', u'\u00df', u'1', QChar(0xD83D), QChar(0xDE00)};
        TermTable table;
        QHash<QString, int> reference;
        for (int i = 0; i < 20000; ++i) {
            QString word;
            const int length = int(random.bounded(7));
            for (int k = 0; k < length; ++k)
                word += alphabet.at(random.bounded(int(alphabet.size())));
            const std::uint64_t hash = TermTable::hashOf(word);
            const int expected = reference.value(word, -1);
            QCOMPARE(table.find(word, hash), expected);
            if (random.bounded(2)) {
                const int id = table.insert(word, hash);
                if (expected < 0)
                    reference.insert(word, id);
                QCOMPARE(id, reference.value(word));
                QCOMPARE(table.word(id).toString(), word);
            }
        }
        QCOMPARE(table.size(), reference.size());
        QVERIFY(table.size() > 1000);
        for (auto it = reference.cbegin(); it != reference.cend(); ++it)
            QCOMPARE(table.find(it.key(), TermTable::hashOf(it.key())), it.value());
        // Found only by its own hash and its own text.
        const int ab = table.insert(u"ab", TermTable::hashOf(u"ab"));
        QCOMPARE(table.find(u"ab", TermTable::hashOf(u"ab")), ab);
        QCOMPARE(table.find(u"ab", TermTable::hashOf(u"ab") + 1), -1);
        QCOMPARE(table.find(u"ba", TermTable::hashOf(u"ab")), -1);
        QCOMPARE(TermTable().find(u"ab", TermTable::hashOf(u"ab")), -1);
    }

    void exactTermRanksFirst()
    {
        const Bm25Index index({
            chunk(1, "Wind turbines convert the kinetic energy of moving air into electricity."),
            chunk(2, "Solar panels convert sunlight into electricity; panel efficiency has risen past 22 percent."),
            chunk(3, "Hydroelectric dams store energy as water held behind the dam."),
            chunk(4, "Grid operators balance supply and demand every second."),
        });
        const QList<SourceChunk> hits = index.search("How efficient are solar panels?", 3);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().sourceNumber, 2);
        QVERIFY(hits.first().score > 0);
        // Chunks without any query term are not "results".
        for (const SourceChunk &hit : hits)
            QVERIFY(hit.text.contains("olar"));
    }

    void rareTermsWeighMore()
    {
        // "energy" is everywhere, "battery" in one chunk: the idf makes the
        // battery chunk win although another repeats "energy" three times.
        const Bm25Index index({
            chunk(1, "Energy policy shapes energy markets and energy prices."),
            chunk(2, "A battery stores energy for later use."),
            chunk(3, "Energy efficiency lowers bills."),
            chunk(4, "Energy demand peaks in the evening."),
        });
        const QList<SourceChunk> hits = index.search("energy battery", 4);
        QCOMPARE(hits.size(), 4);
        QCOMPARE(hits.first().sourceNumber, 2);
        for (int i = 1; i < hits.size(); ++i)
            QVERIFY(hits.at(i - 1).score >= hits.at(i).score);
    }

    void lengthIsNormalised()
    {
        // Same single mention: the short chunk is the more focused one.
        const Bm25Index index({
            chunk(1, "Tides rise. " + QString("Other words fill this long passage about coastlines. ").repeated(20)),
            chunk(2, "Tides rise twice a day."),
        });
        QCOMPARE(index.search("tides", 2).first().sourceNumber, 2);
    }

    void limitsAndEmpty()
    {
        const Bm25Index index({chunk(1, "alpha beta"), chunk(2, "alpha gamma"), chunk(3, "alpha delta")});
        QCOMPARE(index.search("alpha", 2).size(), 2);
        QVERIFY(index.search("omega", 5).isEmpty());
        QVERIFY(index.search("the of and", 5).isEmpty());
        QVERIFY(index.search("alpha", 0).isEmpty());
        QVERIFY(Bm25Index().search("alpha", 3).isEmpty());
    }

    void chunkSizesAndOverlap()
    {
        SourceDoc doc;
        doc.number = 3;
        doc.text = numberedText(12, 8); // 96 sentences of 13 words ≈ 1250 words
        const QList<SourceChunk> chunks = Chunker().chunk(doc);
        QVERIFY(chunks.size() >= 5);
        static const QRegularExpression idRe("s(\\d+)\\b");
        QSet<int> seen;
        for (int i = 0; i < chunks.size(); ++i) {
            const SourceChunk &c = chunks.at(i);
            QCOMPARE(c.sourceNumber, 3);
            QCOMPARE(c.index, i);
            const int words = int(c.text.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts).size());
            QVERIFY2(words <= 250 + 30, qPrintable(QString::number(words)));
            if (i + 1 < chunks.size())
                QVERIFY2(words >= 150, qPrintable(QString::number(words)));
            // Cut at sentence ends: every chunk ends with a full stop.
            QVERIFY(c.text.trimmed().endsWith('.'));
            for (auto it = idRe.globalMatch(c.text); it.hasNext();)
                seen.insert(it.next().captured(1).toInt());
            if (i > 0) {
                // The previous chunk's last sentence is repeated near the start of this one.
                const QString prevLast = chunks.at(i - 1).text.section(". ", -1);
                const qsizetype at = c.text.indexOf(prevLast);
                QVERIFY2(at >= 0 && at < 200, qPrintable(prevLast));
            }
        }
        QCOMPARE(seen.size(), 96); // nothing lost
    }

    void chunkerSkipsFailedSources()
    {
        SourceDoc failed;
        failed.number = 1;
        failed.text = "Some text.";
        failed.error = "file not found";
        SourceDoc empty;
        empty.number = 2;
        QVERIFY(Chunker().chunkAll({failed, empty}).isEmpty());

        SourceDoc shortDoc;
        shortDoc.number = 4;
        shortDoc.text = "Just one short paragraph.";
        const QList<SourceChunk> chunks = Chunker().chunk(shortDoc);
        QCOMPARE(chunks.size(), 1);
        QCOMPARE(chunks.first().text, QStringLiteral("Just one short paragraph."));
    }

    void longSentenceIsSplit()
    {
        SourceDoc doc;
        doc.number = 1;
        doc.text = QString("word ").repeated(700).trimmed();
        const QList<SourceChunk> chunks = Chunker().chunk(doc);
        QVERIFY(chunks.size() >= 3);
        for (const SourceChunk &c : chunks)
            QVERIFY(c.text.split(' ').size() <= 280);
    }
};

QTEST_GUILESS_MAIN(TestBm25)
#include "tst_bm25.moc"
