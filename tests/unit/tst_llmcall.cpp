#include "core/llm/llmcall.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Madf;

namespace {

/** The smallest concrete call: lets the test drive finish() directly. */
class FakeCall : public LlmCall
{
    Q_OBJECT
public:
    explicit FakeCall(const LlmRequest &request) : LlmCall(request) {}
    void cancel() override
    {
        LlmResult result;
        result.status = LlmResult::Cancelled;
        result.errorKind = LlmErrorKind::Cancelled;
        finish(result);
    }
    void complete(const QString &text)
    {
        LlmResult result;
        result.status = LlmResult::Ok;
        result.text = text;
        finish(result);
    }
};

void flushDeferredDeletes()
{
    // LlmCall deletes itself through DeferredCalls, whose pass runs from the
    // event loop (a GLib source, or a posted event without GLib).
    QCoreApplication::processEvents();
}

} // namespace

class TestLlmCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finishedOnceWithTheResult();
    void autoDeleteAfterFinished();
    void keptWhenAutoDeleteIsOff();
    void slotMayKeepOrDeleteTheCall();
};

void TestLlmCall::finishedOnceWithTheResult()
{
    LlmRequest request;
    request.tag = QStringLiteral("doc1/writer");
    FakeCall call(request);
    call.setAutoDelete(false);
    QSignalSpy spy(&call, &LlmCall::finished);
    QVERIFY(!call.isFinished());

    call.complete(QStringLiteral("Copenhagen"));
    call.cancel(); // too late: the first result stands
    call.complete(QStringLiteral("Stockholm"));

    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<LlmResult>().text, QStringLiteral("Copenhagen"));
    QVERIFY(call.isFinished());
    QVERIFY(call.result().ok());
    QCOMPARE(call.result().text, QStringLiteral("Copenhagen"));
    QCOMPARE(call.request().tag, QStringLiteral("doc1/writer"));
}

void TestLlmCall::autoDeleteAfterFinished()
{
    QPointer<FakeCall> call = new FakeCall(LlmRequest{});
    QString seen;
    connect(call, &LlmCall::finished, this, [&seen](const LlmResult &r) { seen = r.text; });
    call->complete(QStringLiteral("done"));
    QCOMPARE(seen, QStringLiteral("done"));
    QVERIFY(call); // the receiver could still read it during the signal
    flushDeferredDeletes();
    QVERIFY(!call);
}

void TestLlmCall::keptWhenAutoDeleteIsOff()
{
    QPointer<FakeCall> call = new FakeCall(LlmRequest{});
    call->setAutoDelete(false);
    call->cancel();
    flushDeferredDeletes();
    QVERIFY(call);
    QCOMPARE(call->result().status, LlmResult::Cancelled);
    delete call;
}

void TestLlmCall::slotMayKeepOrDeleteTheCall()
{
    // A slot turning auto-delete off keeps the call.
    QPointer<FakeCall> kept = new FakeCall(LlmRequest{});
    connect(kept, &LlmCall::finished, this, [&kept] { kept->setAutoDelete(false); });
    kept->complete(QString());
    flushDeferredDeletes();
    QVERIFY(kept);
    delete kept;

    // A slot deleting the call outright must not crash finish().
    QPointer<FakeCall> deleted = new FakeCall(LlmRequest{});
    connect(deleted, &LlmCall::finished, this, [&deleted] { delete deleted.data(); });
    deleted->complete(QString());
    QVERIFY(!deleted);
    flushDeferredDeletes();
}

QTEST_GUILESS_MAIN(TestLlmCall)
#include "tst_llmcall.moc"
