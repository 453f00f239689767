#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Madf {

/** What a stage does. The kinds are implemented in code (the stage runners);
 *  a workflow only picks which run, in which order and by which agent. */
enum class StageKind {
    Research,          ///< sub-questions answered from the references, then the brief
    Outline,           ///< the plan of the sections (the request's own outline if given)
    Write,             ///< every section drafted
    ExecutiveSummary,  ///< a report's summary of the written sections
    Edit,              ///< structure pass, then style and polish per section
    Verify,            ///< accuracy, completeness and quality checks, then the quality loop
    Finalize,          ///< assembling the final document (no model call)
};

/** "research", "outline", "write", "executive_summary", "edit", "verify", "finalize". */
QString toString(StageKind kind);
std::optional<StageKind> stageKindFromString(const QString &name);
/** The agent (a key of `agents:`) a stage kind uses when the workflow names none. */
QString defaultAgentFor(StageKind kind);

/** One stage of a workflow as its YAML declares it. */
struct WorkflowStage
{
    QString name;            ///< unique within the workflow; also the default kind
    StageKind kind = StageKind::Research;
    QStringList dependsOn;   ///< names of stages that must be done (or skipped) first
    bool parallel = true;    ///< issue the stage's independent calls at once
    bool optional = false;   ///< a failing optional stage is skipped with a finding
    QString agent;           ///< a key of the config's `agents:`; empty for finalize
    int line = 0;            ///< 1-based line in the file, for messages
};

/** A document type's pipeline: a graph of stages with `depends_on`,
 *  `parallel` and `optional`, as the framework's custom workflows. Built-in
 *  ones (article, paper, report) are compiled in as
 *  `:/madf/workflows/<type>.yaml`; a user's own live in
 *  `$XDG_CONFIG_HOME/madf/workflows/<type>.yaml` and may define new document
 *  types or replace a built-in one.
 *
 *  YAML layout:
 *  ```yaml
 *  name: report
 *  require_citations: false   # true: a document whose sections cite nothing fails verification
 *  stages:
 *    - name: research         # kind defaults to the name
 *      agent: research        # defaults by kind
 *      parallel: true
 *    - name: summary
 *      kind: executive_summary
 *      depends_on: [write]
 *      optional: true
 *  ```
 *  Each kind may appear once. */
struct Workflow
{
    Q_DECLARE_TR_FUNCTIONS(Madf::Workflow)

public:
    QString name;
    QString source;                 ///< the file it was read from
    bool requireCitations = false;
    QList<WorkflowStage> stages;    ///< in dependency order once validated

    const WorkflowStage *stage(const QString &name) const;
    const WorkflowStage *stageOfKind(StageKind kind) const;
    bool has(StageKind kind) const { return stageOfKind(kind) != nullptr; }

    /** Parses and validates a workflow. `agents` are the configured agent
     *  names (an unknown one is an error); empty skips that check. On failure
     *  returns nullopt and sets `errors` to messages of the form
     *  "file:line: error: ...". */
    static std::optional<Workflow> parse(const QByteArray &yaml, const QString &fileName,
                                         const QStringList &agents, QStringList *errors);
    static std::optional<Workflow> load(const QString &path, const QStringList &agents, QStringList *errors);

    /** Checks the graph (unknown dependency, cycle, a stage that needs a
     *  product no earlier stage makes, unknown agent) and sorts the stages in
     *  dependency order. */
    bool validate(const QStringList &agents, QStringList *errors);
};

/** Chooses the workflow for a document type: the user's file for that type,
 *  else the built-in one, else article. */
class WorkflowLibrary
{
    Q_DECLARE_TR_FUNCTIONS(Madf::WorkflowLibrary)

public:
    explicit WorkflowLibrary(const QString &userFolder = defaultUserFolder());

    /** $XDG_CONFIG_HOME/madf/workflows */
    static QString defaultUserFolder();
    static QStringList builtInTypes();

    /** The file that defines `documentType` (user folder first), or the
     *  built-in article when no file matches. */
    QString pathFor(const QString &documentType) const;
    /** Loads the workflow for a document type; nullopt with `errors` when
     *  its file is invalid (the user's mistake is reported, not replaced by
     *  a default). */
    std::optional<Workflow> forType(const QString &documentType, const QStringList &agents,
                                    QStringList *errors) const;
    /** Document types with a workflow: built-in ones and the user's files. */
    QStringList types() const;

private:
    QString m_userFolder;
};

} // namespace Madf
