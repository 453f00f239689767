#include "core/quality/markdownblocks.h"
#include "core/quality/readability.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Madf;
using namespace Qt::StringLiterals;

class TestReadability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syllables_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("expected");
        const QList<QPair<const char *, int>> table {
            // plain vowel groups
            {"cat", 1}, {"the", 1}, {"a", 1}, {"I", 1}, {"beautiful", 3}, {"readability", 5},
            {"education", 4}, {"university", 5}, {"different", 3},
            // silent final e; consonant + le is heard
            {"make", 1}, {"whale", 1}, {"cheese", 1}, {"table", 2}, {"simple", 2}, {"little", 2},
            {"people", 2}, {"syllable", 3}, {"value", 2}, {"agree", 2}, {"free", 1},
            // -ed and -es endings
            {"jumped", 1}, {"played", 1}, {"used", 1}, {"called", 1}, {"wanted", 2}, {"added", 2},
            {"studied", 2}, {"hundred", 2}, {"makes", 1}, {"types", 1}, {"boxes", 2}, {"wishes", 2},
            {"places", 2}, {"tables", 2},
            // silent e before a suffix
            {"lovely", 2}, {"completely", 3}, {"movement", 2}, {"hopeful", 2}, {"useful", 2}, {"element", 3},
            // y as consonant or vowel
            {"yes", 1}, {"you", 1}, {"eye", 1}, {"beyond", 2}, {"player", 2}, {"studying", 3},
            // vowel pairs said as two syllables
            {"idea", 3}, {"area", 3}, {"media", 3}, {"material", 4}, {"radio", 3}, {"biology", 4},
            {"period", 3}, {"actual", 3}, {"quality", 3}, {"situation", 4}, {"video", 3}, {"being", 2},
            {"going", 2}, {"criticism", 4},
            // word shapes
            {"don't", 1}, {"well-known", 2}, {"U.S.", 2}, {"hmm", 1}, {"3.14", 1}, {"Education", 4},
        };
        for (const auto &[word, expected] : table)
            QTest::newRow(word) << QString::fromUtf8(word) << expected;
    }
    // Counts are remembered for recent words: a word counts the same
    // whatever was counted before it (words sharing a slot, prefixes of
    // one another, the same letters in other cases and with accents).
    void syllablesDoNotDependOnWhatCameBefore()
    {
        QRandomGenerator random(3);
        const QString letters = QStringLiteral("aeiouybcdlmnrstAEY\u00e9'");
        QStringList words;
        for (int i = 0; i < 6000; ++i) {
            QString w;
            for (int k = int(random.bounded(1, 14)); k > 0; --k)
                w += letters.at(random.bounded(int(letters.size())));
            words << w;
        }
        QList<int> first;
        for (const QString &w : std::as_const(words))
            first << Readability::countSyllables(w);
        for (int round = 0; round < 3; ++round) {
            for (int k = 0; k < 6000; ++k) {
                const int i = int(random.bounded(int(words.size())));
                QCOMPARE(Readability::countSyllables(words.at(i)), first.at(i));
            }
        }
    }

    void syllables()
    {
        QFETCH(QString, word);
        QFETCH(int, expected);
        QCOMPARE(Readability::countSyllables(word), expected);
    }

    void splitSentences_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, const char *text, QStringList expected) {
            QTest::newRow(name) << QString::fromUtf8(text) << expected;
        };
        row("two plain", "It rained. We stayed in.", {"It rained.", "We stayed in."});
        row("title abbreviation", "Dr. Smith arrived. He sat down.", {"Dr. Smith arrived.", "He sat down."});
        // The longest in the lists: words up to its length are looked up.
        row("longest abbreviation", "It weighs approx. Ten tonnes. Approx. Twelve.",
            {"It weighs approx. Ten tonnes.", "Approx. Twelve."});
        row("initials", "Prof. J. R. Smith wrote it. It sold well.", {"Prof. J. R. Smith wrote it.", "It sold well."});
        row("decimal", "Pi is about 3.14 today. Yes.", {"Pi is about 3.14 today.", "Yes."});
        row("etc then lower case", "We sell apples, pears, etc. and more.", {"We sell apples, pears, etc. and more."});
        row("etc ends sentence", "We sell apples, pears, etc. The shop is open.",
            {"We sell apples, pears, etc.", "The shop is open."});
        row("U.S. mid sentence", "She moved to the U.S. in 2010.", {"She moved to the U.S. in 2010."});
        row("U.S. before a name", "The U.S. Army was there. It left.", {"The U.S. Army was there.", "It left."});
        row("U.S. ends sentence", "She lives in the U.S. The weather is fine.",
            {"She lives in the U.S.", "The weather is fine."});
        row("e.g. and Fig.", "See Fig. 2 and e.g. Table 3 here. Done.", {"See Fig. 2 and e.g. Table 3 here.", "Done."});
        row("No. before number", "No. 5 is next. It won.", {"No. 5 is next.", "It won."});
        row("ellipsis mid sentence", "Wait... what happened?", {"Wait... what happened?"});
        row("ellipsis ends sentence", "He paused... Then he left.", {"He paused...", "Then he left."});
        row("unicode ellipsis", "He paused\u2026 Then he left.", {"He paused\u2026", "Then he left."});
        row("question and exclamation", "Is it true? Yes! It is.", {"Is it true?", "Yes!", "It is."});
        row("web address", "Visit example.com for more. Thanks.", {"Visit example.com for more.", "Thanks."});
        row("closing quote", "\"Stop.\" Then silence.", {"\"Stop.\"", "Then silence."});
        row("no final stop", "Version 2.0 is out", {"Version 2.0 is out"});
        row("empty", "", {});
    }
    void splitSentences()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(Readability::splitSentences(text), expected);
    }

    void markdownProse_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, const char *markdown, QStringList expected) {
            QTest::newRow(name) << QString::fromUtf8(markdown) << expected;
        };
        row("headings lists code tables are not prose",
            "# Title\n\nOne sentence here.\n\n- item one.\n- item two.\n1. numbered.\n\n```\nnot. prose.\n```\n\n"
            "| a. | b. |\n|---|---|\n\n### Sub heading\n---\n",
            {"One sentence here."});
        row("inline marks, links, citations", "This is **bold**, _it_ and [a link](http://x.org/a.b) [2]. Next one [1, 3].",
            {"This is bold, it and a link.", "Next one."});
        row("image and footnote", "A chart ![Figure. 1](c.png) shows it[^1]. Done.", {"A chart shows it.", "Done."});
        row("plain brackets stay", "Some claim [citation needed] here.", {"Some claim [citation needed] here."});
        row("setext heading", "Title\n=====\n\nBody text.", {"Body text."});
        row("paragraph over lines", "First line\ncontinues here. Second.", {"First line continues here.", "Second."});
        row("quote is prose", "> Quoted text. More.", {"Quoted text.", "More."});
        row("paragraph without stop", "No stop here\n\nAnother.", {"No stop here", "Another."});
        row("indented code", "Text.\n\n    code. here.\n\nMore.", {"Text.", "More."});
        row("tilde fence and inline code", "~~~\nx. y.\n~~~\nCall `f(x.y)` now.", {"Call f(x.y) now."});
        row("list continuation is not prose", "- item\n  continues. Still item.\n\nProse.", {"Prose."});
    }
    void markdownProse()
    {
        QFETCH(QString, markdown);
        QFETCH(QStringList, expected);
        QCOMPARE(Readability::analyze(markdown).sentences, expected);
    }

    void blocks()
    {
        const QList<MarkdownBlock> blocks = parseMarkdownBlocks(
            u"## Overview ##\n\nText\nmore.\n\n```bash\n# not a heading\n```\n\n#### Deep\n- [x] done\n> quote"_s);
        QCOMPARE(blocks.size(), 6);
        QCOMPARE(blocks[0].kind, MarkdownBlock::Kind::Heading);
        QCOMPARE(blocks[0].level, 2);
        QCOMPARE(blocks[0].text, u"Overview"_s);
        QCOMPARE(blocks[1].kind, MarkdownBlock::Kind::Paragraph);
        QCOMPARE(blocks[1].text, u"Text more."_s);
        QCOMPARE(blocks[2].kind, MarkdownBlock::Kind::Code);
        QCOMPARE(blocks[2].text, u"# not a heading"_s);
        QCOMPARE(blocks[3].level, 4);
        QCOMPARE(blocks[4].kind, MarkdownBlock::Kind::ListItem);
        QCOMPARE(blocks[4].text, u"done"_s);
        QCOMPARE(blocks[5].kind, MarkdownBlock::Kind::Quote);
        QCOMPARE(blocks[5].line, 12);
    }

    void formulas_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("sentences");
        QTest::addColumn<int>("words");
        QTest::addColumn<int>("syllables");
        QTest::addColumn<int>("complexWords");
        QTest::addColumn<double>("readingEase");
        QTest::addColumn<double>("grade");

        // 2 sentences, 9 one-syllable words: ASL 4.5, ASW 1.
        // FRE = 206.835 − 1.015·4.5 − 84.6·1 = 117.6675
        // FKGL = 0.39·4.5 + 11.8·1 − 15.59 = −2.035
        QTest::newRow("one-syllable words") << u"The cat sat on the mat. The dog ran."_s << 2 << 9 << 9 << 0
                                            << 117.6675 << -2.035;
        // Readability(5) matters(2). Education(4) changes(2) people(2).
        // 2 sentences, 5 words, 15 syllables: ASL 2.5, ASW 3.
        // FRE = 206.835 − 2.5375 − 253.8 = −49.5025
        // FKGL = 0.975 + 35.4 − 15.59 = 20.785
        QTest::newRow("long words") << u"Readability matters. Education changes people."_s << 2 << 5 << 15 << 2
                                    << -49.5025 << 20.785;
        // Solar(2) panels(2) convert(2) sunlight(2) into(2) electricity(5) = 15;
        // They(1) work(1) best(1) in(1) direct(2) light(1) = 7.
        // 2 sentences, 12 words, 22 syllables: ASL 6, ASW 11/6.
        // FRE = 206.835 − 6.09 − 84.6·11/6 (155.1) = 45.645
        // FKGL = 2.34 + 11.8·11/6 (21.6333…) − 15.59 = 8.38333…
        QTest::newRow("plain prose") << u"Solar panels convert sunlight into electricity. They work best in direct light."_s
                                     << 2 << 12 << 22 << 1 << 45.645 << 8.383333333;
        // Only the two paragraphs count: "Dr. Smith paid $3.14 for tea." (6 words,
        // 6 syllables: Dr, Smith, paid, $3.14, for, tea), "It was cheap..." (3)
        // and "The end." (2). 3 sentences, 11 words, 11 syllables: ASL 11/3, ASW 1.
        // FRE = 206.835 − 1.015·11/3 (3.72167) − 84.6 = 118.51333…
        // FKGL = 0.39·11/3 (1.43) + 11.8 − 15.59 = −2.36
        QTest::newRow("markdown") << u"## Heading words here\n\nDr. Smith paid $3.14 for **tea** [1].\n\n"
                                     "- a list item is not a sentence\n\n```\ncode. More code.\n```\n\n"
                                     "It was cheap... The end."_s
                                  << 3 << 11 << 11 << 0 << 118.513333333 << -2.36;
    }
    void formulas()
    {
        QFETCH(QString, markdown);
        QFETCH(int, sentences);
        QFETCH(int, words);
        QFETCH(int, syllables);
        QFETCH(int, complexWords);
        QFETCH(double, readingEase);
        QFETCH(double, grade);
        const ReadabilityStats stats = Readability::statsOf(markdown);
        QCOMPARE(stats.sentences, sentences);
        QCOMPARE(stats.words, words);
        QCOMPARE(stats.syllables, syllables);
        QCOMPARE(stats.complexWords, complexWords);
        QVERIFY2(qAbs(stats.fleschReadingEase - readingEase) < 1e-6, qPrintable(QString::number(stats.fleschReadingEase, 'f', 6)));
        QVERIFY2(qAbs(stats.fleschKincaidGrade - grade) < 1e-6, qPrintable(QString::number(stats.fleschKincaidGrade, 'f', 6)));
    }

    void statsAddUp()
    {
        ReadabilityStats total = Readability::statsOf(u"The cat sat on the mat. The dog ran."_s);
        total += Readability::statsOf(u"Readability matters. Education changes people."_s);
        // 4 sentences, 14 words, 24 syllables: the scores are of the sums,
        // not an average of the two scores.
        QCOMPARE(total, ReadabilityStats::fromCounts(4, 14, 24, 2));
        QVERIFY(qAbs(total.fleschReadingEase - (206.835 - 1.015 * 3.5 - 84.6 * 24.0 / 14.0)) < 1e-9);
        const QJsonObject json = QJsonDocument::fromJson(QJsonDocument(total.toJson()).toJson()).object();
        QCOMPARE(ReadabilityStats::fromJson(json), total);
    }

    void noProse()
    {
        const ReadabilityStats stats = Readability::statsOf(u"# Only a heading\n\n- and a list"_s);
        QVERIFY(stats.isEmpty());
        QCOMPARE(stats.fleschReadingEase, 0.0);
        QCOMPARE(stats.fleschKincaidGrade, 0.0);
    }

    void stripInline()
    {
        QCOMPARE(Readability::stripInlineMarkdown(u"**a** *b* __c__ ~~d~~ snake_case \\*lit\\*"_s),
                 u"a b c d snake_case *lit*"_s);
        QCOMPARE(Readability::stripInlineMarkdown(u"see [the docs][ref] and <https://x.org> <br/>"_s),
                 u"see the docs and https://x.org"_s);
        QCOMPARE(Readability::stripInlineMarkdown(u"value [2-4]; more [3; 5]"_s), u"value; more"_s);
    }
};

QTEST_GUILESS_MAIN(TestReadability)
#include "tst_readability.moc"
