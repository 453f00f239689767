#pragma once

#include <QString>

#include <optional>

namespace Madf {

/** What parsing a model's reply gave: a value, or why not. When `repairable`
 *  is true the orchestrator may send one repair request (Agent::repairRequest)
 *  and parse again; a reply that still fails is reported as such — never
 *  replaced by an invented value. */
template <class T>
struct ParseOutcome
{
    std::optional<T> value;
    QString error;            ///< why the reply could not be used
    bool repairable = false;  ///< invalid JSON or a wrong shape: worth one repair request

    bool ok() const { return value.has_value(); }
    static ParseOutcome success(T v) { return {std::move(v), {}, false}; }
    static ParseOutcome failure(QString why, bool repair) { return {std::nullopt, std::move(why), repair}; }
};

} // namespace Madf
