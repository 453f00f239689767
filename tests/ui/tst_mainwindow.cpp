// The main window's frame: name, version, docks, and a remembered layout.
#include "ui/mainwindow.h"

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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
