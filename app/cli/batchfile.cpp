#include "batchfile.h"

#include <QCoreApplication>

#include <yaml-cpp/yaml.h>

namespace Madf::Cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::Cli", text); }

QString str(const YAML::Node &n)
{
    return QString::fromStdString(n.as<std::string>());
}

QStringList strings(const YAML::Node &n)
{
    QStringList list;
    if (n.IsSequence())
        for (const YAML::Node &item : n)
            list << str(item);
    else if (n.IsScalar())
        list << str(n);
    return list;
}
} // namespace

QList<DocumentRequest> readBatchFile(const QString &path, QStringList *problems)
{
    QList<DocumentRequest> requests;
    YAML::Node root;
    try {
        root = YAML::LoadFile(path.toStdString());
    } catch (const YAML::Exception &e) {
        *problems << tr("%1: %2").arg(path, QString::fromStdString(e.what()));
        return requests;
    }
    const YAML::Node docs = root.IsSequence() ? root : root["documents"];
    if (!docs || !docs.IsSequence() || docs.size() == 0) {
        *problems << tr("%1: expected a non-empty list under \"documents:\"").arg(path);
        return requests;
    }
    const QStringList known = {QStringLiteral("topic"),        QStringLiteral("type"),
                               QStringLiteral("document_type"), QStringLiteral("length"),
                               QStringLiteral("target_length"), QStringLiteral("style"),
                               QStringLiteral("audience"),     QStringLiteral("requirements"),
                               QStringLiteral("references"),   QStringLiteral("outline")};
    int index = 0;
    for (const YAML::Node &d : docs) {
        const QString where = tr("%1: documents[%2]").arg(path).arg(index++);
        DocumentRequest r;
        if (!d.IsMap()) {
            *problems << tr("%1: expected a map with at least \"topic\"").arg(where);
            requests << r;
            continue;
        }
        try {
            for (const auto &kv : d) {
                const QString key = str(kv.first);
                const YAML::Node &v = kv.second;
                if (key == QLatin1String("topic"))
                    r.topic = str(v);
                else if (key == QLatin1String("type") || key == QLatin1String("document_type"))
                    r.documentType = str(v);
                else if (key == QLatin1String("length") || key == QLatin1String("target_length"))
                    r.targetLength = v.as<int>();
                else if (key == QLatin1String("style"))
                    r.style = str(v);
                else if (key == QLatin1String("audience"))
                    r.audience = str(v);
                else if (key == QLatin1String("requirements"))
                    r.requirements = strings(v);
                else if (key == QLatin1String("references"))
                    r.references = strings(v);
                else if (key == QLatin1String("outline"))
                    r.outline = str(v);
                else
                    *problems << tr("%1: unknown key \"%2\" (known: %3)").arg(where, key, known.join(QStringLiteral(", ")));
            }
        } catch (const YAML::Exception &e) {
            *problems << tr("%1: line %2: %3")
                             .arg(where)
                             .arg(e.mark.line + 1)
                             .arg(QString::fromStdString(e.msg));
        }
        for (const RequestError &e : r.validate())
            *problems << tr("%1: %2").arg(where, e.message());
        requests << r;
    }
    return requests;
}

} // namespace Madf::Cli
