// The request composer: inline validation and Generate.
#include "ui/compose/composerpanel.h"
#include "ui/compose/stringlisteditor.h"

#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

class TestComposer : public QObject
{
    Q_OBJECT
private slots:
    void invalidFieldsMarkedInline();
    void ctrlReturnGeneratesValidRequest();
    void requestRoundTrip();
};

void TestComposer::invalidFieldsMarkedInline()
{
    ComposerPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy generate(&panel, &ComposerPanel::generateRequested);
    auto *topic = panel.findChild<QLineEdit *>();
    QTest::keyClicks(topic, "AI");
    panel.findChild<QSpinBox *>()->setValue(50);
    panel.generate();
    QCOMPARE(generate.count(), 0);
    QVERIFY2(panel.fieldError("topic").contains("at least 5 characters"), qPrintable(panel.fieldError("topic")));
    QVERIFY(panel.fieldError("target_length").contains("100–50,000"));
    // Fixing the fields clears the marks as the user types.
    QTest::keyClicks(topic, " in healthcare");
    panel.findChild<QSpinBox *>()->setValue(800);
    QVERIFY(panel.fieldError("topic").isEmpty());
    QVERIFY(panel.fieldError("target_length").isEmpty());
    panel.generate();
    QCOMPARE(generate.count(), 1);
}

void TestComposer::ctrlReturnGeneratesValidRequest()
{
    ComposerPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy generate(&panel, &ComposerPanel::generateRequested);
    auto *topic = panel.findChild<QLineEdit *>();
    topic->setFocus();
    QTest::keyClicks(topic, "Remote work and productivity");
    QTest::keyClick(topic, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(generate.count(), 1);
    const DocumentRequest r = generate.first().first().value<DocumentRequest>();
    QCOMPARE(r.topic, QStringLiteral("Remote work and productivity"));
    QCOMPARE(r.targetLength, 1000);
}

void TestComposer::requestRoundTrip()
{
    ComposerPanel panel;
    DocumentRequest r;
    r.topic = "Solar power in cities";
    r.documentType = "report";
    r.targetLength = 2500;
    r.style = "technical";
    r.audience = "executives";
    r.requirements = {"Cover costs", "Name three cities"};
    r.references = {"/tmp/notes.md", "https://example.com/solar"};
    r.outline = "Intro\nCosts\nCities";
    panel.setRequest(r);
    QCOMPARE(panel.request(), r);
    // A bad reference row is marked on that row.
    r.references << "ftp://nope";
    panel.setRequest(r);
    QVERIFY(!panel.validate());
    auto lists = panel.findChildren<StringListEditor *>();
    QListWidget *refs = lists.last()->list();
    QVERIFY(refs->item(2)->toolTip().contains("references[2]"));
    QVERIFY(refs->item(0)->toolTip().isEmpty());
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
