#include "configreference.h"

#include "config.h"
#include "configschema.h"
#include "fieldvalue.h"

namespace Madf {

namespace {
QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
}
} // namespace

QString configReferenceMarkdown()
{
    const Config defaults = Config::defaults();
    QString md;
    for (const SectionSchema &s : configSchema()) {
        md += QStringLiteral("#### `%1`%2\n\n%3\n\n")
                  .arg(s.name, s.keyed ? QStringLiteral(" (map: `%1.<name>.<key>`)").arg(s.name) : QString(), s.help);
        md += QStringLiteral("| key | default | allowed | env | meaning |\n|---|---|---|---|---|\n");
        for (const FieldBinding &f : s.fields) {
            QString def = f.spec.defaultValue.isValid() ? FieldValue::toText(f.spec, f.spec.defaultValue) : QStringLiteral("unset");
            if (f.spec.secret)
                def = QStringLiteral("never saved");
            else if (def.isEmpty())
                def = QStringLiteral("\"\"");
            QString key = QStringLiteral("`") + f.spec.key + QLatin1Char('`');
            for (const QString &alias : f.spec.aliases)
                key += QStringLiteral(" (or `%1`)").arg(alias);
            md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                      .arg(key, cell(def), cell(f.spec.allowedText()),
                           f.spec.envVar.isEmpty() ? QString() : QStringLiteral("`%1`").arg(f.spec.envVar), cell(f.spec.help));
        }
        md += QLatin1Char('\n');
    }
    md += QStringLiteral("Built-in agents (per-agent defaults from the framework's reference file):\n\n"
                         "| agent | temperature | max_tokens | timeout |\n|---|---|---|---|\n");
    for (const QString &name : Config::standardAgents()) {
        const AgentConfig &a = defaults.agents[name];
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                  .arg(name)
                  .arg(a.modelConfig.temperature)
                  .arg(a.modelConfig.maxTokens)
                  .arg(a.timeout);
    }
    md += QStringLiteral("\nBuilt-in providers: ");
    QStringList providers;
    for (const ProviderConfig &p : defaults.providers)
        providers << QStringLiteral("`%1` (%2%3)").arg(p.name, p.api,
                                                       p.baseUrls.isEmpty() ? QString() : QStringLiteral(", ") + p.baseUrls.first());
    md += providers.join(QStringLiteral(", ")) + QStringLiteral(".\n");
    return md;
}

} // namespace Madf
