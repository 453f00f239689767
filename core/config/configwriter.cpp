#include "configwriter.h"

#include "configschema.h"
#include "fieldvalue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace Madf::ConfigWriter {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Madf::ConfigWriter", text); }

QString valueText(const FieldSpec &spec, const QVariant &v, const QString &indent)
{
    switch (spec.kind) {
    case FieldKind::Bool:
    case FieldKind::Int:
    case FieldKind::Double:
        return FieldValue::toText(spec, v);
    case FieldKind::StringList: {
        const QStringList list = v.toStringList();
        if (list.isEmpty())
            return QStringLiteral("[]");
        QString out;
        for (const QString &item : list)
            out += QLatin1Char('\n') + indent + QStringLiteral("  - ") + scalar(item);
        return out;
    }
    case FieldKind::StringMap: {
        const QVariantMap map = v.toMap();
        if (map.isEmpty())
            return QStringLiteral("{}");
        QString out;
        for (auto it = map.begin(); it != map.end(); ++it)
            out += QLatin1Char('\n') + indent + QStringLiteral("  ") + scalar(it.key()) + QStringLiteral(": ")
                   + scalar(it.value().toString());
        return out;
    }
    default:
        return scalar(v.toString());
    }
}

void writeHelp(QString &out, const FieldSpec &spec, const QString &indent)
{
    QString line = spec.help + QStringLiteral(" [") + spec.allowedText() + QLatin1Char(']');
    if (!spec.envVar.isEmpty())
        line += QStringLiteral(" env: ") + spec.envVar;
    out += indent + QStringLiteral("# ") + line + QLatin1Char('\n');
}

} // namespace

QString scalar(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_./][A-Za-z0-9_ ./+()-]*$"));
    static const QStringList reserved = {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("yes"),
                                         QStringLiteral("no"), QStringLiteral("on"), QStringLiteral("off"),
                                         QStringLiteral("null"), QStringLiteral("y"), QStringLiteral("n")};
    if (!text.isEmpty() && plain.match(text).hasMatch() && !text.endsWith(QLatin1Char(' '))
        && !reserved.contains(text.toLower()))
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('\n'), QStringLiteral("\\n"))
        .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray toYaml(const Config &config, const Options &options)
{
    const Config defaults = Config::defaults();
    QString out;
    for (const SectionSchema &section : configSchema()) {
        const QStringList instances = section.keyed ? section.instances(config) : QStringList{QString()};
        QString body;
        for (const QString &instance : instances) {
            const void *obj = section.constObject(config, instance);
            const void *def = section.constObject(defaults, instance);
            const QString indent = section.keyed ? QStringLiteral("    ") : QStringLiteral("  ");
            QString fields;
            for (const FieldBinding &f : section.fields) {
                if (f.spec.secret)
                    continue;
                const QVariant v = f.get(obj);
                const QVariant d = def ? f.get(def) : f.spec.defaultValue;
                if (!v.isValid() || (options.onlyChanged && v == d))
                    continue;
                if (options.help)
                    writeHelp(fields, f.spec, indent);
                fields += indent + f.spec.key + QStringLiteral(": ") + valueText(f.spec, v, indent);
                if (options.origins)
                    fields += QStringLiteral("  # ")
                              + config.origin(joinKeyPath(section.name, instance, f.spec.key)).describe();
                fields += QLatin1Char('\n');
            }
            if (section.keyed && options.keyStatus && section.name == QLatin1String("providers")) {
                const ProviderConfig &p = config.providers[instance];
                if (p.api != QLatin1String("simulated") && !p.local)
                    fields += indent + QStringLiteral("# key: ")
                              + (config.apiKeyFor(instance).isEmpty() ? tr("not set") : tr("set (hidden)"))
                              + QLatin1Char('\n');
            }
            if (fields.isEmpty() && (options.onlyChanged || !section.keyed))
                continue;
            if (section.keyed)
                body += QStringLiteral("  ") + scalar(instance) + (fields.isEmpty() ? QStringLiteral(": {}\n") : QStringLiteral(":\n")) + fields;
            else
                body += fields;
        }
        if (body.isEmpty())
            continue;
        if (options.help)
            out += QStringLiteral("# ") + section.help + QLatin1Char('\n');
        out += section.name + QStringLiteral(":\n") + body;
        if (options.help)
            out += QLatin1Char('\n');
    }
    return out.toUtf8();
}

bool writeFile(const QString &path, const QByteArray &contents, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool save(const QString &path, const Config &config, QString *error, const Options &options)
{
    const QByteArray header = "# MADF Studio configuration. API keys are never stored here:\n"
                              "# name the environment variable in providers.<name>.api_key_env.\n";
    return writeFile(path, header + toYaml(config, options), error);
}

QByteArray starterYaml()
{
    const QByteArray intro =
        "# MADF Studio configuration (Multi-Agent Document Framework layout).\n"
        "# Every key is optional: what is left out keeps its built-in default.\n"
        "# Precedence: built-in defaults < this file < environment (MADF_*) < changes made at run time.\n"
        "# API keys never go in this file: set OPENAI_API_KEY / ANTHROPIC_API_KEY (or the variable\n"
        "# named in providers.<name>.api_key_env). Check the file with `madf config validate FILE`.\n\n";
    return intro + toYaml(Config::defaults(), Options{false, true, false, false});
}

} // namespace Madf::ConfigWriter
