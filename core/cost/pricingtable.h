#pragma once

#include "core/cost/modelprice.h"
#include "core/model/tokenusage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Madf {

/** Prices of the models MADF Studio knows, in USD per 1M tokens, and the cost of
 *  a call from its token usage.
 *
 *  Rules come from YAML files (the built-in :/madf/pricing.yaml, whose header
 *  documents the format) and from the config's `pricing:` section as overrides.
 *  A rule name ending in `*` matches by prefix, any other name only exactly;
 *  names are compared ignoring case. An exact rule beats a prefix and the
 *  longest prefix wins; any override beats any file rule.
 *
 *  A model no rule matches has an unknown cost (std::nullopt), never 0. */
class PricingTable
{
    Q_DECLARE_TR_FUNCTIONS(Madf::PricingTable)

public:
    /** The table compiled into the program. Loaded once; never fails (the
     *  file is checked by the unit tests, and a broken one is logged). */
    static PricingTable builtIn();

    /** Adds the rules of a pricing file (same layout as the built-in one);
     *  a rule with a name already present replaces it. On any error nothing
     *  changes, false is returned and each problem is appended to `errors`
     *  as "file:line: key: what is wrong". */
    bool loadYaml(const QByteArray &yaml, const QString &fileName, QStringList *errors);

    /** Prices `model` (an exact name, or a prefix ending in `*`) as given,
     *  ahead of every file rule. All four prices are used as they are. */
    void setOverride(const QString &model, const ModelPrice &price);
    void clearOverrides();

    /** The price of `model`, or nullopt when no rule knows it. On a provider
     *  marked local every model costs 0 (unless an override prices it). */
    std::optional<ModelPrice> lookup(const QString &model, bool isLocalProvider = false) const;

    /** USD spent by one call (or a sum of calls) of `model`: uncached prompt
     *  tokens at the input price, cached ones at the cached-input price,
     *  cache writes at the cache-write price, completion at the output price.
     *  nullopt when the model's price is unknown. */
    std::optional<double> cost(const QString &model, const TokenUsage &usage,
                               bool localProvider = false) const;

    /** Every rule, by name, as it applies now (overrides in place of the file
     *  rule they replace, new ones last), for display. */
    QList<QPair<QString, ModelPrice>> entries() const;

    /** The unit every price in this class is in. */
    static QString unit() { return QStringLiteral("USD per 1M tokens"); }

private:
    friend struct PricingFileParser;

    struct Rule
    {
        QString name;          // as written, e.g. "gpt-4o*"
        QString key;           // lower case, without the trailing '*'
        bool prefix = false;
        bool imitate = false;  // price "<prefix><model>" as <model> when that is known
        ModelPrice price;
    };

    static Rule makeRule(const QString &name);
    static const Rule *bestMatch(const QList<Rule> &rules, const QString &name);
    static void upsert(QList<Rule> *rules, const Rule &rule);

    QList<Rule> m_rules;      // from files, in file order
    QList<Rule> m_overrides;  // from the config's pricing: section
};

} // namespace Madf
