#include "core/agents/promptlibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QStringList>

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

QString valueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1Char('\n'));
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList lines;
        for (const QVariant &item : value.toList())
            lines << item.toString();
        return lines.join(QLatin1Char('\n'));
    }
    return value.toString();
}

bool isTruthy(const QVariantMap &vars, const QString &name)
{
    const auto it = vars.constFind(name);
    if (it == vars.constEnd() || !it->isValid())
        return false;
    if (it->typeId() == QMetaType::Bool)
        return it->toBool();
    return !valueText(*it).trimmed().isEmpty();
}

// Sections ({{#x}}…{{/x}} kept when x is set, {{^x}}…{{/x}} when it is not)
// may nest, so the innermost ones are resolved first until none is left.
QString resolveSections(QString text, const QVariantMap &vars)
{
    static const QRegularExpression sectionRe(
        QStringLiteral("\\{\\{([#^])\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}((?:(?!\\{\\{[#^]).)*?)\\{\\{/\\s*\\2\\s*\\}\\}"),
        QRegularExpression::DotMatchesEverythingOption);
    for (int guard = 0; guard < 100; ++guard) {
        const QRegularExpressionMatch m = sectionRe.match(text);
        if (!m.hasMatch())
            break;
        const bool set = isTruthy(vars, m.captured(2));
        const bool keep = m.captured(1) == QLatin1String("#") ? set : !set;
        text.replace(m.capturedStart(), m.capturedLength(), keep ? m.captured(3) : QString());
    }
    return text;
}

void warnUnknownOnce(const QString &templateName, const QString &var)
{
    static QMutex mutex;
    static QSet<QString> warned;
    QMutexLocker lock(&mutex);
    const QString key = templateName + QLatin1Char('/') + var;
    if (warned.contains(key))
        return;
    warned.insert(key);
    qWarning("Prompt template '%s' uses {{%s}}, which is not provided: left empty",
             qPrintable(templateName), qPrintable(var));
}

// Empty optional blocks leave runs of blank lines behind: each run of three
// or more line breaks with only spaces or tabs between them becomes one
// blank line. What the regular expression \n[ \t]*\n([ \t]*\n)+ replaced
// by "\n\n" did, in one pass: the prompt holds whole drafts, and the
// expression was a good part of rendering it.
QString collapseBlankRuns(const QString &text)
{
    const qsizetype n = text.size();
    const QChar *s = text.constData();
    auto blank = [](QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t'); };
    QString out;
    qsizetype copied = 0;   // text[copied, i) is still to be appended
    for (qsizetype i = 0; i < n; ++i) {
        if (s[i] != QLatin1Char('\n'))
            continue;
        int breaks = 1;
        qsizetype lastBreak = i;
        for (qsizetype j = i + 1;;) {
            while (j < n && blank(s[j]))
                ++j;
            if (j >= n || s[j] != QLatin1Char('\n'))
                break;
            ++breaks;
            lastBreak = j++;
        }
        if (breaks < 3)
            continue;
        if (out.isNull())
            out.reserve(n);
        out.append(s + copied, i - copied);
        out.append(QLatin1String("\n\n"));
        copied = lastBreak + 1;
        i = lastBreak;
    }
    if (copied == 0)
        return text;
    out.append(s + copied, n - copied);
    return out;
}

QString render(const QString &templateName, const QString &text, const QVariantMap &vars)
{
    static const QRegularExpression varRe(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}"));
    const QString resolved = resolveSections(text, vars);
    QString out;
    out.reserve(resolved.size());
    qsizetype last = 0;
    for (auto it = varRe.globalMatch(resolved); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(resolved).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        const auto value = vars.constFind(name);
        if (value == vars.constEnd())
            warnUnknownOnce(templateName, name);
        else
            out += valueText(*value);
        last = m.capturedEnd();
    }
    out += QStringView(resolved).mid(last);
    return collapseBlankRuns(out).trimmed();
}

bool validName(const QString &name)
{
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return nameRe.match(name).hasMatch();
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
    splitParts(readText(path), &t.system, &t.user);
    m_cache.insert(name, t);
    return t;
}

bool PromptLibrary::has(const QString &name) const
{
    return find(name).has_value();
}

QString PromptLibrary::system(const QString &name, const QVariantMap &vars) const
{
    const auto t = find(name);
    if (!t) {
        qWarning("Prompt template '%s' not found", qPrintable(name));
        return {};
    }
    return render(name, t->system, vars);
}

QString PromptLibrary::user(const QString &name, const QVariantMap &vars) const
{
    const auto t = find(name);
    if (!t) {
        qWarning("Prompt template '%s' not found", qPrintable(name));
        return {};
    }
    return render(name, t->user, vars);
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
