// The main window's frame: name, version, docks, and a remembered layout.
#include "ui/mainwindow.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using Madf::Ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void titleNamesAppAndVersion();
    void docksArePresentAndToggleable();
    void layoutIsRemembered();
    void appIconAndDesktopEntry();
    void todayRollsOverAtMidnight();

private:
    QTemporaryDir m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    QApplication::setApplicationName(QStringLiteral("MADF Studio"));
    QApplication::setOrganizationName(QStringLiteral("madf-test"));
    QApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestMainWindow::titleNamesAppAndVersion()
{
    MainWindow w;
    QCOMPARE(w.windowTitle(), QStringLiteral("MADF Studio " MADF_VERSION));
}

void TestMainWindow::docksArePresentAndToggleable()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QStringList expected = {"Composer", "Inspector", "History", "Dashboard"};
    QStringList titles;
    for (QDockWidget *d : w.findChildren<QDockWidget *>())
        titles << d->windowTitle();
    for (const QString &t : expected)
        QVERIFY2(titles.contains(t), qPrintable(titles.join(',')));
    // Each dock can be hidden and shown from the View menu.
    QMenu *view = nullptr;
    for (QAction *a : w.menuBar()->actions())
        if (a->text().remove('&') == QLatin1String("View"))
            view = a->menu();
    QVERIFY(view);
    QAction *toggle = nullptr;
    for (QAction *a : view->actions())
        if (a->text() == QLatin1String("History"))
            toggle = a;
    QVERIFY(toggle);
    QVERIFY(w.historyDock()->isVisible());
    toggle->trigger();
    QVERIFY(!w.historyDock()->isVisible());
}

void TestMainWindow::layoutIsRemembered()
{
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.dashboardDock()->hide();
        w.resize(1350, 860);
        w.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(!again.dashboardDock()->isVisible());
    QCOMPARE(again.size(), QSize(1350, 860));
}

// The icon is compiled in at every size the desktop asks for, and the desktop
// entry that `cmake --install` puts in share/applications names it and the
// program.
void TestMainWindow::appIconAndDesktopEntry()
{
    const QIcon icon = Madf::Ui::Theme::appIcon();
    QVERIFY(!icon.isNull());
    for (const int size : {16, 32, 48, 64, 128, 256})
        QVERIFY2(icon.availableSizes().contains(QSize(size, size)), qPrintable(QString::number(size)));
    // Drawn, not blank: the tile's blue at the top edge, the page's white in the middle.
    const QImage image = icon.pixmap(QSize(64, 64)).toImage();
    const QColor tile = image.pixelColor(32, 4);
    QVERIFY2(tile.alpha() == 255 && tile.blue() > tile.red() + 80, qPrintable(tile.name()));
    QCOMPARE(image.pixelColor(34, 22).name(), QStringLiteral("#ffffff"));

    QSettings entry(QStringLiteral(MADF_SOURCE_DIR "/resources/madf-studio.desktop"), QSettings::IniFormat);
    entry.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(entry.value("Type").toString(), QStringLiteral("Application"));
    QCOMPARE(entry.value("Name").toString(), QStringLiteral("MADF Studio"));
    QCOMPARE(entry.value("Exec").toString(), QStringLiteral("madf-studio"));
    QCOMPARE(entry.value("Icon").toString(), QStringLiteral("madf-studio"));
    QVERIFY(QFile::exists(QStringLiteral(MADF_SOURCE_DIR "/resources/icons/madf-studio.svg")));
}

// The status bar's "Today" figure starts again at midnight even when no
// call comes to update it: a timer waits for just past the next midnight.
void TestMainWindow::todayRollsOverAtMidnight()
{
    const QDate day(2026, 11, 27);
    QCOMPARE(MainWindow::msecsToNextDay(QDateTime(day, QTime(23, 59, 59, 500))), 500 + 1000);
    QCOMPARE(MainWindow::msecsToNextDay(QDateTime(day, QTime(12, 0))), 12 * 3600 * 1000 + 1000);
    QCOMPARE(MainWindow::msecsToNextDay(QDateTime(day, QTime(0, 0))), 24 * 3600 * 1000 + 1000);

    MainWindow w;
    auto *timer = w.findChild<QTimer *>(QStringLiteral("costDayTimer"));
    QVERIFY(timer);
    QVERIFY(timer->isActive());
    QVERIFY(timer->isSingleShot());
    QCOMPARE(timer->timerType(), Qt::PreciseTimer);
    // Next midnight or a minute, whichever is sooner: the machine may sleep
    // or the wall clock jump, and a timer's clock does neither.
    auto expected = [] {
        return qMin(MainWindow::msecsToNextDay(QDateTime::currentDateTime()), MainWindow::kCostDayCheckMs);
    };
    QVERIFY2(qAbs(timer->remainingTime() - expected()) < 5000,
             qPrintable(QStringLiteral("%1 vs %2").arg(timer->remainingTime()).arg(expected())));
    // It arms itself again when it fires.
    timer->stop();
    QVERIFY(QMetaObject::invokeMethod(timer, "timeout"));
    QVERIFY(timer->isActive());
    QVERIFY(qAbs(timer->remainingTime() - expected()) < 5000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
