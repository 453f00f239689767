#include "core/cost/pricingtable.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace Madf {

namespace {

Q_LOGGING_CATEGORY(lcPricing, "madf.cost.pricing")

const char *const kPriceKeys[] = {"input", "cached_input", "cache_write", "output"};

QString fromYaml(const std::string &s)
{
    return QString::fromStdString(s);
}

int lineOf(const YAML::Node &node)
{
    // yaml-cpp counts lines from 0; editors and users count from 1.
    return node.Mark().line + 1;
}

} // namespace

/** Turns the text of a pricing file into rules, collecting every problem
 *  rather than stopping at the first, so one edit can fix them all. */
struct PricingFileParser
{
    using Rule = PricingTable::Rule;

    QString fileName;
    QStringList errors;
    double scale = 1.0;  // to USD per 1M tokens

    void error(int line, const QString &key, const QString &what)
    {
        errors << QStringLiteral("%1:%2: %3: %4").arg(fileName).arg(line).arg(key, what);
    }

    bool parseUnit(const YAML::Node &root)
    {
        const YAML::Node unit = root["unit"];
        if (!unit) {
            errors << QStringLiteral("%1: unit: %2").arg(fileName,
                PricingTable::tr("missing; add \"unit: %1\" so that no price can be misread")
                    .arg(PricingTable::unit()));
            return false;
        }
        const QString text = unit.IsScalar() ? fromYaml(unit.Scalar()) : QString();
        const QString normalized = text.simplified().toLower();
        if (normalized == QLatin1String("usd per 1m tokens")) {
            scale = 1.0;
            return true;
        }
        if (normalized == QLatin1String("usd per 1k tokens")) {
            scale = 1000.0;
            return true;
        }
        error(lineOf(unit), QStringLiteral("unit"),
              PricingTable::tr("\"%1\" is not a unit this program knows; write \"USD per 1M tokens\" "
                               "(or \"USD per 1K tokens\")").arg(text));
        return false;
    }

    std::optional<double> parsePrice(const YAML::Node &value, const QString &key)
    {
        const QString text = value.IsScalar() ? fromYaml(value.Scalar()) : QString();
        bool ok = false;
        const double price = text.toDouble(&ok);
        if (!ok || !std::isfinite(price)) {
            error(lineOf(value), key,
                  PricingTable::tr("\"%1\" is not a number; give a price in USD per 1M tokens, e.g. 2.50")
                      .arg(text));
            return std::nullopt;
        }
        if (price < 0) {
            error(lineOf(value), key,
                  PricingTable::tr("\"%1\" is negative; a price must be 0 or more").arg(text));
            return std::nullopt;
        }
        return price * scale;
    }

