#include "workflow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QDateTime>
#include <QSet>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

#include <yaml-cpp/yaml.h>

namespace Madf {

namespace {

struct KindName
{
    StageKind kind;
    const char *name;
    const char *agent;
};

constexpr KindName kKinds[] = {
    {StageKind::Research, "research", "research"},
    {StageKind::Outline, "outline", "writing"},
    {StageKind::Write, "write", "writing"},
    {StageKind::ExecutiveSummary, "executive_summary", "writing"},
    {StageKind::Edit, "edit", "editing"},
    {StageKind::Verify, "verify", "verification"},
    {StageKind::Finalize, "finalize", ""},
};

QString at(const QString &file, int line)
{
    return line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
}

QString problem(const QString &file, int line, const QString &message)
{
    return QStringLiteral("%1: error: %2").arg(at(file, line), message);
}

QString str(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

int lineOf(const YAML::Node &node)
{
    return node.Mark().line + 1;
}

/** Reads a YAML boolean the way the config does; false and an error otherwise. */
bool readBool(const YAML::Node &node, bool *out)
{
    const QString v = str(node).toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("on")) {
        *out = true;
        return true;
    }
    if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("off")) {
        *out = false;
        return true;
    }
    return false;
}

class StageReader
{
public:
    StageReader(const QString &file, QStringList *errors) : m_file(file), m_errors(errors) {}

    std::optional<WorkflowStage> read(const YAML::Node &node)
    {
        WorkflowStage stage;
        stage.line = lineOf(node);
        if (!node.IsMap()) {
            fail(stage.line, Workflow::tr("a stage must be a map with at least \"name\""));
            return std::nullopt;
        }
        bool ok = true;
        QString kindName;
        bool agentGiven = false;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = str(it->first);
            const YAML::Node &value = it->second;
            const int line = lineOf(it->first);
            if (key == QLatin1String("name")) {
                stage.name = str(value).trimmed();
            } else if (key == QLatin1String("kind")) {
                kindName = str(value).trimmed();
            } else if (key == QLatin1String("agent")) {
                stage.agent = str(value).trimmed();
                agentGiven = true;
            } else if (key == QLatin1String("depends_on")) {
                ok &= readDependencies(value, &stage.dependsOn);
            } else if (key == QLatin1String("parallel") || key == QLatin1String("optional")) {
                bool flag = false;
                if (!readBool(value, &flag)) {
                    fail(lineOf(value), Workflow::tr("stage \"%1\": %2 must be true or false, not \"%3\"")
                                            .arg(stage.name, key, str(value)));
                    ok = false;
                }
                (key == QLatin1String("parallel") ? stage.parallel : stage.optional) = flag;
            } else {
                fail(line, Workflow::tr("unknown stage key \"%1\" (known: name, kind, agent, depends_on, "
                                        "parallel, optional)").arg(key));
                ok = false;
            }
        }
        if (stage.name.isEmpty()) {
            fail(stage.line, Workflow::tr("a stage needs a \"name\""));
            return std::nullopt;
        }
        if (kindName.isEmpty())
            kindName = stage.name;
        const std::optional<StageKind> kind = stageKindFromString(kindName);
        if (!kind) {
            QStringList known;
            for (const KindName &k : kKinds)
                known << QLatin1String(k.name);
            fail(stage.line, Workflow::tr("stage \"%1\": unknown stage kind \"%2\" (known: %3)")
                                 .arg(stage.name, kindName, known.join(QLatin1String(", "))));
            return std::nullopt;
        }
        stage.kind = *kind;
        if (!agentGiven)
            stage.agent = defaultAgentFor(stage.kind);
        if (!ok)
            return std::nullopt;
        return stage;
    }

private:
    bool readDependencies(const YAML::Node &value, QStringList *out)
    {
        if (value.IsScalar()) {
            *out << str(value).trimmed();
            return true;
        }
        if (!value.IsSequence()) {
            fail(lineOf(value), Workflow::tr("depends_on must be a stage name or a list of them"));
            return false;
        }
        for (const YAML::Node &item : value)
            *out << str(item).trimmed();
        return true;
    }

    void fail(int line, const QString &message) { *m_errors << problem(m_file, line, message); }

    QString m_file;
    QStringList *m_errors;
};

} // namespace

QString toString(StageKind kind)
{
    for (const KindName &k : kKinds)
        if (k.kind == kind)
            return QLatin1String(k.name);
    return {};
}

std::optional<StageKind> stageKindFromString(const QString &name)
{
    for (const KindName &k : kKinds)
        if (name.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0)
            return k.kind;
    return std::nullopt;
}

QString defaultAgentFor(StageKind kind)
{
    for (const KindName &k : kKinds)
        if (k.kind == kind)
            return QLatin1String(k.agent);
    return {};
}

const WorkflowStage *Workflow::stage(const QString &stageName) const
{
    for (const WorkflowStage &s : stages)
        if (s.name == stageName)
            return &s;
    return nullptr;
}

const WorkflowStage *Workflow::stageOfKind(StageKind kind) const
{
    for (const WorkflowStage &s : stages)
        if (s.kind == kind)
            return &s;
    return nullptr;
}

