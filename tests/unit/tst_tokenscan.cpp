#include "core/llm/tokenscan.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Madf;

namespace {

QString describe(const TokenFeatures &f)
{
    return QStringLiteral("words %1 long %2 punct %3 nl %4 cjk %5 nonlatin %6 digits %7 extra %8 accented %9")
        .arg(f.words)
        .arg(f.longLetters)
        .arg(f.punctuation)
        .arg(f.newlines)
        .arg(f.cjk)
        .arg(f.nonLatin)
        .arg(f.digitGroups)
        .arg(f.extraSpaces)
        .arg(f.accented);
}

} // namespace

class TestTokenScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownCounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("words");
        QTest::addColumn<int>("longLetters");
        QTest::addColumn<int>("punctuation");
        QTest::addColumn<int>("newlines");
        QTest::addColumn<int>("digitGroups");
        QTest::addColumn<int>("extraSpaces");
        QTest::addColumn<int>("accented");
        QTest::newRow("empty") << QString() << 0 << 0 << 0 << 0 << 0 << 0 << 0;
        QTest::newRow("plain") << QStringLiteral("The tide comes in twice a day.") << 7 << 0 << 1 << 0 << 0 << 0 << 0;
        // "internationalisation" has 20 letters: 13 past the 7th.
        QTest::newRow("long word across blocks") << QStringLiteral("an internationalisation effort")
                                                 << 3 << 13 << 0 << 0 << 0 << 0 << 0;
        QTest::newRow("digits") << QStringLiteral("In 2024, 1234567 tonnes") << 2 << 0 << 1 << 0 << 5 << 0 << 0;
        QTest::newRow("indentation") << QStringLiteral("a\n    b  c") << 3 << 0 << 0 << 1 << 0 << 4 << 0;
        QTest::newRow("paragraphs") << QStringLiteral("One two three.\n\nFour five six seven.\n")
                                    << 7 << 0 << 2 << 3 << 0 << 0 << 0;
        QTest::newRow("accented") << QStringLiteral("Le café est très bon, déjà vu") << 7 << 0 << 1 << 0 << 0 << 0 << 3;
    }

    void knownCounts()
    {
        QFETCH(QString, text);
        QFETCH(int, words);
        QFETCH(int, longLetters);
        QFETCH(int, punctuation);
        QFETCH(int, newlines);
        QFETCH(int, digitGroups);
        QFETCH(int, extraSpaces);
        QFETCH(int, accented);
        for (const TokenFeatures &f : {TokenScan::scan(text), TokenScan::scanScalar(text)}) {
            QCOMPARE(f.words, qint64(words));
            QCOMPARE(f.longLetters, qint64(longLetters));
            QCOMPARE(f.punctuation, qint64(punctuation));
            QCOMPARE(f.newlines, qint64(newlines));
            QCOMPARE(f.digitGroups, qint64(digitGroups));
            QCOMPARE(f.extraSpaces, qint64(extraSpaces));
            QCOMPARE(f.accented, qint64(accented));
        }
    }

    // The block path must agree with the one-by-one scan on anything:
    // random texts over an alphabet that hits every branch (and every
    // position of a word, a blank run or a digit group against the blocks).
    void blocksAgreeWithTheScalarScan()
    {
        const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCXYZ"
                                                "          \n\n\t\r\f\v"
                                                ".,;:!?'\"()-[]#*/_@"
                                                "0123456789"
                                                "éüçñÅ")
            + QString(QChar(0x00A0)) + QString(QChar(0x3000)) + QStringLiteral("日本語한국Жжλ")
            + QString(QChar(0xD83D)) + QString(QChar(0xDE00)) + QString(QChar(0x01)) + QString(QChar(0x7F));
        QRandomGenerator random(20261127);
        for (int round = 0; round < 20000; ++round) {
            // Some texts mostly plain words, so that whole blocks pass.
            const bool plain = round % 2 == 0;
            const int length = int(random.bounded(0, 120));
            QString text;
            for (int i = 0; i < length; ++i) {
                if (plain && random.bounded(10) < 8)
                    text += QChar(random.bounded(6) == 0 ? u' ' : char16_t(u'a' + random.bounded(26)));
                else
                    text += alphabet.at(random.bounded(alphabet.size()));
            }
            const TokenFeatures fast = TokenScan::scan(text);
            const TokenFeatures reference = TokenScan::scanScalar(text);
            if (!(fast == reference))
                QFAIL(qPrintable(QStringLiteral("%1\nfast:      %2\nreference: %3")
                                     .arg(text.toHtmlEscaped(), describe(fast), describe(reference))));
        }
    }

    // A prompt's bound adds its pieces' features: never under the whole.
    void piecesNeverCountLessThanTheirJoin()
    {
        const QString alphabet = QStringLiteral("abcxyz  \n\t.,0123é日");
        QRandomGenerator random(7);
        for (int round = 0; round < 5000; ++round) {
            QStringList pieces;
            TokenFeatures sum;
            for (int p = int(random.bounded(1, 6)); p > 0; --p) {
                QString piece;
                for (int i = int(random.bounded(0, 30)); i > 0; --i)
                    piece += alphabet.at(random.bounded(alphabet.size()));
                pieces << piece;
                sum += TokenScan::piece(piece);
            }
            const TokenFeatures whole = TokenScan::scan(pieces.join(QLatin1Char(' ')));
            const QString where = pieces.join(QStringLiteral("|")).toHtmlEscaped();
            QVERIFY2(whole.words == sum.words && whole.longLetters == sum.longLetters
                         && whole.punctuation == sum.punctuation && whole.newlines == sum.newlines
                         && whole.digitGroups == sum.digitGroups && whole.accented == sum.accented
                         && whole.cjk == sum.cjk,
                     qPrintable(where + QLatin1Char('\n') + describe(whole) + QLatin1Char('\n') + describe(sum)));
            QVERIFY2(whole.extraSpaces <= sum.extraSpaces, qPrintable(where));
        }
    }

    // Texts joined by line breaks: the sum Joiner makes is the scan of the
    // whole, exactly. Pieces start and end on every kind of blank (tabs,
    // CR, no-break spaces, line breaks among them), on digits and on words.
    void joinedTextsCountAsTheirScan()
    {
        const QString alphabet = QStringLiteral("abcxyzABC  \n\t\r\u00a0.,0123\u00e9\u65e5\u0434");
        QRandomGenerator random(11);
        int joints = 0;
        for (int round = 0; round < 5000; ++round) {
            TokenScan::Joiner joiner;
            QString whole;
            bool first = true;
            for (int p = int(random.bounded(1, 6)); p > 0; --p) {
                QString piece;
                for (int i = int(random.bounded(0, 40)); i > 0; --i)
                    piece += alphabet.at(random.bounded(alphabet.size()));
                const int breaks = int(random.bounded(1, 3));
                if (!joiner.add(piece, TokenScan::scan(piece), breaks)) {
                    QVERIFY2(piece.trimmed().isEmpty(), qPrintable(piece));
                    continue;   // a blank piece is not joined
                }
                if (!first) {
                    whole += QString(breaks, QLatin1Char('\n'));
                    ++joints;
                }
                whole += piece;
                first = false;
            }
            QVERIFY2(joiner.features() == TokenScan::scan(whole),
                     qPrintable(whole.toHtmlEscaped() + QLatin1Char('\n') + describe(joiner.features())
                                + QLatin1Char('\n') + describe(TokenScan::scan(whole))));
        }
        QVERIFY(joints > 5000);
    }

    void realTextsAgree()
    {
        const QDir prompts(QStringLiteral(MADF_SOURCE_DIR "/resources/prompts"));
        const QStringList files = prompts.entryList({QStringLiteral("*.md"), QStringLiteral("*.txt")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            QFile file(prompts.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            QVERIFY2(TokenScan::scan(text) == TokenScan::scanScalar(text), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenScan)
#include "tst_tokenscan.moc"
