#pragma once

#include <QList>
#include <QString>

namespace Madf {

/** One problem found in a configuration: where it is, which key, the value
 *  given and what is allowed. Errors stop a file from being applied;
 *  warnings (an unknown key, a secret in the file) do not. */
struct ConfigIssue
{
    enum Severity { Warning, Error };
    Severity severity = Error;
    QString file;      ///< file path, or "environment", or "runtime"
    int line = 0;      ///< 1-based; 0 when not from a file
    int column = 0;
    QString keyPath;   ///< e.g. "agents.research.temperature"
    QString value;     ///< the value given, as text
    QString message;   ///< what is wrong and what is allowed

    /** "config.yaml:12:5: error: orchestrator.max_agents: 0 is out of range (allowed 1–1000)" */
    QString toString() const;
};

using ConfigIssues = QList<ConfigIssue>;

inline bool hasErrors(const ConfigIssues &issues)
{
    for (const ConfigIssue &i : issues)
        if (i.severity == ConfigIssue::Error)
            return true;
    return false;
}

} // namespace Madf
