#include "configloader.h"

#include "configschema.h"
#include "fieldvalue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

// GCC 12 reports a false -Wdangling-pointer inside yaml-cpp 0.7's node
// iterators (a known yaml-cpp/GCC issue); the code is correct.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif
#include <yaml-cpp/yaml.h>

namespace Madf::ConfigLoader {

namespace {

// lupdate files a bare tr() under the class or namespace it is called
// in; calls outside the class this context belongs to name it.
struct ConfigLoaderTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::ConfigLoader)
};
QString tr(const char *text) { return QCoreApplication::translate("Madf::ConfigLoader", text); }

QString qs(const std::string &s) { return QString::fromStdString(s); }

/** Walks one YAML document, collecting every issue rather than stopping at
 *  the first: users fix a file in one pass. */
class YamlApplier
{
public:
    YamlApplier(Config &config, QString fileName, ValueOrigin::Kind kind, ConfigIssues &issues)
        : m_config(config), m_file(std::move(fileName)), m_kind(kind), m_issues(issues) {}

    void apply(const YAML::Node &root)
    {
        if (root.IsNull())
            return; // an empty file is a valid file with nothing in it
        if (!root.IsMap()) {
            error(root, {}, {}, ConfigLoaderTr::tr("the top level must be a map of sections (orchestrator, agents, ...)"));
            return;
        }
        QStringList sectionNames;
        for (const SectionSchema &s : configSchema())
            sectionNames << s.name;
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString name = qs(it->first.Scalar());
            const SectionSchema *section = findSection(name);
            if (!section) {
                unknown(it->first, name, name, sectionNames);
                continue;
            }
            if (it->second.IsNull())
                continue; // "quality:" with nothing under it
            if (!it->second.IsMap()) {
                error(it->second, name, {}, ConfigLoaderTr::tr("must be a map of settings"));
                continue;
            }
            if (section->keyed)
                applyKeyed(*section, it->second);
            else
                applyFields(*section, QString(), it->second);
        }
    }

private:
    void applyKeyed(const SectionSchema &section, const YAML::Node &node)
    {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString instance = qs(it->first.Scalar());
            if (instance.trimmed().isEmpty()) {
                error(it->first, section.name, {}, ConfigLoaderTr::tr("an entry needs a name"));
                continue;
            }
            if (it->second.IsNull()) {
                section.object(m_config, instance, true); // "custom_agent:" = all defaults
                continue;
            }
            if (!it->second.IsMap()) {
                error(it->second, joinKeyPath(section.name, instance, {}), {}, ConfigLoaderTr::tr("must be a map of settings"));
                continue;
            }
            applyFields(section, instance, it->second);
        }
    }

    void applyFields(const SectionSchema &section, const QString &instance, const YAML::Node &node)
    {
        void *object = section.object(m_config, instance, true);
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = qs(it->first.Scalar());
            const FieldBinding *field = section.field(key);
            const QString path = joinKeyPath(section.name, instance, key);
            if (!field) {
                unknown(it->first, path, key, section.keys());
                continue;
            }
            QString err;
            QVariant value = read(field->spec, it->second, &err);
            const YAML::Node &at = it->second.IsNull() ? it->first : it->second;
            if (!err.isEmpty()) {
                error(at, joinKeyPath(section.name, instance, field->spec.key), text(it->second), err);
                continue;
            }
            if (field->spec.secret)
                value = resolveSecret(at, path, value.toString());
            field->set(object, value);
            const YAML::Mark m = at.Mark();
            m_config.origins.insert(joinKeyPath(section.name, instance, field->spec.key),
                                    ValueOrigin{m_kind, m_file, m.line + 1, m.column + 1});
        }
    }

    QVariant read(const FieldSpec &spec, const YAML::Node &node, QString *err)
    {
        if (node.IsNull()) {
            if (spec.isOptional())
                return {};
            if (spec.kind == FieldKind::String)
                return QString();
            if (spec.kind == FieldKind::StringList)
                return QStringList();
            *err = ConfigLoaderTr::tr("a value is required (allowed: %1)").arg(spec.allowedText());
            return {};
        }
        switch (spec.kind) {
        case FieldKind::StringList:
            if (node.IsScalar())
                return QStringList{qs(node.Scalar())};
            if (node.IsSequence()) {
                QStringList list;
                for (const YAML::Node &item : node) {
                    if (!item.IsScalar()) {
                        *err = ConfigLoaderTr::tr("every item must be a single value (allowed: %1)").arg(spec.allowedText());
                        return {};
                    }
                    list << qs(item.Scalar());
                }
                return list;
            }
            *err = ConfigLoaderTr::tr("expected %1").arg(spec.allowedText());
            return {};
        case FieldKind::StringMap:
            if (node.IsMap()) {
                QVariantMap map;
                for (auto it = node.begin(); it != node.end(); ++it) {
                    if (!it->second.IsScalar()) {
                        *err = ConfigLoaderTr::tr("\"%1\" must be a single value").arg(qs(it->first.Scalar()));
                        return {};
                    }
                    map.insert(qs(it->first.Scalar()), qs(it->second.Scalar()));
                }
                return map;
            }
            *err = ConfigLoaderTr::tr("expected %1").arg(spec.allowedText());
            return {};
        default:
            if (!node.IsScalar()) {
                *err = ConfigLoaderTr::tr("expected a single value, not a %1 (allowed: %2)")
                           .arg(node.IsSequence() ? ConfigLoaderTr::tr("list") : ConfigLoaderTr::tr("map"), spec.allowedText());
                return {};
            }
            return FieldValue::fromText(spec, qs(node.Scalar()), err);
        }
    }

    // A key in a file is plain text for anyone who can read it: accept it
    // so an existing file keeps working, but say so, and prefer ${VAR}.
    QString resolveSecret(const YAML::Node &at, const QString &path, const QString &value)
    {
        static const QRegularExpression ref(QStringLiteral("^\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?$"));
        const auto m = ref.match(value.trimmed());
        if (m.hasMatch())
            return qEnvironmentVariable(m.captured(1).toLocal8Bit().constData());
        if (!value.isEmpty())
            warning(at, path, ConfigLoaderTr::tr("an API key written in a config file can be read by anyone who can read "
                                 "the file; it will not be saved back. Put it in an environment variable "
                                 "and name that variable in providers.<name>.api_key_env"));
        return value;
    }

    static QString text(const YAML::Node &node)
    {
        if (node.IsScalar())
            return qs(node.Scalar());
        if (node.IsSequence())
            return QStringLiteral("[...]");
        if (node.IsMap())
            return QStringLiteral("{...}");
        return {};
    }

    void unknown(const YAML::Node &keyNode, const QString &path, const QString &key, const QStringList &known)
    {
        const QString hint = suggestKey(key, known);
        warning(keyNode, path,
                hint.isEmpty() ? ConfigLoaderTr::tr("unknown key \"%1\" is ignored").arg(key)
                               : ConfigLoaderTr::tr("unknown key \"%1\" is ignored; did you mean \"%2\"?").arg(key, hint));
    }

    void add(ConfigIssue::Severity sev, const YAML::Node &at, const QString &path, const QString &value,
             const QString &message)
    {
        const YAML::Mark m = at.Mark();
        m_issues << ConfigIssue{sev, m_file, m.line + 1, m.column + 1, path, value, message};
    }
    void error(const YAML::Node &at, const QString &path, const QString &value, const QString &message)
    {
        add(ConfigIssue::Error, at, path, value, message);
    }
    void warning(const YAML::Node &at, const QString &path, const QString &message)
    {
        add(ConfigIssue::Warning, at, path, {}, message);
    }

    Config &m_config;
    QString m_file;
    ValueOrigin::Kind m_kind;
    ConfigIssues &m_issues;
};

} // namespace

