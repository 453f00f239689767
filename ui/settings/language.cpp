#include "language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace Madf::Ui::Language {

namespace {
// Contexts of their own: lupdate files a bare tr() in a free function under
// the namespace, so the calls name this class.
struct LanguageTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::Ui::Language)
};

const QString kSettingsKey = QStringLiteral("ui/language");

std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

QString &installed()
{
    static QString code = QStringLiteral("en");
    return code;
}

QString catalogue(const QString &code)
{
    return QStringLiteral(":/i18n/madf_%1.qm").arg(code);
}

// "de_DE" and "de-AT" both mean the German catalogue.
QString baseCode(const QString &name)
{
    return name.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
}
} // namespace

QStringList available()
{
    QStringList codes = {QStringLiteral("en")};
    for (const QString &code : {QStringLiteral("de")})
        if (QFile::exists(catalogue(code)))
            codes << code;
    return codes;
}

QString nativeName(const QString &code)
{
    if (code == QLatin1String("en"))
        return QStringLiteral("English"); // not "American English"
    const QString name = QLocale(code).nativeLanguageName();
    if (name.isEmpty())
        return code;
    return name.left(1).toUpper() + name.mid(1);
}

QString saved()
{
    return QSettings().value(kSettingsKey).toString();
}

void setSaved(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, code);
}

QString resolve(const QString &override)
{
    const QStringList codes = available();
    for (const QString &wanted : {baseCode(override), baseCode(saved())})
        if (!wanted.isEmpty() && codes.contains(wanted))
            return wanted;
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QString code = baseCode(ui);
        if (codes.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool install(const QString &requested)
{
    const QString code = baseCode(requested);
    for (auto *slot : {&appTranslator(), &qtTranslator()}) {
        if (*slot) {
            QCoreApplication::removeTranslator(slot->get());
            slot->reset();
        }
    }
    installed() = QStringLiteral("en");
    // The system locale's formats stay (de_AT keeps its own); a language
    // chosen against the system brings its formats along.
    QLocale::setDefault(QLocale::system().language() == QLocale(code).language() ? QLocale::system()
                                                                                 : QLocale(code));
    auto app = std::make_unique<QTranslator>();
    if (code == QLatin1String("en")) {
        // The source strings are English; the catalogue only says "1 document"
        // where the source has "%n document(s)".
        if (app->load(catalogue(code))) {
            QCoreApplication::installTranslator(app.get());
            appTranslator() = std::move(app);
        }
        return true;
    }
    if (!app->load(catalogue(code)))
        return false;
    QCoreApplication::installTranslator(app.get());
    appTranslator() = std::move(app);
    // Qt's own strings (standard buttons, file dialogs); missing is not an error.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    installed() = code;
    return true;
}

QString current()
{
    return installed();
}

QMenu *createMenu(QWidget *parent)
{
    auto *menu = new QMenu(LanguageTr::tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString chosen = saved();
    auto add = [&](const QString &text, const QString &code) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(code == chosen);
        action->setData(code);
        group->addAction(action);
    };
    add(LanguageTr::tr("&System default"), QString());
    menu->addSeparator();
    for (const QString &code : available())
        add(QLatin1Char('&') + nativeName(code), code);
    QObject::connect(group, &QActionGroup::triggered, menu, [parent](QAction *action) {
        const QString code = action->data().toString();
        setSaved(code);
        const QString next = resolve();
        QString text = next == current()
                           ? LanguageTr::tr("MADF Studio is already shown in %1.").arg(nativeName(next))
                           : LanguageTr::tr("MADF Studio will be shown in %1 the next time it starts.")
                                 .arg(nativeName(next));
        // Window-modal and asynchronous: no nested event loop.
        auto *box = new QMessageBox(QMessageBox::Information, LanguageTr::tr("Language"), text, QMessageBox::Ok,
                                    parent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    return menu;
}

} // namespace Madf::Ui::Language
