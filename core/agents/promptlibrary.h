#pragma once

#include "core/agents/prompttemplate.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace Madf {

/** Prompt templates: `resources/prompts/<name>.md` compiled in, each
 *  overridable by a file of the same name in a user folder
 *  ($XDG_CONFIG_HOME/madf/prompts/ by default). A template has a
 *  `## system` part and a `## user` part; `{{name}}` is replaced by a
 *  variable, `{{#name}}...{{/name}}` is kept only when the variable is
 *  non-empty (and `{{^name}}...{{/name}}` only when it is empty or absent).
 *  A variable the caller does not provide renders empty, with one warning.
 *  Text before the first `## system` / `## user` heading is a note for
 *  template authors and is never sent. A user file added or edited while
 *  the program runs is used from the next request a second later at most
 *  (the folder is not looked at for every request). Thread-safe. */
class PromptLibrary
{
public:
    explicit PromptLibrary(const QString &userFolder = defaultUserFolder());

    static QString defaultUserFolder();

    /** False when the template exists neither as a user file nor built in. */
    bool has(const QString &name) const;
    /** The rendered part; @p parts, when given, adds what it is made of. */
    QString system(const QString &name, const QVariantMap &vars, PromptTemplate::Parts *parts = nullptr) const;
    /** @p room: characters the caller will append (see PromptTemplate::render()). */
    QString user(const QString &name, const QVariantMap &vars, PromptTemplate::Parts *parts = nullptr,
                 qsizetype room = 0) const;
    /** Where the template was read from (resource path or user file). */
    QString sourceOf(const QString &name) const;
    QStringList names() const;

private:
    struct Template
    {
        PromptTemplate system;
        PromptTemplate user;
        QString source;
        QDateTime modified;  ///< user files only: re-read when it or the size changes
        qint64 size = -1;
        qint64 checkedAtMs = 0;  ///< m_clock when the files were last looked at
    };
    std::optional<Template> find(const QString &name) const;

    QString m_userFolder;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    mutable QHash<QString, Template> m_cache;
};

} // namespace Madf