ConfigLoadResult fromYaml(const QByteArray &yaml, const QString &fileName, const Config &base,
                          ValueOrigin::Kind origin)
{
    ConfigLoadResult result{base, {}, fileName};
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        YamlApplier(result.config, fileName, origin, result.issues).apply(root);
    } catch (const YAML::Exception &e) {
        result.issues << ConfigIssue{ConfigIssue::Error, fileName, e.mark.line + 1, e.mark.column + 1, {}, {},
                                     tr("not valid YAML: %1").arg(qs(e.msg))};
        return result;
    }
    result.issues << result.config.validate();
    return result;
}

ConfigLoadResult fromFile(const QString &path, const Config &base)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult r{base, {}, path};
        r.issues << ConfigIssue{ConfigIssue::Error, path, 0, 0, {}, {},
                                tr("cannot read the file: %1").arg(file.errorString())};
        return r;
    }
    return fromYaml(file.readAll(), path, base);
}

ConfigIssues applyEnvironment(Config &config, const QProcessEnvironment &env)
{
    ConfigIssues issues;
    for (const SectionSchema &section : configSchema()) {
        for (const FieldBinding &field : section.fields) {
            const QString var = field.spec.envVar;
            if (var.isEmpty() || !env.contains(var))
                continue;
            const QString raw = env.value(var);
            QString err;
            const QVariant value = FieldValue::fromText(field.spec, raw, &err);
            if (!err.isEmpty()) {
                issues << ConfigIssue{ConfigIssue::Error, tr("environment %1").arg(var), 0, 0,
                                      joinKeyPath(section.name, section.keyed ? QStringLiteral("*") : QString(),
                                                  field.spec.key),
                                      raw, err};
                continue;
            }
            const QStringList instances = section.keyed ? section.instances(config) : QStringList{QString()};
            for (const QString &instance : instances) {
                field.set(section.object(config, instance, true), value);
                config.origins.insert(joinKeyPath(section.name, instance, field.spec.key),
                                      ValueOrigin{ValueOrigin::Environment, var, 0, 0});
            }
        }
    }
    return issues;
}

QString userConfigPath()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.config");
    return base + QStringLiteral("/madf/config.yaml");
}

QString locate(const QString &cliPath, const QProcessEnvironment &env, QString *how)
{
    auto say = [how](const QString &s) { if (how) *how = s; };
    if (!cliPath.isEmpty()) {
        say(QStringLiteral("--config"));
        return cliPath;
    }
    if (!env.value(QStringLiteral("MADF_CONFIG_PATH")).isEmpty()) {
        say(QStringLiteral("MADF_CONFIG_PATH"));
        return env.value(QStringLiteral("MADF_CONFIG_PATH"));
    }
    const QString user = userConfigPath();
    if (QFileInfo::exists(user)) {
        say(tr("user config"));
        return user;
    }
    say(tr("built-in defaults"));
    return {};
}

ConfigLoadResult loadEffective(const QString &cliPath, const QProcessEnvironment &env)
{
    const QString path = locate(cliPath, env);
    ConfigLoadResult result = path.isEmpty() ? ConfigLoadResult{Config::defaults(), {}, {}}
                                             : fromFile(path, Config::defaults());
    result.issues << applyEnvironment(result.config, env);
    return result;
}

} // namespace Madf::ConfigLoader