std::optional<Workflow> Workflow::parse(const QByteArray &yaml, const QString &fileName, const QStringList &agents,
                                        QStringList *errors)
{
    QStringList local;
    QStringList *errs = errors ? errors : &local;
    errs->clear();
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        *errs << problem(fileName, e.mark.line + 1, QString::fromStdString(e.msg));
        return std::nullopt;
    }
    if (!root.IsMap()) {
        *errs << problem(fileName, 0, tr("a workflow must be a map with a \"stages\" list"));
        return std::nullopt;
    }

    Workflow wf;
    wf.source = fileName;
    wf.name = QFileInfo(fileName).completeBaseName();
    StageReader reader(fileName, errs);
    bool sawStages = false;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = str(it->first);
        const YAML::Node &value = it->second;
        if (key == QLatin1String("name")) {
            wf.name = str(value).trimmed();
        } else if (key == QLatin1String("description")) {
            // For people reading the file.
        } else if (key == QLatin1String("require_citations")) {
            if (!readBool(value, &wf.requireCitations))
                *errs << problem(fileName, lineOf(value), tr("require_citations must be true or false"));
        } else if (key == QLatin1String("stages")) {
            sawStages = true;
            if (!value.IsSequence()) {
                *errs << problem(fileName, lineOf(value), tr("\"stages\" must be a list"));
                continue;
            }
            for (const YAML::Node &node : value)
                if (std::optional<WorkflowStage> s = reader.read(node))
                    wf.stages << *s;
        } else {
            *errs << problem(fileName, lineOf(it->first),
                             tr("unknown key \"%1\" (known: name, description, require_citations, stages)").arg(key));
        }
    }
    if (!sawStages)
        *errs << problem(fileName, 0, tr("no \"stages\" list"));
    if (!errs->isEmpty())
        return std::nullopt;
    if (!wf.validate(agents, errs))
        return std::nullopt;
    return wf;
}

std::optional<Workflow> Workflow::load(const QString &path, const QStringList &agents, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            *errors = QStringList{problem(path, 0, tr("cannot read the workflow: %1").arg(file.errorString()))};
        return std::nullopt;
    }
    return parse(file.readAll(), path, agents, errors);
}

bool Workflow::validate(const QStringList &agents, QStringList *errors)
{
    QStringList local;
    QStringList *errs = errors ? errors : &local;
    const int before = int(errs->size());
    auto fail = [&](const WorkflowStage &s, const QString &message) { *errs << problem(source, s.line, message); };

    QHash<QString, int> byName;
    QHash<StageKind, QString> byKind;
    for (int i = 0; i < stages.size(); ++i) {
        const WorkflowStage &s = stages.at(i);
        if (byName.contains(s.name))
            fail(s, tr("stage \"%1\" is defined twice").arg(s.name));
        byName.insert(s.name, i);
        if (byKind.contains(s.kind))
            fail(s, tr("stage \"%1\": a workflow runs each kind once, and \"%2\" already is %3")
                        .arg(s.name, byKind.value(s.kind), toString(s.kind)));
        byKind.insert(s.kind, s.name);
        if (s.kind != StageKind::Finalize && !agents.isEmpty() && !agents.contains(s.agent))
            fail(s, tr("stage \"%1\": unknown agent \"%2\" (configured: %3)")
                        .arg(s.name, s.agent, agents.join(QLatin1String(", "))));
    }
    for (const WorkflowStage &s : std::as_const(stages))
        for (const QString &dep : s.dependsOn)
            if (!byName.contains(dep))
                fail(s, tr("stage \"%1\" depends on \"%2\", which is not a stage of this workflow").arg(s.name, dep));
    if (errs->size() > before)
        return false;

    // Kahn's algorithm keeps the file's order among stages that are ready together.
    QList<WorkflowStage> sorted;
    QSet<QString> placed;
    while (sorted.size() < stages.size()) {
        bool progressed = false;
        for (const WorkflowStage &s : std::as_const(stages)) {
            if (placed.contains(s.name))
                continue;
            if (std::all_of(s.dependsOn.begin(), s.dependsOn.end(), [&](const QString &d) { return placed.contains(d); })) {
                sorted << s;
                placed.insert(s.name);
                progressed = true;
            }
        }
        if (!progressed) {
            QStringList cycle;
            for (const WorkflowStage &s : std::as_const(stages))
                if (!placed.contains(s.name))
                    cycle << s.name;
            const WorkflowStage &first = *std::find_if(stages.begin(), stages.end(),
                                                       [&](const WorkflowStage &s) { return !placed.contains(s.name); });
            fail(first, tr("the dependencies of %1 form a cycle").arg(cycle.join(QLatin1String(", "))));
            return false;
        }
    }
    stages = sorted;

    // What each stage needs from earlier ones, and the finalize stage as the end of every path.
    QHash<QString, QSet<QString>> ancestors;
    for (const WorkflowStage &s : std::as_const(stages)) {
        QSet<QString> a;
        for (const QString &d : s.dependsOn)
            a.unite(ancestors.value(d)).insert(d);
        ancestors.insert(s.name, a);
    }
    auto hasAncestorOfKind = [&](const WorkflowStage &s, StageKind kind) {
        const WorkflowStage *p = stageOfKind(kind);
        return p && ancestors.value(s.name).contains(p->name);
    };
    const WorkflowStage *write = stageOfKind(StageKind::Write);
    const WorkflowStage *finalize = stageOfKind(StageKind::Finalize);
    if (!write)
        *errs << problem(source, 0, tr("a workflow needs a stage of kind write"));
    if (!finalize)
        *errs << problem(source, 0, tr("a workflow needs a stage of kind finalize"));
    for (const WorkflowStage &s : std::as_const(stages)) {
        switch (s.kind) {
        case StageKind::Write:
            if (!hasAncestorOfKind(s, StageKind::Outline))
                fail(s, tr("stage \"%1\" (write) must come after an outline stage").arg(s.name));
            break;
        case StageKind::ExecutiveSummary:
        case StageKind::Edit:
        case StageKind::Verify:
            if (write && !hasAncestorOfKind(s, StageKind::Write))
                fail(s, tr("stage \"%1\" (%2) must come after the write stage").arg(s.name, toString(s.kind)));
            break;
        default:
            break;
        }
        if (finalize && s.kind != StageKind::Finalize && !ancestors.value(finalize->name).contains(s.name))
            fail(*finalize, tr("stage \"%1\" (finalize) must come after \"%2\"").arg(finalize->name, s.name));
    }
    // Editing and verification both change the sections: one must wait for the other.
    const WorkflowStage *edit = stageOfKind(StageKind::Edit);
    const WorkflowStage *verify = stageOfKind(StageKind::Verify);
    if (edit && verify && !ancestors.value(edit->name).contains(verify->name)
        && !ancestors.value(verify->name).contains(edit->name))
        fail(*verify, tr("stages \"%1\" and \"%2\" both change the sections: one must depend on the other")
                          .arg(edit->name, verify->name));
    if (requireCitations) {
        const WorkflowStage *research = stageOfKind(StageKind::Research);
        if (!research || research->optional)
            *errs << problem(source, research ? research->line : 0,
                             tr("require_citations needs a research stage that is not optional"));
    }
    return errs->size() == before;
}

