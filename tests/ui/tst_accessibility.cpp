// Keyboard and screen-reader use of the main window: every control has a
// name, the composer tabs from top to bottom, mnemonics do not collide,
// menu actions have keys, and custom colours stay readable in a dark theme.
#include "ui/compose/composerpanel.h"
#include "ui/document/documentview.h"
#include "ui/document/stagestrip.h"
#include "ui/mainwindow.h"
#include "ui/settings/fieldeditor.h"
#include "ui/settings/inspectorpanel.h"
#include "ui/settings/language.h"
#include "ui/settings/sectionform.h"
#include "ui/theme/theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

namespace {
bool isInteractive(QWidget *w)
{
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
           || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QAbstractSlider *>(w)
           || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QTextEdit *>(w)
           || qobject_cast<QPlainTextEdit *>(w);
}

/** What a screen reader announces for `w`. */
QString spokenName(QWidget *w)
{
    if (QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w)) {
        const QString name = iface->text(QAccessible::Name).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return w->accessibleName();
}

QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == QLatin1Char('&')) {
            if (text[i + 1] == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text[i + 1].toLower();
        }
    }
    return {};
}

/** The window colour a label with a translucent background is drawn on. */
QColor blended(const QColor &over, const QColor &under)
{
    const double a = over.alphaF();
    return QColor::fromRgbF(over.redF() * a + under.redF() * (1 - a), over.greenF() * a + under.greenF() * (1 - a),
                            over.blueF() * a + under.blueF() * (1 - a));
}

/** Widgets that take keyboard focus, in the order Tab visits them. */
QList<QWidget *> tabChain(QWidget *from, int steps)
{
    QList<QWidget *> chain;
    for (int i = 0; i < steps; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        chain << QApplication::focusWidget();
    }
    Q_UNUSED(from)
    return chain;
}
} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void everyControlHasAName_data();
    void everyControlHasAName();
    void composerTabsTopToBottom();
    void composerMnemonicsAreUnique_data();
    void composerMnemonicsAreUnique();
    void settingLabelsLeadToTheirEditors();
    void menuActionsHaveKeys();
    void darkThemeKeepsTextReadable();

private:
    QTemporaryDir m_settingsDir;
};

void TestAccessibility::initTestCase()
{
    QApplication::setApplicationName(QStringLiteral("MADF Studio"));
    QApplication::setOrganizationName(QStringLiteral("madf-test"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    qputenv("MADF_SECRET_STORE", "memory");
}

void TestAccessibility::cleanup()
{
    Language::install(QStringLiteral("en"));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestAccessibility::everyControlHasAName_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestAccessibility::everyControlHasAName()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(language));
    MainWindow w;
    // A document on show, so the document view's controls are enabled too.
    Document doc;
    doc.id = QStringLiteral("a11y");
    doc.title = QStringLiteral("Accessible");
    doc.status = DocumentStatus::Complete;
    w.openDocument(doc);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    QStringList unnamed;
    int checked = 0;
    for (QWidget *widget : w.findChildren<QWidget *>()) {
        if (!isInteractive(widget) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        // A combo box speaks for its line edit and its popup list.
        bool insideCombo = false;
        for (QWidget *p = widget->parentWidget(); p && !insideCombo; p = p->parentWidget())
            insideCombo = qobject_cast<QComboBox *>(p);
        if (insideCombo)
            continue;
        // Qt's own parts of composite widgets (scroll bars, the dock buttons, tab scrollers).
        if (widget->objectName().startsWith(QLatin1String("qt_"))
            || (qobject_cast<QAbstractSlider *>(widget) && widget->parentWidget()
                && widget->parentWidget()->objectName().startsWith(QLatin1String("qt_"))))
            continue;
        ++checked;
        if (spokenName(widget).isEmpty()) {
            QString where;
            for (QWidget *p = widget->parentWidget(); p && p != &w; p = p->parentWidget())
                where = QString::fromLatin1(p->metaObject()->className()) + QLatin1Char('/') + where;
            unnamed << where + QString::fromLatin1(widget->metaObject()->className())
                           + QStringLiteral(" \"") + widget->objectName() + QLatin1Char('"');
        }
    }
    QVERIFY2(checked > 40, qPrintable(QString::number(checked)));
    QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("No accessible name:\n") + unnamed.join(QLatin1Char('\n'))));
}

