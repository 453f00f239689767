#include "core/cache/lrumap.h"
#include "core/cache/responsecache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Madf;

namespace {

using Messages = QList<QPair<QString, QString>>;

const Messages kMessages {{QStringLiteral("user"), QStringLiteral("Summarise the printing press.")}};

QByteArray key(int n)
{
    return ResponseCache::makeKey(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), {}, {},
                                  {{QStringLiteral("user"), QStringLiteral("question %1").arg(n)}});
}

CachedResponse response(const QString &text, double cost = 0.01)
{
    CachedResponse r;
    r.text = text;
    r.finishReason = QStringLiteral("stop");
    r.usage.promptTokens = 100;
    r.usage.cachedPromptTokens = 20;
    r.usage.completionTokens = 50;
    r.usage.reasoningTokens = 5;
    r.usage.estimated = true;
    r.costUsd = cost;
    return r;
}

CacheConfig config(int memoryEntries, int diskMaxMb, int ttlHours = 0)
{
    CacheConfig c;
    c.memoryEntries = memoryEntries;
    c.diskMaxMb = diskMaxMb;
    c.ttlHours = ttlHours;
    return c;
}

} // namespace

class TestResponseCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache%1/cache.db").arg(++m_counter)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void keyIsCanonical()
    {
        const QVariantMap nested {{QStringLiteral("b"), 1}, {QStringLiteral("a"), 2}};
        const QVariantMap a {{QStringLiteral("temperature"), 0.7},
                             {QStringLiteral("max_tokens"), 512},
                             {QStringLiteral("extra"), nested}};
        QVariantMap b;
        b.insert(QStringLiteral("extra"), QVariantMap {{QStringLiteral("a"), 2}, {QStringLiteral("b"), 1}});
        b.insert(QStringLiteral("max_tokens"), 512.0);
        b.insert(QStringLiteral("temperature"), 0.7);

        const QByteArray keyA = ResponseCache::makeKey(QStringLiteral("openai"), QStringLiteral("gpt-4o"), a,
                                                       QStringLiteral("Be brief."), kMessages);
        const QByteArray keyB = ResponseCache::makeKey(QStringLiteral("openai"), QStringLiteral("gpt-4o"), b,
                                                       QStringLiteral("Be brief."), kMessages);
        QCOMPARE(keyA.size(), 32);
        QCOMPARE(keyA, keyB);

        const QByteArray form = ResponseCache::canonicalForm(QStringLiteral("openai"), QStringLiteral("gpt-4o"), a,
                                                             QStringLiteral("Be brief."), kMessages);
        QCOMPARE(form,
                 QByteArray(R"({"messages":[{"content":"Summarise the printing press.","role":"user"}],)"
                            R"("model":"gpt-4o","parameters":{"extra":{"a":2,"b":1},"max_tokens":512,)"
                            R"("temperature":0.7},"provider":"openai","system":"Be brief.","v":1})"));
    }

    void keyIsSensitive_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QVariantMap>("parameters");
        QTest::addColumn<QString>("system");
        QTest::addColumn<Messages>("messages");

        const QVariantMap params {{QStringLiteral("temperature"), 0.7}};
        const QString system = QStringLiteral("Be brief.");
        QTest::newRow("provider") << "anthropic" << "gpt-4o" << params << system << kMessages;
        QTest::newRow("model") << "openai" << "gpt-4o-mini" << params << system << kMessages;
        QTest::newRow("parameter value")
            << "openai" << "gpt-4o" << QVariantMap {{QStringLiteral("temperature"), 0.8}} << system << kMessages;
        QTest::newRow("extra parameter")
            << "openai" << "gpt-4o"
            << QVariantMap {{QStringLiteral("temperature"), 0.7}, {QStringLiteral("top_p"), 1}} << system
            << kMessages;
        QTest::newRow("system") << "openai" << "gpt-4o" << params << "Be brief!" << kMessages;
        QTest::newRow("no system") << "openai" << "gpt-4o" << params << "" << kMessages;
        QTest::newRow("message text")
            << "openai" << "gpt-4o" << params << system
            << Messages {{QStringLiteral("user"), QStringLiteral("Summarise the printing press!")}};
        QTest::newRow("message role")
            << "openai" << "gpt-4o" << params << system
            << Messages {{QStringLiteral("assistant"), QStringLiteral("Summarise the printing press.")}};
        QTest::newRow("another message")
            << "openai" << "gpt-4o" << params << system
            << (kMessages + Messages {{QStringLiteral("user"), QStringLiteral("More.")}});
        // A system prompt moved into the messages is a different request.
        QTest::newRow("system as a message")
            << "openai" << "gpt-4o" << params << ""
            << (Messages {{QStringLiteral("system"), system}} + kMessages);
    }

    void keyIsSensitive()
    {
        QFETCH(QString, provider);
        QFETCH(QString, model);
        QFETCH(QVariantMap, parameters);
        QFETCH(QString, system);
        QFETCH(Messages, messages);
        const QByteArray base =
            ResponseCache::makeKey(QStringLiteral("openai"), QStringLiteral("gpt-4o"),
                                   {{QStringLiteral("temperature"), 0.7}}, QStringLiteral("Be brief."), kMessages);
        QVERIFY(ResponseCache::makeKey(provider, model, parameters, system, messages) != base);
    }

    void lruMapEvictsLeastRecentlyUsed()
    {
        LruMap<QString, int> map(3);
        map.insert(QStringLiteral("a"), 1);
        map.insert(QStringLiteral("b"), 2);
        map.insert(QStringLiteral("c"), 3);
        QVERIFY(map.find(QStringLiteral("a")));   // a is now the most recent
        map.insert(QStringLiteral("d"), 4);       // b goes
        QCOMPARE(map.keys(), (QList<QString> {"d", "a", "c"}));
        map.insert(QStringLiteral("c"), 30);      // replacing counts as a use
        map.insert(QStringLiteral("e"), 5);       // a goes
        QCOMPARE(map.keys(), (QList<QString> {"e", "c", "d"}));
        QCOMPARE(*map.find(QStringLiteral("c")), 30);
        map.setCapacity(1);
        QCOMPARE(map.keys(), QList<QString> {"c"});
        QVERIFY(map.remove(QStringLiteral("c")));
        QCOMPARE(map.size(), 0);
        LruMap<QString, int> none(0);
        none.insert(QStringLiteral("a"), 1);
        QVERIFY(!none.find(QStringLiteral("a")));
    }

    void memoryEvictionOrder()
    {
        ResponseCache cache;
        QVERIFY(cache.open({}, config(2, 0)));
        QVERIFY(!cache.hasDisk());
        cache.put(key(1), response(QStringLiteral("one")));
        cache.put(key(2), response(QStringLiteral("two")));
        QVERIFY(cache.get(key(1)));               // 2 is now the least recently used
        cache.put(key(3), response(QStringLiteral("three")));

        QVERIFY(!cache.get(key(2)));
        QCOMPARE(cache.get(key(1))->text, QStringLiteral("one"));
        QCOMPARE(cache.get(key(3))->text, QStringLiteral("three"));
        const ResponseCache::Stats stats = cache.stats();
        QCOMPARE(stats.memoryHits, qint64(3));
        QCOMPARE(stats.diskHits, qint64(0));
        QCOMPARE(stats.misses, qint64(1));
        QCOMPARE(stats.entries, qint64(2));
    }

    void diskHitAfterMemoryEvictionAndReopen()
    {
        const QString path = freshPath();
        const CachedResponse first = response(QStringLiteral("first answer ✓"), 0.02);
        {
            ResponseCache cache;
            QString error;
            QVERIFY2(cache.open(path, config(1, 16), &error), qPrintable(error));
            QVERIFY(cache.hasDisk());
            cache.put(key(1), first);
            cache.put(key(2), response(QStringLiteral("second")));  // pushes 1 out of memory

            const std::optional<CachedResponse> hit = cache.get(key(1));
            QVERIFY(hit);
            QCOMPARE(hit->text, first.text);
            QCOMPARE(hit->usage, first.usage);
            QCOMPARE(cache.stats().diskHits, qint64(1));
            QCOMPARE(cache.stats().memoryHits, qint64(0));
            QCOMPARE(cache.stats().entries, qint64(2));
            QVERIFY(cache.stats().diskBytes > 0);
            QVERIFY(cache.lastError().isEmpty());
        }
        ResponseCache reopened;
        QVERIFY(reopened.open(path, config(10, 16)));
        QCOMPARE(reopened.stats().entries, qint64(2));
        const std::optional<CachedResponse> hit = reopened.get(key(1));
        QVERIFY(hit);
        QCOMPARE(hit->text, first.text);
        QCOMPARE(hit->finishReason, first.finishReason);
        QCOMPARE(hit->usage, first.usage);
        QCOMPARE(hit->costUsd, first.costUsd);
        QVERIFY(hit->createdAt.isValid());
        QCOMPARE(reopened.stats().diskHits, qint64(1));
        // Now it is in memory too.
        QVERIFY(reopened.get(key(1)));
        QCOMPARE(reopened.stats().memoryHits, qint64(1));
        QVERIFY(!reopened.get(key(99)));
        QCOMPARE(reopened.stats().misses, qint64(1));
    }

    void ttlExpiry()
    {
        const QString path = freshPath();
        QDateTime clock = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
        {
            ResponseCache cache;
            cache.setClock([&] { return clock; });
            QVERIFY(cache.open(path, config(10, 16, 2)));
            cache.put(key(1), response(QStringLiteral("old")));
            clock = clock.addSecs(3600);
            cache.put(key(2), response(QStringLiteral("newer")));
            QCOMPARE(cache.get(key(1))->createdAt, clock.addSecs(-3600));

            clock = clock.addSecs(3600 + 60);   // 1 is 2h01 old, 2 is 1h01 old
            QVERIFY(!cache.get(key(1)));
            QVERIFY(cache.get(key(2)));
            QCOMPARE(cache.stats().entries, qint64(1));   // the expired one was deleted
        }
        {
            // Reopened after 2 expired: it is purged on open.
            clock = clock.addSecs(3600);
            ResponseCache cache;
            cache.setClock([&] { return clock; });
            QVERIFY(cache.open(path, config(10, 16, 2)));
            QCOMPARE(cache.stats().entries, qint64(0));
            QVERIFY(!cache.get(key(2)));
        }
        {
            // ttl 0: nothing expires.
            ResponseCache cache;
            cache.setClock([&] { return clock; });
            QVERIFY(cache.open({}, config(10, 0, 0)));
            cache.put(key(3), response(QStringLiteral("forever")));
            clock = clock.addYears(5);
            QVERIFY(cache.get(key(3)));
        }
    }

    void sizeLimitEvictsLeastRecentlyUsed()
    {
        const QString path = freshPath();
        const qint64 limit = 1024 * 1024;
        const QString big(100 * 1024, QLatin1Char('x'));   // ~100 KiB each
        ResponseCache cache;
        QVERIFY(cache.open(path, config(0, 1)));
        for (int i = 0; i < 9; ++i)
            cache.put(key(i), response(big + QString::number(i)));
        QCOMPARE(cache.stats().entries, qint64(9));
        QVERIFY(cache.get(key(0)));   // 0 becomes the most recently used
        cache.put(key(9), response(big));
        cache.put(key(10), response(big));   // past 1 MiB: evict down to 90%

        const ResponseCache::Stats stats = cache.stats();
        QVERIFY2(stats.diskBytes <= limit * 9 / 10, QByteArray::number(stats.diskBytes));
        QCOMPARE(stats.entries, qint64(9));
        QVERIFY(!cache.get(key(1)));
        QVERIFY(!cache.get(key(2)));
        QVERIFY(cache.get(key(0)));
        QVERIFY(cache.get(key(3)));
        QVERIFY(cache.get(key(10)));

        // The file agrees after a reopen.
        ResponseCache reopened;
        QVERIFY(reopened.open(path, config(0, 1)));
        QCOMPARE(reopened.stats().entries, stats.entries);
        QCOMPARE(reopened.stats().diskBytes, stats.diskBytes);
        QVERIFY(!reopened.get(key(1)));

        // An entry bigger than the whole limit is kept in memory only.
        ResponseCache small;
        QVERIFY(small.open(freshPath(), config(5, 1)));
        small.put(key(42), response(QString(1100 * 1024, QLatin1Char('y'))));
        QCOMPARE(small.stats().diskBytes, qint64(0));
        QVERIFY(small.get(key(42)));
    }

    void statsAccumulateSavings()
    {
        ResponseCache cache;
        QVERIFY(cache.open(freshPath(), config(1, 16)));
        cache.put(key(1), response(QStringLiteral("a"), 0.25));
        cache.put(key(2), response(QStringLiteral("b"), 0.5));   // 1 leaves memory
        QVERIFY(cache.get(key(2)));   // memory
        QVERIFY(cache.get(key(2)));   // memory
        QVERIFY(cache.get(key(1)));   // disk
        QVERIFY(!cache.get(key(3)));

        const ResponseCache::Stats stats = cache.stats();
        QCOMPARE(stats.hits, qint64(3));
        QCOMPARE(stats.memoryHits, qint64(2));
        QCOMPARE(stats.diskHits, qint64(1));
        QCOMPARE(stats.misses, qint64(1));
        QVERIFY(qAbs(stats.savedUsd - 1.25) < 1e-9);
        QCOMPARE(stats.memoryEntries, qint64(1));
        QCOMPARE(stats.entries, qint64(2));

        cache.clear();
        QCOMPARE(cache.stats().entries, qint64(0));
        QCOMPARE(cache.stats().diskBytes, qint64(0));
        QVERIFY(!cache.get(key(1)));
        QVERIFY(!cache.get(key(2)));
        QCOMPARE(cache.stats().hits, qint64(3));
    }

    void disabledCacheNeitherReadsNorWrites()
    {
        ResponseCache cache;
        QVERIFY(cache.open(freshPath(), config(10, 16)));
        cache.put(key(1), response(QStringLiteral("kept")));
        cache.setEnabled(false);
        QVERIFY(!cache.get(key(1)));
        cache.put(key(2), response(QStringLiteral("dropped")));
        QCOMPARE(cache.stats().entries, qint64(1));
        QCOMPARE(cache.stats().hits, qint64(0));

        cache.setEnabled(true);
        QVERIFY(!cache.get(key(2)));
        QVERIFY(cache.get(key(1)));
    }

    void otherThreadUsesMemoryOnly()
    {
        ResponseCache cache;
        QVERIFY(cache.open(freshPath(), config(1, 16)));
        cache.put(key(1), response(QStringLiteral("in memory")));
        cache.put(key(2), response(QStringLiteral("on disk only")));   // pushes 1 to disk only
        bool memoryHit = false;
        bool diskHit = true;
        QScopedPointer<QThread> thread(QThread::create([&] {
            memoryHit = cache.get(key(2)).has_value();
            diskHit = cache.get(key(1)).has_value();
        }));
        thread->start();
        QVERIFY(thread->wait(30000));
        QVERIFY(memoryHit);
        QVERIFY(!diskHit);
        QVERIFY(cache.get(key(1)));   // the owner thread still reaches the file
    }

    void openFailureKeepsMemoryTier()
    {
        const QString folder = m_dir.filePath(QStringLiteral("bad"));
        QVERIFY(QDir().mkpath(folder));
        QFile garbage(folder + QStringLiteral("/cache.db"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'z'));
        garbage.close();

        ResponseCache cache;
        QString error;
        QVERIFY(!cache.open(garbage.fileName(), config(10, 16), &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(garbage.fileName())), qPrintable(error));
        QCOMPARE(cache.lastError(), error);
        QVERIFY(!cache.hasDisk());
        cache.put(key(1), response(QStringLiteral("still cached")));
        QVERIFY(cache.get(key(1)));
    }
};

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_responsecache.moc"
