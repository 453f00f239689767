#include "configschema.h"

#include "config.h"

#include <QCoreApplication>

namespace Madf {

namespace {

// Labels and help stay English in the schema: files, docs and logs use
// them as they are, and the GUI translates them where it shows them
// (FieldSpec::displayLabel/displayHelp). The builder class gives lupdate
// the context of the QT_TR_NOOP texts.
struct SchemaBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Madf::ConfigSchema)
public:
    static QList<SectionSchema> build();
};

// Conversions between member types and the QVariant the generic code uses.
QVariant toVariant(bool v) { return v; }
QVariant toVariant(int v) { return v; }
QVariant toVariant(double v) { return v; }
QVariant toVariant(const QString &v) { return v; }
QVariant toVariant(const QStringList &v) { return v; }
QVariant toVariant(const QMap<QString, QString> &v)
{
    QVariantMap m;
    for (auto it = v.begin(); it != v.end(); ++it)
        m.insert(it.key(), it.value());
    return m;
}
QVariant toVariant(const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); }

void fromVariant(bool &m, const QVariant &v) { m = v.toBool(); }
void fromVariant(int &m, const QVariant &v) { m = v.toInt(); }
void fromVariant(double &m, const QVariant &v) { m = v.toDouble(); }
void fromVariant(QString &m, const QVariant &v) { m = v.toString(); }
void fromVariant(QStringList &m, const QVariant &v) { m = v.toStringList(); }
void fromVariant(QMap<QString, QString> &m, const QVariant &v)
{
    m.clear();
    const QVariantMap in = v.toMap();
    for (auto it = in.begin(); it != in.end(); ++it)
        m.insert(it.key(), it.value().toString());
}
void fromVariant(std::optional<double> &m, const QVariant &v)
{
    m = v.isValid() && !v.isNull() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

// The default of a field is whatever the struct's member initialiser says,
// so defaults are written exactly once (in the struct).
template <class S, class M>
FieldBinding bind(M S::*member, FieldSpec spec)
{
    FieldBinding b;
    spec.defaultValue = toVariant(S{}.*member);
    b.spec = std::move(spec);
    b.get = [member](const void *o) { return toVariant(static_cast<const S *>(o)->*member); };
    b.set = [member](void *o, const QVariant &v) { fromVariant(static_cast<S *>(o)->*member, v); };
    return b;
}

// A field of a struct nested in the section object (AgentConfig::modelConfig).
template <class S, class Sub, class M>
FieldBinding bind(Sub S::*sub, M Sub::*member, FieldSpec spec)
{
    FieldBinding b;
    spec.defaultValue = toVariant(S{}.*sub.*member);
    b.spec = std::move(spec);
    b.get = [sub, member](const void *o) { return toVariant(static_cast<const S *>(o)->*sub.*member); };
    b.set = [sub, member](void *o, const QVariant &v) { fromVariant(static_cast<S *>(o)->*sub.*member, v); };
    return b;
}

FieldSpec num(const QString &key, const char *label, FieldKind kind, double min, double max, const char *help,
              const QString &unit = {}, const QString &env = {})
{
    FieldSpec s;
    s.key = key;
    s.label = QString::fromUtf8(label);
    s.kind = kind;
    s.minimum = min;
    s.maximum = max;
    s.help = QString::fromUtf8(help);
    s.unit = unit;
    s.envVar = env;
    return s;
}

FieldSpec spec(const QString &key, const char *label, FieldKind kind, const char *help, const QString &env = {})
{
    FieldSpec s;
    s.key = key;
    s.label = QString::fromUtf8(label);
    s.kind = kind;
    s.help = QString::fromUtf8(help);
    s.envVar = env;
    return s;
}

FieldSpec choice(const QString &key, const char *label, const QStringList &choices, const char *help,
                 const QString &env = {})
{
    FieldSpec s = spec(key, label, FieldKind::Enum, help, env);
    s.choices = choices;
    return s;
}

template <class S, S Config::*member>
SectionSchema single(const QString &name, const QString &help, QList<FieldBinding> fields)
{
    SectionSchema s;
    s.name = name;
    s.help = help;
    s.fields = std::move(fields);
    s.object = [](Config &c, const QString &, bool) -> void * { return &(c.*member); };
    s.constObject = [](const Config &c, const QString &) -> const void * { return &(c.*member); };
    return s;
}

template <class S, QMap<QString, S> Config::*member>
SectionSchema keyed(const QString &name, const QString &help, QList<FieldBinding> fields,
                    void (*init)(S &, const QString &))
{
    SectionSchema s;
    s.name = name;
    s.help = help;
    s.keyed = true;
    s.fields = std::move(fields);
    s.object = [init](Config &c, const QString &instance, bool create) -> void * {
        auto &map = c.*member;
        auto it = map.find(instance);
        if (it == map.end()) {
            if (!create)
                return nullptr;
            S fresh;
            init(fresh, instance);
            it = map.insert(instance, fresh);
        }
        return &it.value();
    };
    s.constObject = [](const Config &c, const QString &instance) -> const void * {
        const auto &map = c.*member;
        auto it = map.constFind(instance);
        return it == map.constEnd() ? nullptr : &it.value();
    };
    s.instances = [](const Config &c) { return (c.*member).keys(); };
    return s;
}

QList<SectionSchema> SchemaBuilder::build()
{
    using K = FieldKind;
    QList<SectionSchema> all;

    all << single<OrchestratorConfig, &Config::orchestrator>(
        QStringLiteral("orchestrator"), QT_TR_NOOP("How documents are scheduled, timed and judged."),
        {
            bind(&OrchestratorConfig::maxAgents,
                 num(QStringLiteral("max_agents"), QT_TR_NOOP("Agent pool size"), K::Int, 1, 1000,
                     QT_TR_NOOP("Size of the agent pool: how many agents can work at once."), {},
                     QStringLiteral("MADF_MAX_AGENTS"))),
            bind(&OrchestratorConfig::timeout,
                 num(QStringLiteral("timeout"), QT_TR_NOOP("Document time limit"), K::Int, 1, 86400,
                     QT_TR_NOOP("Time limit for a whole document; when it runs out the document fails "
                                "with its partial work kept."),
                     QStringLiteral("s"), QStringLiteral("MADF_TIMEOUT"))),
            bind(&OrchestratorConfig::qualityThreshold,
                 num(QStringLiteral("quality_threshold"), QT_TR_NOOP("Quality threshold"), K::Double, 0, 1,
                     QT_TR_NOOP("Score a document must reach; below it the document is revised."), {},
                     QStringLiteral("MADF_QUALITY_THRESHOLD"))),
            bind(&OrchestratorConfig::enableParallel,
                 spec(QStringLiteral("enable_parallel"), QT_TR_NOOP("Parallel calls"), K::Bool,
                      QT_TR_NOOP("Run independent agent calls (research questions, sections, checks) in parallel."),
                      QStringLiteral("MADF_ENABLE_PARALLEL"))),
            bind(&OrchestratorConfig::maxConcurrentTasks,
                 num(QStringLiteral("max_concurrent_tasks"), QT_TR_NOOP("Concurrent calls"), K::Int, 1, 1000,
                     QT_TR_NOOP("Model calls in flight at once, across all documents."), {},
                     QStringLiteral("MADF_MAX_CONCURRENT_TASKS"))),
            bind(&OrchestratorConfig::retryAttempts,
                 num(QStringLiteral("retry_attempts"), QT_TR_NOOP("Revision rounds"), K::Int, 0, 20,
                     QT_TR_NOOP("Revision rounds for a document below the quality threshold."), {},
                     QStringLiteral("MADF_RETRY_ATTEMPTS"))),
        });

    FieldSpec apiKey = spec(QStringLiteral("api_key"), QT_TR_NOOP("API key"), K::String,
                            QT_TR_NOOP("Deprecated: a key written here is readable by anyone who can read the "
                                       "file. Use the provider's api_key_env instead."));
    apiKey.secret = true;
    FieldSpec model = spec(QStringLiteral("model"), QT_TR_NOOP("Model"), K::String,
                           QT_TR_NOOP("Model name as the provider knows it."));
    model.offersChoices = true; // the Inspector lists what the agent's endpoint serves

    all << keyed<AgentConfig, &Config::agents>(
        QStringLiteral("agents"), QT_TR_NOOP("One entry per agent: which model it uses and how it calls it."),
        {
            bind(&AgentConfig::modelConfig, &ModelConfig::provider,
                 spec(QStringLiteral("provider"), QT_TR_NOOP("Provider"), K::String,
                      QT_TR_NOOP("Name of an entry in `providers` (openai, anthropic, ollama, simulated, "
                                 "or your own)."))),
            bind(&AgentConfig::modelConfig, &ModelConfig::model, model),
            bind(&AgentConfig::modelConfig, &ModelConfig::temperature,
                 num(QStringLiteral("temperature"), QT_TR_NOOP("Temperature"), K::Double, 0, 2,
                     QT_TR_NOOP("Sampling temperature: low for facts and checks, higher for prose."))),
            bind(&AgentConfig::modelConfig, &ModelConfig::maxTokens,
                 num(QStringLiteral("max_tokens"), QT_TR_NOOP("Reply token limit"), K::Int, 1, 1000000,
                     QT_TR_NOOP("Most tokens one reply may have."), QStringLiteral("tokens"))),
            bind(&AgentConfig::timeout,
                 num(QStringLiteral("timeout"), QT_TR_NOOP("Call time limit"), K::Int, 1, 3600,
                     QT_TR_NOOP("Time limit for one model call, retries included."), QStringLiteral("s"))),
            bind(&AgentConfig::maxRetries,
                 num(QStringLiteral("max_retries"), QT_TR_NOOP("Retries"), K::Int, 0, 10,
                     QT_TR_NOOP("Retries of a failed call (rate limits, server errors, timeouts)."))),
            bind(&AgentConfig::cacheEnabled,
                 spec(QStringLiteral("cache_enabled"), QT_TR_NOOP("Response cache"), K::Bool,
                      QT_TR_NOOP("Serve repeated identical calls from the response cache at no cost."),
                      QStringLiteral("MADF_ENABLE_CACHE"))),
            bind(&AgentConfig::modelConfig, &ModelConfig::apiKey, apiKey),
        },
        [](AgentConfig &a, const QString &name) { a.name = name; });

    all << single<QualityConfig, &Config::quality>(
        QStringLiteral("quality"), QT_TR_NOOP("How thoroughly documents are verified."),
        {
            bind(&QualityConfig::minScore,
                 num(QStringLiteral("min_score"), QT_TR_NOOP("Minimum dimension score"), K::Double, 0, 1,
                     QT_TR_NOOP("Lowest score a single quality dimension may have before it is reported."))),
            bind(&QualityConfig::verificationDepth,
                 choice(QStringLiteral("verification_depth"), QT_TR_NOOP("Verification depth"),
                        {QStringLiteral("basic"), QStringLiteral("standard"), QStringLiteral("comprehensive")},
                        QT_TR_NOOP("basic: local checks only; standard: plus one rubric call; comprehensive: "
                                   "accuracy, completeness and quality checks in parallel."))),
            bind(&QualityConfig::factCheck,
                 spec(QStringLiteral("fact_check"), QT_TR_NOOP("Fact check"), K::Bool,
                      QT_TR_NOOP("Check claims against the research brief."))),
            bind(&QualityConfig::requireSources,
                 spec(QStringLiteral("require_sources"), QT_TR_NOOP("Require sources"), K::Bool,
                      QT_TR_NOOP("Every section must cite at least one source."))),
        });

    all << single<LoggingConfig, &Config::logging>(
        QStringLiteral("logging"), QT_TR_NOOP("Log level and log file."),
        {
            bind(&LoggingConfig::level,
                 choice(QStringLiteral("level"), QT_TR_NOOP("Log level"),
                        {QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
                         QStringLiteral("warning"), QStringLiteral("error"), QStringLiteral("critical"),
                         QStringLiteral("off")},
                        QT_TR_NOOP("Messages below this level are dropped."), QStringLiteral("MADF_LOG_LEVEL"))),
            bind(&LoggingConfig::file,
                 spec(QStringLiteral("file"), QT_TR_NOOP("Log file"), K::String,
                      QT_TR_NOOP("Log file; a relative path is inside the state directory. Empty: no file."))),
            bind(&LoggingConfig::format,
                 spec(QStringLiteral("format"), QT_TR_NOOP("Log format"), K::String,
                      QT_TR_NOOP("Kept for compatibility with Python MADF files; MADF Studio uses its own pattern."))),
            bind(&LoggingConfig::maxFileSizeMb,
                 num(QStringLiteral("max_file_size_mb"), QT_TR_NOOP("Log file size limit"), K::Int, 1, 1024,
                     QT_TR_NOOP("Size at which the log file is rotated."), QStringLiteral("MB"))),
            bind(&LoggingConfig::maxFiles,
                 num(QStringLiteral("max_files"), QT_TR_NOOP("Log files kept"), K::Int, 1, 100,
                     QT_TR_NOOP("Rotated log files kept."))),
        });

    FieldSpec baseUrls = spec(QStringLiteral("base_urls"), QT_TR_NOOP("Base URLs"), K::StringList,
                              QT_TR_NOOP("One or more base URLs (replicas), e.g. https://api.openai.com/v1."));
    baseUrls.aliases = {QStringLiteral("base_url")};
    all << keyed<ProviderConfig, &Config::providers>(
        QStringLiteral("providers"), QT_TR_NOOP("Named model endpoints that agents refer to."),
        {
            bind(&ProviderConfig::api,
                 choice(QStringLiteral("api"), QT_TR_NOOP("API format"),
                        {QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("simulated")},
                        QT_TR_NOOP("Wire format: openai (Chat Completions: OpenAI, Ollama, llama.cpp, vLLM, "
                                   "LM Studio, OpenRouter...), anthropic (Messages), or simulated (built in, "
                                   "offline)."))),
            bind(&ProviderConfig::baseUrls, baseUrls),
            bind(&ProviderConfig::apiKeyEnv,
                 spec(QStringLiteral("api_key_env"), QT_TR_NOOP("API key variable"), K::String,
                      QT_TR_NOOP("Environment variable holding the API key. The key itself never goes in this file."))),
            bind(&ProviderConfig::headers,
                 spec(QStringLiteral("headers"), QT_TR_NOOP("HTTP headers"), K::StringMap,
                      QT_TR_NOOP("Extra HTTP headers sent with every request."))),
            bind(&ProviderConfig::local,
                 spec(QStringLiteral("local"), QT_TR_NOOP("Local server"), K::Bool,
                      QT_TR_NOOP("A server on your machine: its models cost nothing unless `pricing` says "
                                 "otherwise."))),
            bind(&ProviderConfig::connectTimeout,
                 num(QStringLiteral("connect_timeout"), QT_TR_NOOP("Connect timeout"), K::Int, 1, 600,
                     QT_TR_NOOP("Time allowed to open a connection."), QStringLiteral("s"))),
            bind(&ProviderConfig::inactivityTimeout,
                 num(QStringLiteral("inactivity_timeout"), QT_TR_NOOP("Inactivity timeout"), K::Int, 1, 3600,
                     QT_TR_NOOP("A call fails when no byte arrives for this long."), QStringLiteral("s"))),
            bind(&ProviderConfig::maxInFlight,
                 num(QStringLiteral("max_in_flight"), QT_TR_NOOP("Requests in flight"), K::Int, 1, 4096,
                     QT_TR_NOOP("Most requests in flight at once per base URL."))),
            bind(&ProviderConfig::requestsPerMinute,
                 num(QStringLiteral("requests_per_minute"), QT_TR_NOOP("Requests per minute"), K::Int, 0, 10000000,
                     QT_TR_NOOP("Our own request budget per minute; 0 = none (the server's headers still apply)."))),
            bind(&ProviderConfig::tokensPerMinute,
                 num(QStringLiteral("tokens_per_minute"), QT_TR_NOOP("Tokens per minute"), K::Int, 0, 2000000000,
                     QT_TR_NOOP("Our own token budget per minute; 0 = none (the server's headers still apply)."))),
            bind(&ProviderConfig::circuitFailures,
                 num(QStringLiteral("circuit_failures"), QT_TR_NOOP("Failures before pause"), K::Int, 1, 1000,
                     QT_TR_NOOP("Consecutive failures after which a replica is taken out of service."))),
            bind(&ProviderConfig::circuitCooldown,
                 num(QStringLiteral("circuit_cooldown"), QT_TR_NOOP("Pause after failures"), K::Int, 1, 3600,
                     QT_TR_NOOP("Time before a replica taken out is tried again."), QStringLiteral("s"))),
            bind(&ProviderConfig::speed,
                 num(QStringLiteral("speed"), QT_TR_NOOP("Simulation speed"), K::Double, 0, 1000,
                     QT_TR_NOOP("Simulated provider only: latency scale; 1 = like the real model, 0 = instant."))),
        },
        [](ProviderConfig &p, const QString &name) { p.name = name; });

    all << keyed<PriceOverride, &Config::pricing>(
        QStringLiteral("pricing"), QT_TR_NOOP("Price overrides in USD per 1M tokens, by model name."),
        {
            bind(&PriceOverride::input,
                 num(QStringLiteral("input"), QT_TR_NOOP("Input"), K::Double, 0, 100000,
                     QT_TR_NOOP("Uncached input."), QStringLiteral("USD/1M"))),
            bind(&PriceOverride::cachedInput,
                 num(QStringLiteral("cached_input"), QT_TR_NOOP("Cached input"), K::Double, 0, 100000,
                     QT_TR_NOOP("Input read from the prompt cache."), QStringLiteral("USD/1M"))),
            bind(&PriceOverride::cacheWrite,
                 num(QStringLiteral("cache_write"), QT_TR_NOOP("Cache write"), K::Double, 0, 100000,
                     QT_TR_NOOP("Input written to the prompt cache."), QStringLiteral("USD/1M"))),
            bind(&PriceOverride::output,
                 num(QStringLiteral("output"), QT_TR_NOOP("Output"), K::Double, 0, 100000,
                     QT_TR_NOOP("Output, reasoning included."), QStringLiteral("USD/1M"))),
        },
        [](PriceOverride &p, const QString &name) { p.model = name; });

    all << single<BudgetConfig, &Config::budget>(
        QStringLiteral("budget"), QT_TR_NOOP("Spending caps; work stops before exceeding one, and is kept."),
        {
            bind(&BudgetConfig::perDocument,
                 num(QStringLiteral("per_document"), QT_TR_NOOP("Per document"), K::Double, 0, 1000000,
                     QT_TR_NOOP("Most one document may cost; 0 = no cap."), QStringLiteral("USD"))),
            bind(&BudgetConfig::perBatch,
                 num(QStringLiteral("per_batch"), QT_TR_NOOP("Per batch"), K::Double, 0, 1000000,
                     QT_TR_NOOP("Most one batch may cost; 0 = no cap."), QStringLiteral("USD"))),
        });

    all << single<CacheConfig, &Config::cache>(
        QStringLiteral("cache"), QT_TR_NOOP("Limits of the agent response cache."),
        {
            bind(&CacheConfig::memoryEntries,
                 num(QStringLiteral("memory_entries"), QT_TR_NOOP("Entries in memory"), K::Int, 0, 1000000,
                     QT_TR_NOOP("Replies kept in memory (least recently used go first)."))),
            bind(&CacheConfig::diskMaxMb,
                 num(QStringLiteral("disk_max_mb"), QT_TR_NOOP("Disk cache size"), K::Int, 0, 1000000,
                     QT_TR_NOOP("Size of the on-disk cache; 0 = no disk cache."), QStringLiteral("MB"))),
            bind(&CacheConfig::ttlHours,
                 num(QStringLiteral("ttl_hours"), QT_TR_NOOP("Entry lifetime"), K::Int, 0, 87600,
                     QT_TR_NOOP("Age after which a cached reply is no longer used; 0 = forever."),
                     QStringLiteral("h"))),
        });

    all << single<StorageConfig, &Config::storage>(
        QStringLiteral("storage"), QT_TR_NOOP("Where state and documents are kept."),
        {
            bind(&StorageConfig::statePath,
                 spec(QStringLiteral("state_path"), QT_TR_NOOP("State directory"), K::String,
                      QT_TR_NOOP("State directory (database, cache, logs). Empty: the platform's standard place."),
                      QStringLiteral("MADF_STATE_PATH"))),
            bind(&StorageConfig::outputPath,
                 spec(QStringLiteral("output_path"), QT_TR_NOOP("Export folder"), K::String,
                      QT_TR_NOOP("Where exported documents go. Empty: ~/Documents/MADF."),
                      QStringLiteral("MADF_OUTPUT_PATH"))),
        });

    all << single<MetricsConfig, &Config::metrics>(
        QStringLiteral("metrics"), QT_TR_NOOP("Prometheus metrics and the rolling performance window."),
        {
            bind(&MetricsConfig::enabled,
                 spec(QStringLiteral("enabled"), QT_TR_NOOP("Prometheus metrics"), K::Bool,
                      QT_TR_NOOP("Serve Prometheus text metrics over HTTP."), QStringLiteral("MADF_METRICS_ENABLED"))),
            bind(&MetricsConfig::port,
                 num(QStringLiteral("port"), QT_TR_NOOP("Metrics port"), K::Int, 1, 65535,
                     QT_TR_NOOP("Port of the metrics endpoint (on 127.0.0.1)."), {},
                     QStringLiteral("MADF_METRICS_PORT"))),
            bind(&MetricsConfig::windowSize,
                 num(QStringLiteral("window_size"), QT_TR_NOOP("Rolling window"), K::Int, 1, 100000,
                     QT_TR_NOOP("Documents in the rolling latency/quality window."))),
        });
    return all;
}

} // namespace

