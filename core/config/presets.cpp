#include "presets.h"

#include "configwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace Madf::Presets {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Presets", text); }

QString firstComment(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.startsWith(QLatin1Char('#')))
            return line.mid(1).trimmed();
        if (!line.isEmpty())
            break;
    }
    return {};
}

void collect(QList<Preset> &out, const QString &dir, bool builtIn)
{
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QFileInfo &fi : files) {
        const QString name = fi.completeBaseName();
        const auto existing = std::find_if(out.begin(), out.end(), [&](const Preset &p) { return p.name == name; });
        Preset p{name, firstComment(fi.filePath()), fi.filePath(), builtIn};
        if (existing != out.end())
            *existing = p; // a user preset of the same name wins
        else
            out << p;
    }
}
} // namespace

QString userPresetDir()
{
    return QFileInfo(ConfigLoader::userConfigPath()).absolutePath() + QStringLiteral("/presets");
}

QList<Preset> all()
{
    QList<Preset> presets;
    collect(presets, QStringLiteral(":/madf/presets"), true);
    collect(presets, userPresetDir(), false);
    return presets;
}

std::optional<Preset> find(const QString &name)
{
    for (const Preset &p : all())
        if (p.name == name)
            return p;
    return std::nullopt;
}

ConfigLoadResult apply(const QString &name, const Config &base)
{
    const auto preset = find(name);
    if (!preset) {
        ConfigLoadResult r{base, {}, {}};
        QStringList names;
        for (const Preset &p : all())
            names << p.name;
        r.issues << ConfigIssue{ConfigIssue::Error, tr("preset"), 0, 0, {}, name,
                                tr("no preset named \"%1\" (available: %2)").arg(name, names.join(QStringLiteral(", ")))};
        return r;
    }
    QFile f(preset->path);
    if (!f.open(QIODevice::ReadOnly)) {
        ConfigLoadResult r{base, {}, preset->path};
        r.issues << ConfigIssue{ConfigIssue::Error, preset->path, 0, 0, {}, {}, f.errorString()};
        return r;
    }
    ConfigLoadResult r = ConfigLoader::fromYaml(f.readAll(), preset->path, base, ValueOrigin::Preset);
    // Label values by preset name rather than by resource path.
    for (auto it = r.config.origins.begin(); it != r.config.origins.end(); ++it)
        if (it->kind == ValueOrigin::Preset && it->source == preset->path) {
            it->source = name;
            it->line = 0;
        }
    return r;
}

bool saveUserPreset(const QString &name, const QString &description, const Config &config, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!valid.match(name).hasMatch()) {
        if (error)
            *error = tr("\"%1\" is not a valid preset name (letters, digits, '-' and '_', at most 64)").arg(name);
        return false;
    }
    QDir().mkpath(userPresetDir());
    QSaveFile file(userPresetDir() + QLatin1Char('/') + name + QStringLiteral(".yaml"));
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QString desc = description.simplified();
    if (desc.isEmpty())
        desc = tr("User preset %1").arg(name);
    file.write("# " + desc.toUtf8() + "\n" + ConfigWriter::toYaml(config, {true, false, false, false}));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Madf::Presets
