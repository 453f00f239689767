#include "core/agents/promptlibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QStringList>

#include <algorithm>

namespace Madf {

namespace {

const QString kResourceFolder = QStringLiteral(":/madf/prompts");

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll());
}

// "## system" / "## user" open the two parts; anything before the first of
// them is a note for whoever edits the template and never reaches a model.
void splitParts(const QString &text, QString *system, QString *user)
{
    static const QRegularExpression headingRe(QStringLiteral("^##[ \\t]+(system|user)[ \\t]*$"),
                                              QRegularExpression::MultilineOption
                                                  | QRegularExpression::CaseInsensitiveOption);
    QString *current = nullptr;
    qsizetype last = 0;
    for (auto it = headingRe.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (current)
            *current += text.mid(last, m.capturedStart() - last);
        current = m.captured(1).compare(QLatin1String("system"), Qt::CaseInsensitive) == 0 ? system : user;
        last = m.capturedEnd();
    }
    if (current)
        *current += text.mid(last);
    *system = system->trimmed();
    *user = user->trimmed();
}

// [A-Za-z0-9_-]+: a file name in the folder, never a path out of it.
bool validName(const QString &name)
{
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '-';
    });
}

} // namespace

PromptLibrary::PromptLibrary(const QString &userFolder)
    : m_userFolder(userFolder)
{
    m_clock.start();
}

QString PromptLibrary::defaultUserFolder()
{
    // GenericConfigLocation follows $XDG_CONFIG_HOME (~/.config by default).
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/madf/prompts");
}

std::optional<PromptLibrary::Template> PromptLibrary::find(const QString &name) const
{
    if (!validName(name))
        return std::nullopt;
    // Every model request renders two templates: looking at the folder
    // (several system calls) each time cost more than the rendering.
    constexpr qint64 kRecheckMs = 1000;
    {
        QMutexLocker lock(&m_mutex);
        const auto cached = m_cache.constFind(name);
        if (cached != m_cache.constEnd() && m_clock.elapsed() - cached->checkedAtMs < kRecheckMs)
            return *cached;
    }

    QString path;
    QDateTime modified;
    qint64 size = -1;
    if (!m_userFolder.isEmpty()) {
        const QFileInfo user(QDir(m_userFolder).filePath(name + QStringLiteral(".md")));
        if (user.isFile()) {
            path = user.absoluteFilePath();
            modified = user.lastModified();
            size = user.size();
        }
    }
    if (path.isEmpty()) {
        path = kResourceFolder + QLatin1Char('/') + name + QStringLiteral(".md");
        if (!QFileInfo::exists(path))
            return std::nullopt;
    }

    QMutexLocker lock(&m_mutex);
    // A user file edited while the program runs is read again.
    const auto cached = m_cache.find(name);
    if (cached != m_cache.end() && cached->source == path && cached->modified == modified && cached->size == size) {
        cached->checkedAtMs = m_clock.elapsed();
        return *cached;
    }

    Template t;
    t.source = path;
    t.modified = modified;
    t.size = size;
    t.checkedAtMs = m_clock.elapsed();
    QString system, user;
    splitParts(readText(path), &system, &user);
    t.system = PromptTemplate(system);
    t.user = PromptTemplate(user);
    m_cache.insert(name, t);
    return t;
}

bool PromptLibrary::has(const QString &name) const
{
    return find(name).has_value();
}

QString PromptLibrary::system(const QString &name, const QVariantMap &vars, PromptTemplate::Parts *parts) const
{
    const auto t = find(name);
    if (!t) {
        qWarning("Prompt template '%s' not found", qPrintable(name));
        return {};
    }
    return t->system.render(name, vars, parts);
}

QString PromptLibrary::user(const QString &name, const QVariantMap &vars, PromptTemplate::Parts *parts,
                            qsizetype room) const
{
    const auto t = find(name);
    if (!t) {
        qWarning("Prompt template '%s' not found", qPrintable(name));
        return {};
    }
    return t->user.render(name, vars, parts, room);
}

QString PromptLibrary::sourceOf(const QString &name) const
{
    const auto t = find(name);
    return t ? t->source : QString();
}

QStringList PromptLibrary::names() const
{
    QStringList names;
    const QStringList filters {QStringLiteral("*.md")};
    for (const QString &folder : {kResourceFolder, m_userFolder}) {
        if (folder.isEmpty())
            continue;
        for (const QFileInfo &info : QDir(folder).entryInfoList(filters, QDir::Files)) {
            if (validName(info.completeBaseName()) && !names.contains(info.completeBaseName()))
                names << info.completeBaseName();
        }
    }
    names.sort();
    return names;
}

} // namespace Madf