const FieldBinding *SectionSchema::field(const QString &keyOrAlias) const
{
    for (const FieldBinding &f : fields)
        if (f.spec.key == keyOrAlias || f.spec.aliases.contains(keyOrAlias))
            return &f;
    return nullptr;
}

QStringList SectionSchema::keys() const
{
    QStringList k;
    for (const FieldBinding &f : fields)
        k << f.spec.key << f.spec.aliases;
    return k;
}

const QList<SectionSchema> &configSchema()
{
    static const QList<SectionSchema> schema = SchemaBuilder::build();
    return schema;
}

const SectionSchema *findSection(const QString &name)
{
    for (const SectionSchema &s : configSchema())
        if (s.name == name)
            return &s;
    return nullptr;
}

std::optional<KeyPath> KeyPath::parse(const QString &path)
{
    const qsizetype firstDot = path.indexOf(QLatin1Char('.'));
    const qsizetype lastDot = path.lastIndexOf(QLatin1Char('.'));
    if (firstDot <= 0 || lastDot == path.size() - 1)
        return std::nullopt;
    KeyPath kp;
    kp.section = findSection(path.left(firstDot));
    if (!kp.section)
        return std::nullopt;
    if (kp.section->keyed) {
        if (lastDot == firstDot)
            return std::nullopt;
        kp.instance = path.mid(firstDot + 1, lastDot - firstDot - 1);
    } else if (lastDot != firstDot) {
        return std::nullopt;
    }
    kp.field = kp.section->field(path.mid(lastDot + 1));
    if (!kp.field)
        return std::nullopt;
    return kp;
}

QString KeyPath::toString() const
{
    return joinKeyPath(section ? section->name : QString(), instance, field ? field->spec.key : QString());
}

QString joinKeyPath(const QString &section, const QString &instance, const QString &key)
{
    QString p = section;
    if (!instance.isEmpty())
        p += QLatin1Char('.') + instance;
    if (!key.isEmpty())
        p += QLatin1Char('.') + key;
    return p;
}

QString suggestKey(const QString &given, const QStringList &candidates)
{
    auto distance = [](const QString &a, const QString &b) {
        QList<int> prev(b.size() + 1), cur(b.size() + 1);
        for (int j = 0; j <= b.size(); ++j)
            prev[j] = j;
        for (int i = 1; i <= a.size(); ++i) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); ++j) {
                const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
                cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            }
            std::swap(prev, cur);
        }
        return prev[b.size()];
    };
    QString best;
    int bestDistance = std::max<int>(2, given.size() / 3) + 1;
    for (const QString &c : candidates) {
        const int d = distance(given, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

} // namespace Madf