    std::optional<Rule> parseModel(const YAML::Node &nameNode, const YAML::Node &body)
    {
        const QString name = fromYaml(nameNode.Scalar()).trimmed();
        const QString where = QStringLiteral("models.") + name;
        const int star = name.indexOf(QLatin1Char('*'));
        if (name.isEmpty() || (star >= 0 && star != name.size() - 1)) {
            error(lineOf(nameNode), where,
                  PricingTable::tr("a model name may only end in '*' (a prefix), not contain it elsewhere"));
            return std::nullopt;
        }
        if (!body.IsMap()) {
            error(lineOf(nameNode), where,
                  PricingTable::tr("expected the prices as a map, e.g. {input: 2.50, output: 10.00}"));
            return std::nullopt;
        }

        Rule rule = PricingTable::makeRule(name);
        std::optional<double> prices[4];
        bool ok = true;
        for (auto it = body.begin(); it != body.end(); ++it) {
            const QString key = fromYaml(it->first.Scalar());
            const QString keyPath = where + QLatin1Char('.') + key;
            if (key == QLatin1String("imitate")) {
                bool imitate = false;
                if (!YAML::convert<bool>::decode(it->second, imitate)) {
                    error(lineOf(it->second), keyPath,
                          PricingTable::tr("\"%1\" is not true or false").arg(fromYaml(it->second.Scalar())));
                    ok = false;
                } else if (imitate && !rule.prefix) {
                    error(lineOf(it->second), keyPath,
                          PricingTable::tr("only a prefix rule (a name ending in '*') can imitate"));
                    ok = false;
                }
                rule.imitate = imitate;
                continue;
            }
            int index = -1;
            for (int i = 0; i < 4; ++i) {
                if (key == QLatin1String(kPriceKeys[i]))
                    index = i;
            }
            if (index < 0) {
                error(lineOf(it->first), keyPath,
                      PricingTable::tr("unknown key; expected input, cached_input, cache_write, output or imitate"));
                ok = false;
                continue;
            }
            prices[index] = parsePrice(it->second, keyPath);
            ok = ok && prices[index].has_value();
        }
        for (int i : {0, 3}) {
            if (!body[kPriceKeys[i]]) {
                error(lineOf(nameNode), where,
                      PricingTable::tr("\"%1\" is missing").arg(QLatin1String(kPriceKeys[i])));
                ok = false;
            }
        }
        if (!ok)
            return std::nullopt;

        rule.price.input = *prices[0];
        // Providers without prompt caching bill every prompt token at the input price.
        rule.price.cachedInput = prices[1].value_or(rule.price.input);
        rule.price.cacheWrite = prices[2].value_or(rule.price.input);
        rule.price.output = *prices[3];
        return rule;
    }

    bool parse(const QByteArray &yaml, QList<Rule> *rules)
    {
        YAML::Node root;
        try {
            root = YAML::Load(yaml.toStdString());
        } catch (const YAML::Exception &e) {
            errors << QStringLiteral("%1:%2:%3: %4").arg(fileName).arg(e.mark.line + 1).arg(e.mark.column + 1)
                          .arg(PricingTable::tr("not valid YAML: %1").arg(fromYaml(e.msg)));
            return false;
        }
        if (!root.IsMap()) {
            errors << QStringLiteral("%1: %2").arg(fileName,
                PricingTable::tr("expected a map with the keys \"unit\" and \"models\""));
            return false;
        }

        bool ok = parseUnit(root);
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString key = fromYaml(it->first.Scalar());
            if (key != QLatin1String("unit") && key != QLatin1String("models")) {
                error(lineOf(it->first), key, PricingTable::tr("unknown key; expected \"unit\" or \"models\""));
                ok = false;
            }
        }

        const YAML::Node models = root["models"];
        if (!models || !models.IsMap()) {
            errors << QStringLiteral("%1: models: %2").arg(fileName,
                PricingTable::tr("missing or not a map of model name to prices"));
            return false;
        }
        QHash<QString, int> seen;  // name -> line, to catch a rule written twice
        for (auto it = models.begin(); it != models.end(); ++it) {
            const QString name = fromYaml(it->first.Scalar()).trimmed();
            const QString lower = name.toLower();
            if (seen.contains(lower)) {
                error(lineOf(it->first), QStringLiteral("models.") + name,
                      PricingTable::tr("given twice (first on line %1)").arg(seen.value(lower)));
                ok = false;
                continue;
            }
            seen.insert(lower, lineOf(it->first));
            if (const auto rule = parseModel(it->first, it->second))
                rules->append(*rule);
            else
                ok = false;
        }
        return ok;
    }
};

PricingTable PricingTable::builtIn()
{
    static const PricingTable table = [] {
        PricingTable t;
        const QString path = QStringLiteral(":/madf/pricing.yaml");
        QFile file(path);
        QStringList errors;
        if (!file.open(QIODevice::ReadOnly))
            errors << QStringLiteral("%1: %2").arg(path, file.errorString());
        else
            t.loadYaml(file.readAll(), path, &errors);
        // Only a broken build gets here; run on with what loaded, costs unknown.
        for (const QString &e : std::as_const(errors))
            qCCritical(lcPricing).noquote() << e;
        return t;
    }();
    return table;
}

