// The German catalogue: compiled in, complete for every string in the
// sources, and what the main window shows once it is installed.
#include "ui/compose/composerpanel.h"
#include "ui/mainwindow.h"
#include "ui/settings/language.h"

#include "core/config/configschema.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Madf;
using namespace Madf::Ui;

namespace {
const QString kTsFile = QStringLiteral(MADF_SOURCE_DIR "/translations/madf_de.ts");

QStringList menuTitles(QMainWindow &w)
{
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text().remove(QLatin1Char('&'));
    return titles;
}

QString dockTitle(QMainWindow &w, const QString &objectName)
{
    auto *dock = w.findChild<QDockWidget *>(objectName);
    return dock ? dock->windowTitle() : QString();
}

QStringList composerLabels(ComposerPanel *composer)
{
    QStringList labels;
    for (QLabel *l : composer->findChildren<QLabel *>())
        if (l->buddy())
            labels << l->text();
    return labels;
}

/** The messages of a .ts file: how many, and the ones not done. */
struct TsSummary
{
    int messages = 0;
    QStringList unfinished;   ///< "context: source"
    QStringList vanished;     ///< vanished or obsolete entries kept in the file
    QStringList emptyForms;   ///< plural messages with an empty form
};

TsSummary readTs(const QString &path)
{
    TsSummary s;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return s;
    QXmlStreamReader xml(&f);
    QString context, source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            ++s.messages;
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString where = context + QStringLiteral(": ") + source;
            if (type == QLatin1String("unfinished"))
                s.unfinished << where;
            else if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                s.vanished << where;
        } else if (xml.name() == QLatin1String("numerusform")) {
            if (xml.readElementText().trimmed().isEmpty())
                s.emptyForms << context + QStringLiteral(": ") + source;
        }
    }
    return s;
}
} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void catalogueIsCompiledIn();
    void mainWindowSpeaksGerman();
    void qtDialogsSpeakGerman();
    void pluralsFollowTheNumber();
    void settingLabelsAndHelpAreTranslated();
    void languageChoiceIsRemembered();
    void englishIsRestored();
    void tsFileHasNothingUnfinished();
    void tsFileCoversEverySourceString();

private:
    QTemporaryDir m_settingsDir;
};

void TestTranslation::initTestCase()
{
    QApplication::setApplicationName(QStringLiteral("MADF Studio"));
    QApplication::setOrganizationName(QStringLiteral("madf-test"));
    QApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    qputenv("MADF_SECRET_STORE", "memory"); // no keychain prompts from the providers code
}

void TestTranslation::cleanupTestCase()
{
    Language::install(QStringLiteral("en"));
}

void TestTranslation::catalogueIsCompiledIn()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/madf_de.qm")));
    QCOMPARE(Language::available(), QStringList({QStringLiteral("en"), QStringLiteral("de")}));
    QCOMPARE(Language::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
    QVERIFY(Language::install(QStringLiteral("de_AT")));
    QCOMPARE(Language::current(), QStringLiteral("de"));
    QVERIFY(!Language::install(QStringLiteral("xx")));
    QCOMPARE(Language::current(), QStringLiteral("en"));
}

void TestTranslation::mainWindowSpeaksGerman()
{
    QVERIFY(Language::install(QStringLiteral("de")));
    MainWindow w;
    const QStringList menus = menuTitles(w);
    for (const QString &expected : {QStringLiteral("Datei"), QStringLiteral("Dokument"), QStringLiteral("Ansicht"),
                                    QStringLiteral("Einstellungen"), QStringLiteral("Hilfe")})
        QVERIFY2(menus.contains(expected), qPrintable(menus.join(QLatin1Char(','))));
    QCOMPARE(dockTitle(w, QStringLiteral("composerDock")), QStringLiteral("Anfrage"));
    QCOMPARE(dockTitle(w, QStringLiteral("inspectorDock")), QStringLiteral("Inspektor"));
    QCOMPARE(dockTitle(w, QStringLiteral("historyDock")), QStringLiteral("Verlauf"));

    const QStringList labels = composerLabels(w.composer());
    for (const QString &expected : {QStringLiteral("&Thema:"), QStringLiteral("T&yp:"), QStringLiteral("&Länge:"),
                                    QStringLiteral("&Zielgruppe:"), QStringLiteral("&Gliederung:")})
        QVERIFY2(labels.contains(expected), qPrintable(labels.join(QLatin1Char(','))));
    QStringList buttons;
    for (QPushButton *b : w.composer()->findChildren<QPushButton *>())
        buttons << b->text();
    QVERIFY2(buttons.contains(QStringLiteral("E&rstellen")), qPrintable(buttons.join(QLatin1Char(','))));

    // The status bar says the costs of the simulated provider are simulated.
    QStringList status;
    for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
        status << l->text();
    QVERIFY2(status.contains(QStringLiteral("Heute: $0.0000 (simuliert)")), qPrintable(status.join(QLatin1Char('|'))));

    // A validation message from core, shown under the topic field.
    w.composer()->setRequest(DocumentRequest{});
    w.composer()->generate();
    QVERIFY2(w.composer()->fieldError(QStringLiteral("topic")).contains(QStringLiteral("Zeichen")),
             qPrintable(w.composer()->fieldError(QStringLiteral("topic"))));
}

