#pragma once

#include <QReadWriteLock>
#include <QString>
#include <QStringList>

class QProcessEnvironment;

namespace Madf {

/**
 * Removes credentials from text before it reaches a log: the secret values it
 * has been told about (the API keys in force) and anything shaped like a
 * credential (Authorization and x-api-key headers, api_key fields, provider
 * key formats such as `sk-...`). The logging layer runs every message through
 * one process-wide instance; it is thread-safe.
 */
class Redactor
{
public:
    /** Registered secrets shorter than this are ignored: they would match ordinary text. */
    static constexpr int MinimumSecretLength = 4;
    /** Environment values shorter than this are not taken as secrets (flags, counts, "true"). */
    static constexpr int MinimumEnvironmentSecretLength = 8;

    /** What a credential is replaced with: `[REDACTED]`. */
    static QString replacement();

    /** Remembers @p value (trimmed) so it is redacted wherever it appears.
     *  Returns false when the value was too short or already known. */
    bool addSecret(const QString &value);
    /** Registers the values of the provider key variables and of every variable whose
     *  name ends in _API_KEY, _TOKEN or _SECRET. Returns how many were added. */
    int addSecretsFromEnvironment(const QProcessEnvironment &environment);
    void clear();
    int secretCount() const;

    /** @p text with every known secret and every credential-shaped string replaced. */
    QString redact(const QString &text) const;

    /** True for variable names whose value is a credential (OPENAI_API_KEY, GITHUB_TOKEN, ...). */
    static bool isSecretVariableName(const QString &name);
    /** Only the shape-based rules (headers, fields, key formats); no registered secrets. */
    static QString redactPatterns(const QString &text);

private:
    mutable QReadWriteLock m_lock;
    QStringList m_secrets; // longest first, so a secret that contains another goes whole
};

} // namespace Madf
