#include "fieldspec.h"

#include <QCoreApplication>
#include <QLocale>

namespace Madf {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::FieldSpec", text); }

QString number(double v, bool integer)
{
    // Thousands separators make ranges like 1–1,000,000 readable; C locale
    // keeps the output stable in logs and tests.
    QLocale c(QLocale::English);
    return integer ? c.toString(qint64(v)) : QString::number(v);
}
} // namespace

QString FieldSpec::allowedText() const
{
    switch (kind) {
    case FieldKind::Bool:
        return tr("true or false");
    case FieldKind::Int:
    case FieldKind::Double: {
        const bool integer = kind == FieldKind::Int;
        QString r = number(minimum, integer) + QStringLiteral("–") + number(maximum, integer);
        if (!unit.isEmpty())
            r += QLatin1Char(' ') + unit;
        return integer ? tr("a whole number %1").arg(r) : tr("a number %1").arg(r);
    }
    case FieldKind::Enum:
        return tr("one of: %1").arg(choices.join(QStringLiteral(", ")));
    case FieldKind::String:
        return tr("text");
    case FieldKind::StringList:
        return tr("a list of text values");
    case FieldKind::StringMap:
        return tr("a map of names to text values");
    }
    return {};
}

QString ValueOrigin::describe() const
{
    switch (kind) {
    case Default:
        return tr("default");
    case File:
        return line > 0 ? tr("file %1:%2").arg(source).arg(line) : tr("file %1").arg(source);
    case Environment:
        return tr("environment %1").arg(source);
    case Runtime:
        return tr("runtime");
    case Preset:
        return tr("preset %1").arg(source);
    }
    return {};
}

} // namespace Madf
