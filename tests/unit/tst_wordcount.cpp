#include "core/model/wordcount.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

using namespace Madf;

namespace {

// The definition, spelled out: runs between white space with a letter,
// digit or surrogate half in them.
int reference(const QString &text)
{
    int words = 0;
    QString run;
    const auto flush = [&] {
        words += std::any_of(run.cbegin(), run.cend(), [](QChar c) { return c.isLetterOrNumber() || c.isSurrogate(); });
        run.clear();
    };
    for (const QChar c : text) {
        if (c.isSpace())
            flush();
        else
            run.append(c);
    }
    flush();
    return words;
}

// Prose-like text (long ASCII stretches, so the sixteen-at-a-time path
// runs) with, now and then, whatever can trip it: every kind of white space,
// Markdown marks that are no words, digits, accents, CJK, emoji, NBSP.
QString randomText(QRandomGenerator &random, int length)
{
    static const QStringList odd{QStringLiteral("\t"),  QStringLiteral("\n"),     QStringLiteral("\r\n"),
                                 QStringLiteral("\v"),  QStringLiteral("\f"),     QStringLiteral("**"),
                                 QStringLiteral("## "), QStringLiteral(" - "),    QStringLiteral("---"),
                                 QStringLiteral("é"),   QStringLiteral("中文"),   QStringLiteral("😀"),
                                 QStringLiteral("\u00a0"), QStringLiteral("\u2028"), QStringLiteral("3.14"),
                                 QStringLiteral("[1]"), QStringLiteral("\u0085"), QStringLiteral("—"),
                                 QStringLiteral("_"),   QStringLiteral("\x7f")};
    static const char plain[] = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ      0123456789.,;:!?'\"()*#-";
    QString text;
    while (text.size() < length) {
        if (random.bounded(12) == 0)
            text += odd.at(random.bounded(int(odd.size())));
        else
            text += QLatin1Char(plain[random.bounded(int(sizeof plain) - 1)]);
    }
    return text;
}

} // namespace

class TestWordCount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void known_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("words");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("markdown marks") << QStringLiteral("## Title\n\n- one **two** --- |") << 3;
        QTest::newRow("a word across a block edge") << QStringLiteral("aaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbb c") << 3;
        QTest::newRow("marks then a letter across the edge") << QStringLiteral("***************x y") << 2;
        QTest::newRow("one long word") << QString(100, QLatin1Char('w')) << 1;
        QTest::newRow("only blanks") << QString(40, QLatin1Char(' ')) << 0;
        QTest::newRow("non-ASCII in a block") << QStringLiteral("naïve café résumé über straße 中文 😀 ok") << 8;
    }
    void known()
    {
        QFETCH(QString, text);
        QFETCH(int, words);
        QCOMPARE(WordCount::count(text), words);
        QCOMPARE(WordCount::countScalar(text), words);
        QCOMPARE(reference(text), words);
    }

    void randomTextsAgreeWithTheDefinition()
    {
        QRandomGenerator random(20261127);
        for (int i = 0; i < 20000; ++i) {
            const QString text = randomText(random, random.bounded(300));
            const int expected = reference(text);
            if (WordCount::count(text) != expected || WordCount::countScalar(text) != expected)
                QFAIL(qPrintable(QStringLiteral("text %1 (%2): count %3, scalar %4, reference %5")
                                     .arg(i)
                                     .arg(text.left(80))
                                     .arg(WordCount::count(text))
                                     .arg(WordCount::countScalar(text))
                                     .arg(expected)));
        }
    }
};

QTEST_GUILESS_MAIN(TestWordCount)
#include "tst_wordcount.moc"
