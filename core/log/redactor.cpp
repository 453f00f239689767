#include "core/log/redactor.h"

#include <QProcessEnvironment>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <utility>

namespace Madf {

namespace {

struct PatternRule
{
    // Cheap substring test first: most log lines contain no credential at all,
    // and a case-insensitive contains() costs far less than a regex scan.
    std::array<QLatin1String, 3> triggers;
    QRegularExpression expression;
    QString replacement;

    bool mayMatch(const QString &text) const
    {
        return std::any_of(triggers.begin(), triggers.end(), [&](QLatin1String t) {
            return !t.isEmpty() && text.contains(t, Qt::CaseInsensitive);
        });
    }
};

// A header or field name, then the separator in its plain, quoted, escaped-JSON
// (`\"name\": \"value\"`) or QDebug pair (`"name", "value"`) form.
#define MADF_SEPARATOR R"((?:\\?["'])?\s*(?:[:=]|,(?=\s*\\?["']))\s*(?:\\?["'])?\s*)"

const std::array<PatternRule, 4> &patternRules()
{
    static const auto options = QRegularExpression::CaseInsensitiveOption;
    static const std::array<PatternRule, 4> rules = {{
        // Whatever follows an Authorization header is a credential, whatever its scheme.
        {{QLatin1String("authorization"), {}, {}},
         QRegularExpression(QStringLiteral(R"((authorization)" MADF_SEPARATOR R"()((?:bearer|basic|token)\s+)?[^\s"'\\,;]+)"),
                            options),
         QStringLiteral("\\1\\2[REDACTED]")},
        // Key-carrying fields and headers: x-api-key, api_key=, "api-key": ..., access_token, ...
        // A name followed by more word characters (api_key_env) names a variable, not a key.
        {{QLatin1String("key"), QLatin1String("token"), QLatin1String("secret")},
         QRegularExpression(QStringLiteral(R"(((?:api[_-]?key|access[_-]?token|refresh[_-]?token|client[_-]?secret))"
                                           MADF_SEPARATOR R"()[^\s"'\\,;&]+)"),
                            options),
         QStringLiteral("\\1[REDACTED]")},
        // A bare "Bearer <token>". Prose ("Bearer of good news", "bearer bonds") must survive,
        // so the word must look like a token: 8+ chars with a digit or symbol, or 20+ chars.
        {{QLatin1String("bearer"), {}, {}},
         QRegularExpression(QStringLiteral(R"(\b(bearer\s+)(?:(?=[A-Za-z.]*[0-9_~+/-])[A-Za-z0-9._~+/-]{8,}|[A-Za-z0-9._~+/-]{20,})=*)"),
                            options),
         QStringLiteral("\\1[REDACTED]")},
        // Provider key formats: OpenAI / Anthropic / OpenRouter (sk-, sk-ant-, sk-or-), Google (AIza).
        {{QLatin1String("sk-"), QLatin1String("AIza"), {}},
         QRegularExpression(QStringLiteral(R"((?<![A-Za-z0-9])(?:sk-[A-Za-z0-9_-]{16,}|AIza[A-Za-z0-9_-]{30,}))")),
         QStringLiteral("[REDACTED]")},
    }};
    return rules;
}

#undef MADF_SEPARATOR

} // namespace

QString Redactor::replacement()
{
    return QStringLiteral("[REDACTED]");
}

bool Redactor::addSecret(const QString &value)
{
    const QString secret = value.trimmed();
    if (secret.size() < MinimumSecretLength)
        return false;
    QWriteLocker locker(&m_lock);
    if (m_secrets.contains(secret))
        return false;
    const auto at = std::find_if(m_secrets.begin(), m_secrets.end(),
                                 [&](const QString &s) { return s.size() < secret.size(); });
    m_secrets.insert(at, secret);
    return true;
}

int Redactor::addSecretsFromEnvironment(const QProcessEnvironment &environment)
{
    int added = 0;
    const QStringList names = environment.keys();
    for (const QString &name : names) {
        if (!isSecretVariableName(name))
            continue;
        const QString value = environment.value(name).trimmed();
        if (value.size() >= MinimumEnvironmentSecretLength && addSecret(value))
            ++added;
    }
    return added;
}

void Redactor::clear()
{
    QWriteLocker locker(&m_lock);
    m_secrets.clear();
}

int Redactor::secretCount() const
{
    QReadLocker locker(&m_lock);
    return int(m_secrets.size());
}

bool Redactor::isSecretVariableName(const QString &name)
{
    // The three provider names are covered by the suffix rule; they are listed
    // so that narrowing the rule later cannot drop them by accident.
    static const QStringList providerKeys = {QStringLiteral("OPENAI_API_KEY"),
                                             QStringLiteral("ANTHROPIC_API_KEY"),
                                             QStringLiteral("OPENROUTER_API_KEY")};
    const QString upper = name.toUpper();
    return providerKeys.contains(upper) || upper.endsWith(QLatin1String("_API_KEY"))
        || upper.endsWith(QLatin1String("_TOKEN")) || upper.endsWith(QLatin1String("_SECRET"));
}

QString Redactor::redactPatterns(const QString &text)
{
    QString result = text;
    for (const PatternRule &rule : patternRules()) {
        if (rule.mayMatch(result))
            result.replace(rule.expression, rule.replacement);
    }
    return result;
}

QString Redactor::redact(const QString &text) const
{
    QStringList secrets;
    {
        // Copying the list is one atomic increment; it keeps the lock out of the replace loop.
        QReadLocker locker(&m_lock);
        secrets = m_secrets;
    }
    QString result = text;
    // Known values first: a key in an unusual place (a URL, an error body) has no shape to match.
    for (const QString &secret : std::as_const(secrets))
        result.replace(secret, replacement(), Qt::CaseSensitive);
    return redactPatterns(result);
}

} // namespace Madf