WorkflowLibrary::WorkflowLibrary(const QString &userFolder) : m_userFolder(userFolder) {}

QString WorkflowLibrary::defaultUserFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QLatin1String("/madf/workflows");
}

QStringList WorkflowLibrary::builtInTypes()
{
    return {QStringLiteral("article"), QStringLiteral("paper"), QStringLiteral("report")};
}

QString WorkflowLibrary::pathFor(const QString &documentType) const
{
    const QString type = documentType.trimmed().toLower();
    // A type name is a file name: nothing that could leave the folder.
    static const QRegularExpression safe(QStringLiteral("^[a-z0-9_-]+$"));
    if (safe.match(type).hasMatch()) {
        const QString user = m_userFolder + QLatin1Char('/') + type + QLatin1String(".yaml");
        if (!m_userFolder.isEmpty() && QFileInfo::exists(user))
            return user;
        const QString builtIn = QStringLiteral(":/madf/workflows/%1.yaml").arg(type);
        if (QFileInfo::exists(builtIn))
            return builtIn;
    }
    const QString userArticle = m_userFolder + QLatin1String("/article.yaml");
    if (!m_userFolder.isEmpty() && QFileInfo::exists(userArticle))
        return userArticle;
    return QStringLiteral(":/madf/workflows/article.yaml");
}

std::optional<Workflow> WorkflowLibrary::forType(const QString &documentType, const QStringList &agents,
                                                 QStringList *errors) const
{
    // Every document asks for its workflow: parsing the YAML each time was
    // a noticeable part of what starting a document cost. A file is parsed
    // again when its time or size changes (a user editing a workflow).
    struct Parsed
    {
        QDateTime modified;
        qint64 size = -1;
        std::optional<Workflow> workflow;
        QStringList errors;
    };
    static QMutex mutex;
    static QHash<QString, Parsed> cache;
    const QString path = pathFor(documentType);
    const QFileInfo info(path);
    const QString key = path + QLatin1Char('\n') + agents.join(QLatin1Char('\n'));
    {
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(key);
        if (it != cache.constEnd() && it->modified == info.lastModified() && it->size == info.size()) {
            if (errors)
                *errors = it->errors;
            return it->workflow;
        }
    }
    Parsed parsed;
    parsed.modified = info.lastModified();
    parsed.size = info.size();
    parsed.workflow = Workflow::load(path, agents, &parsed.errors);
    if (errors)
        *errors = parsed.errors;
    QMutexLocker lock(&mutex);
    // Bounded: a long-running studio may see many edits of many files.
    if (cache.size() >= 64)
        cache.clear();
    cache.insert(key, parsed);
    return parsed.workflow;
}

QStringList WorkflowLibrary::types() const
{
    QStringList out = builtInTypes();
    const QStringList files = QDir(m_userFolder).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        const QString type = QFileInfo(f).completeBaseName().toLower();
        if (!out.contains(type))
            out << type;
    }
    return out;
}

} // namespace Madf