void TestAccessibility::composerTabsTopToBottom()
{
    ComposerPanel composer;
    composer.show();
    QApplication::setActiveWindow(&composer);
    QVERIFY(QTest::qWaitForWindowActive(&composer));

    auto named = [&](const QString &name) -> QWidget * {
        for (QWidget *w : composer.findChildren<QWidget *>())
            if (w->accessibleName() == name && w->focusPolicy() != Qt::NoFocus)
                return w;
        return nullptr;
    };
    const QStringList order = {QStringLiteral("Topic"), QStringLiteral("Type"), QStringLiteral("Length"),
                               QStringLiteral("Style"), QStringLiteral("Audience"), QStringLiteral("Requirements"),
                               QStringLiteral("References"), QStringLiteral("Outline")};
    QList<QWidget *> expected;
    for (const QString &name : order) {
        QWidget *w = named(name);
        QVERIFY2(w, qPrintable(name));
        expected << w;
    }
    QPushButton *generate = nullptr;
    for (QPushButton *b : composer.findChildren<QPushButton *>())
        if (b->text() == QLatin1String("&Generate"))
            generate = b;
    QVERIFY(generate);
    expected << generate;

    expected.first()->setFocus();
    QTRY_VERIFY(expected.first()->hasFocus() || expected.first()->isAncestorOf(QApplication::focusWidget()));
    const QList<QWidget *> chain = tabChain(&composer, 30);
    // Each expected stop comes after the previous one, and Generate before
    // Tab wraps around to the topic.
    qsizetype at = -1;
    for (QWidget *stop : expected.mid(1)) {
        qsizetype found = -1;
        for (qsizetype i = at + 1; i < chain.size(); ++i)
            if (chain[i] == stop || (chain[i] && stop->isAncestorOf(chain[i]))) {
                found = i;
                break;
            }
        QVERIFY2(found > at, qPrintable(QStringLiteral("Tab does not reach %1 after the previous field")
                                            .arg(stop->accessibleName().isEmpty() ? QStringLiteral("Generate")
                                                                                  : stop->accessibleName())));
        at = found;
    }
    const qsizetype topicAgain = chain.indexOf(expected.first());
    QVERIFY2(topicAgain == -1 || topicAgain > at, "Tab wraps to the topic before Generate");
}

void TestAccessibility::composerMnemonicsAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestAccessibility::composerMnemonicsAreUnique()
{
    // Alt+letter from the composer: its fields, Generate and the menu bar
    // must not share a letter (Qt would only cycle between them).
    QFETCH(QString, language);
    QVERIFY(Language::install(language));
    MainWindow w;
    QHash<QChar, QString> owners;
    QStringList clashes;
    auto claim = [&](const QString &text) {
        const QChar key = mnemonic(text);
        if (key.isNull()) {
            clashes << QStringLiteral("no mnemonic: ") + text;
            return;
        }
        if (owners.contains(key))
            clashes << QStringLiteral("%1 and %2 share Alt+%3").arg(owners.value(key), text, QString(key));
        owners.insert(key, text);
    };
    for (QAction *a : w.menuBar()->actions())
        claim(a->text());
    for (QLabel *l : w.composer()->findChildren<QLabel *>())
        if (l->buddy())
            claim(l->text());
    for (QPushButton *b : w.composer()->findChildren<QPushButton *>())
        if (b->isDefault())
            claim(b->text());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestAccessibility::settingLabelsLeadToTheirEditors()
{
    InspectorPanel inspector;
    SectionForm *orchestrator = inspector.form(QStringLiteral("orchestrator"));
    QVERIFY(orchestrator);
    FieldEditor *threshold = orchestrator->editor(QStringLiteral("quality_threshold"));
    QVERIFY(threshold);
    QCOMPARE(threshold->input()->accessibleName(), QStringLiteral("Quality threshold"));
    QVERIFY(!threshold->input()->accessibleDescription().isEmpty());
    int labels = 0;
    for (SectionForm *form : inspector.findChildren<SectionForm *>()) {
        for (QLabel *l : form->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly)) {
            ++labels;
            QVERIFY2(l->buddy(), qPrintable(l->text()));
            QVERIFY2(l->buddy()->accessibleName() + QLatin1Char(':') == l->text(), qPrintable(l->text()));
        }
    }
    QVERIFY(labels > 40);
}