void TestTranslation::qtDialogsSpeakGerman()
{
    QVERIFY(Language::install(QStringLiteral("de")));
    // Qt's own catalogue (qtbase_de) comes along for the standard buttons.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

void TestTranslation::pluralsFollowTheNumber()
{
    QVERIFY(Language::install(QStringLiteral("de")));
    const char *ctx = "Madf::Ui::MainWindow";
    QCOMPARE(QCoreApplication::translate(ctx, "Resumed %n document(s)", nullptr, 1),
             QStringLiteral("1 Dokument fortgesetzt"));
    QCOMPARE(QCoreApplication::translate(ctx, "Resumed %n document(s)", nullptr, 3),
             QStringLiteral("3 Dokumente fortgesetzt"));
    // English has plural forms too: no "1 document(s)".
    QVERIFY(Language::install(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate(ctx, "Resumed %n document(s)", nullptr, 1),
             QStringLiteral("Resumed 1 document"));
    QCOMPARE(QCoreApplication::translate(ctx, "Resumed %n document(s)", nullptr, 3),
             QStringLiteral("Resumed 3 documents"));
    QCOMPARE(QCoreApplication::translate("Madf::Ui::DashboardPanel", "%n document(s)", nullptr, 0),
             QStringLiteral("0 documents"));
}

void TestTranslation::settingLabelsAndHelpAreTranslated()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/madf_de.qm")));
    QStringList missing;
    for (const SectionSchema &section : configSchema()) {
        if (german.translate("Madf::ConfigSchema", section.help.toUtf8().constData()).isEmpty())
            missing << section.name;
        for (const FieldBinding &f : section.fields) {
            QVERIFY2(!f.spec.label.isEmpty(), qPrintable(section.name + QLatin1Char('.') + f.spec.key));
            for (const QString &text : {f.spec.label, f.spec.help})
                if (german.translate("Madf::ConfigSchema", text.toUtf8().constData()).isEmpty())
                    missing << section.name + QLatin1Char('.') + f.spec.key + QStringLiteral(": ") + text;
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));

    QVERIFY(Language::install(QStringLiteral("de")));
    const FieldSpec &threshold = findSection(QStringLiteral("orchestrator"))->field(QStringLiteral("quality_threshold"))->spec;
    QCOMPARE(threshold.displayLabel(), QStringLiteral("Qualitätsschwelle"));
    QCOMPARE(threshold.label, QStringLiteral("Quality threshold")); // files and docs stay English
}

void TestTranslation::languageChoiceIsRemembered()
{
    Language::setSaved(QStringLiteral("de"));
    QCOMPARE(Language::resolve(), QStringLiteral("de"));
    QCOMPARE(Language::resolve(QStringLiteral("en")), QStringLiteral("en")); // --lang wins for this run
    Language::setSaved({});
    QCOMPARE(Language::saved(), QString());
}

void TestTranslation::englishIsRestored()
{
    QVERIFY(Language::install(QStringLiteral("de")));
    QVERIFY(Language::install(QStringLiteral("en")));
    MainWindow w;
    QVERIFY(menuTitles(w).contains(QStringLiteral("File")));
    QCOMPARE(dockTitle(w, QStringLiteral("composerDock")), QStringLiteral("Composer"));
    QStringList status;
    for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
        status << l->text();
    QVERIFY2(status.contains(QStringLiteral("Today: $0.0000 (simulated)")), qPrintable(status.join(QLatin1Char('|'))));
}

void TestTranslation::tsFileHasNothingUnfinished()
{
    const TsSummary ts = readTs(kTsFile);
    QVERIFY2(ts.messages > 500, qPrintable(QString::number(ts.messages)));
    QVERIFY2(ts.unfinished.isEmpty(), qPrintable(ts.unfinished.join(QLatin1Char('\n'))));
    QVERIFY2(ts.vanished.isEmpty(), qPrintable(ts.vanished.join(QLatin1Char('\n'))));
    QVERIFY2(ts.emptyForms.isEmpty(), qPrintable(ts.emptyForms.join(QLatin1Char('\n'))));
}

void TestTranslation::tsFileCoversEverySourceString()
{
    // lupdate on a copy: a string added to the sources without a German
    // text comes out unfinished; one that no longer exists is dropped.
    const QString lupdate = QStandardPaths::findExecutable(QStringLiteral("lupdate"), {QStringLiteral("/usr/lib/qt6/bin")});
    if (lupdate.isEmpty())
        QSKIP("lupdate is not installed");
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("madf_de.ts"));
    QVERIFY(QFile::copy(kTsFile, copy));
    QProcess run;
    run.setProcessEnvironment([&] {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LUPDATE"), lupdate);
        return env;
    }());
    run.start(QStringLiteral("bash"), {QStringLiteral(MADF_SOURCE_DIR "/packaging/update-translations.sh"), copy});
    QVERIFY(run.waitForFinished(120000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    const TsSummary before = readTs(kTsFile), after = readTs(copy);
    QVERIFY2(after.unfinished.isEmpty(),
             qPrintable(QStringLiteral("Not translated yet (run packaging/update-translations.sh):\n")
                        + after.unfinished.join(QLatin1Char('\n'))));
    QCOMPARE(after.messages, before.messages);
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