bool PricingTable::loadYaml(const QByteArray &yaml, const QString &fileName, QStringList *errors)
{
    PricingFileParser parser;
    parser.fileName = fileName;
    QList<Rule> rules;
    const bool ok = parser.parse(yaml, &rules);
    if (errors)
        *errors << parser.errors;
    if (!ok)
        return false;
    for (const Rule &rule : std::as_const(rules))
        upsert(&m_rules, rule);
    return true;
}

void PricingTable::setOverride(const QString &model, const ModelPrice &price)
{
    Rule rule = makeRule(model.trimmed());
    rule.price = price;
    upsert(&m_overrides, rule);
}

void PricingTable::clearOverrides()
{
    m_overrides.clear();
}

std::optional<ModelPrice> PricingTable::lookup(const QString &model, bool isLocalProvider) const
{
    const QString name = model.trimmed().toLower();
    if (name.isEmpty())
        return std::nullopt;

    if (const Rule *rule = bestMatch(m_overrides, name)) {
        ModelPrice price = rule->price;
        price.matchedRule = tr("%1 (override)").arg(rule->name);
        return price;
    }
    if (isLocalProvider) {
        ModelPrice free;
        free.matchedRule = tr("local provider");
        return free;
    }
    const Rule *rule = bestMatch(m_rules, name);
    if (!rule)
        return std::nullopt;
    // Guarding on a non-empty prefix keeps the recursion finite: the rest is shorter.
    if (rule->imitate && !rule->key.isEmpty()) {
        if (auto imitated = lookup(name.mid(rule->key.size()))) {
            imitated->matchedRule = tr("%1 as %2").arg(rule->name, imitated->matchedRule);
            return imitated;
        }
    }
    ModelPrice price = rule->price;
    price.matchedRule = rule->name;
    return price;
}

std::optional<double> PricingTable::cost(const QString &model, const TokenUsage &usage,
                                         bool localProvider) const
{
    const auto price = lookup(model, localProvider);
    if (!price)
        return std::nullopt;
    const double microDollars = double(usage.uncachedPromptTokens()) * price->input
                              + double(usage.cachedPromptTokens) * price->cachedInput
                              + double(usage.cacheWriteTokens) * price->cacheWrite
                              + double(usage.completionTokens) * price->output;
    return microDollars / 1e6;
}

QList<QPair<QString, ModelPrice>> PricingTable::entries() const
{
    QList<Rule> rules = m_rules;
    for (Rule override : m_overrides) {
        override.price.matchedRule = tr("%1 (override)").arg(override.name);
        upsert(&rules, override);
    }
    QList<QPair<QString, ModelPrice>> result;
    result.reserve(rules.size());
    for (const Rule &rule : std::as_const(rules)) {
        ModelPrice price = rule.price;
        if (price.matchedRule.isEmpty())
            price.matchedRule = rule.name;
        result.append({rule.name, price});
    }
    return result;
}

PricingTable::Rule PricingTable::makeRule(const QString &name)
{
    Rule rule;
    rule.name = name;
    rule.prefix = name.endsWith(QLatin1Char('*'));
    rule.key = (rule.prefix ? name.chopped(1) : name).toLower();
    return rule;
}

const PricingTable::Rule *PricingTable::bestMatch(const QList<Rule> &rules, const QString &name)
{
    const Rule *best = nullptr;
    for (const Rule &rule : rules) {
        if (!rule.prefix) {
            if (rule.key == name)
                return &rule;
            continue;
        }
        if (name.startsWith(rule.key) && (!best || rule.key.size() > best->key.size()))
            best = &rule;
    }
    return best;
}

void PricingTable::upsert(QList<Rule> *rules, const Rule &rule)
{
    for (Rule &existing : *rules) {
        if (existing.key == rule.key && existing.prefix == rule.prefix) {
            existing = rule;
            return;
        }
    }
    rules->append(rule);
}

} // namespace Madf