void TestAccessibility::menuActionsHaveKeys()
{
    MainWindow w;
    QStringList problems;
    QSet<QAction *> dockToggles;
    for (QDockWidget *d : w.findChildren<QDockWidget *>())
        dockToggles.insert(d->toggleViewAction());
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        QHash<QChar, QString> seen;
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || dockToggles.contains(a))
                continue;
            const QChar key = mnemonic(a->text());
            if (key.isNull())
                problems << menu->title() + QStringLiteral(" > ") + a->text() + QStringLiteral(": no mnemonic");
            else if (seen.contains(key))
                problems << menu->title() + QStringLiteral(": ") + seen.value(key) + QStringLiteral(" and ") + a->text();
            seen.insert(key, a->text());
            if (a->menu())
                walk(a->menu());
        }
    };
    for (QAction *a : w.menuBar()->actions())
        walk(a->menu());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // The everyday commands have keys of their own.
    QHash<QString, QKeySequence> keys;
    for (QAction *a : w.findChildren<QAction *>())
        keys.insert(a->text(), a->shortcut());
    for (const QString &name : {QStringLiteral("&New request"), QStringLiteral("&Generate"),
                                QStringLiteral("&Export document…"), QStringLiteral("&Quit"),
                                QStringLiteral("&Copy as Markdown"), QStringLiteral("C&ancel")})
        QVERIFY2(!keys.value(name).isEmpty(), qPrintable(name));
}

void TestAccessibility::darkThemeKeepsTextReadable()
{
    QApplication::setPalette(Theme::darkPalette());
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    // The simulated-provider banner (default config: simulated).
    QFrame *banner = w.simulatedBanner();
    const QPalette bp = banner->palette();
    QVERIFY2(Theme::isDark(bp), "the banner should turn dark with the theme");
    QVERIFY(Theme::contrast(bp.color(QPalette::Window), bp.color(QPalette::WindowText)) >= 4.5);

    // An error under a composer field.
    w.composer()->setRequest(DocumentRequest{});
    w.composer()->generate();
    QLabel *error = nullptr;
    for (QLabel *l : w.composer()->findChildren<QLabel *>())
        if (!l->isHidden() && l->text() == w.composer()->fieldError(QStringLiteral("topic")))
            error = l;
    QVERIFY(error);
    const double errorContrast = Theme::contrast(error->palette().color(QPalette::WindowText),
                                                 w.composer()->palette().color(QPalette::Window));
    QVERIFY2(errorContrast >= 4.5, qPrintable(QString::number(errorContrast)));

    // Every state of the stage strip.
    StageStrip *strip = w.documentView()->stageStrip();
    const QColor window = strip->palette().color(QPalette::Window);
    for (StageStrip::State state : {StageStrip::Waiting, StageStrip::Working, StageStrip::Done, StageStrip::Failed,
                                    StageStrip::Skipped}) {
        strip->setState(QStringLiteral("writing"), state);
        QLabel *label = nullptr;
        for (QLabel *l : strip->findChildren<QLabel *>())
            if (l->accessibleName().startsWith(QLatin1String("Writing")))
                label = l;
        QVERIFY(label);
        const QPalette lp = label->palette();
        const double c = Theme::contrast(lp.color(QPalette::WindowText), blended(lp.color(QPalette::Window), window));
        QVERIFY2(c >= 4.5, qPrintable(QStringLiteral("state %1: contrast %2").arg(state).arg(c)));
    }

    // The theme can change while the window is open: the banner follows.
    QApplication::setPalette(QApplication::style()->standardPalette());
    QTRY_VERIFY(!Theme::isDark(banner->palette()));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
