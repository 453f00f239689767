#pragma once

#include "fieldspec.h"

#include <QList>

#include <functional>
#include <optional>

namespace Madf {

struct Config;

/** A field declaration bound to the struct member that holds it. */
struct FieldBinding
{
    FieldSpec spec;
    std::function<QVariant(const void *sectionObject)> get;
    std::function<void(void *sectionObject, const QVariant &value)> set;
};

/** A YAML section: either one object (`orchestrator`) or a map of named
 *  objects (`agents`, `providers`, `pricing`). */
struct SectionSchema
{
    QString name;
    QString help;
    bool keyed = false;
    QList<FieldBinding> fields;
    /** The section object; for keyed sections the named instance, created
     *  (with the spec defaults) when `create` is true. */
    std::function<void *(Config &, const QString &instance, bool create)> object;
    std::function<const void *(const Config &, const QString &instance)> constObject;
    std::function<QStringList(const Config &)> instances;

    const FieldBinding *field(const QString &keyOrAlias) const;
    QStringList keys() const;
};

/** Every section, in the order files are written. */
const QList<SectionSchema> &configSchema();
const SectionSchema *findSection(const QString &name);

/** A key path split into its parts: "agents.research.model". Instance names
 *  may contain dots (model names in `pricing`), so the last part is the key. */
struct KeyPath
{
    const SectionSchema *section = nullptr;
    QString instance;
    const FieldBinding *field = nullptr;

    static std::optional<KeyPath> parse(const QString &path);
    QString toString() const;
};

QString joinKeyPath(const QString &section, const QString &instance, const QString &key);

/** The closest candidate by edit distance, or empty when nothing is close:
 *  "max_agent" -> "max_agents". */
QString suggestKey(const QString &given, const QStringList &candidates);

} // namespace Madf
