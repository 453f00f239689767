#include "fieldspec.h"

#include <QCoreApplication>
#include <QLocale>

namespace Madf {

namespace {
// lupdate files tr() calls by the class they are made in; ValueOrigin's
// strings share this context, so they are named with it.
struct FieldSpecTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::FieldSpec)
};
QString tr(const char *text) { return FieldSpecTr::tr(text); }

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

QString FieldSpec::displayLabel() const
{
    if (label.isEmpty()) {
        // "max_concurrent_tasks" -> "Max concurrent tasks"
        QString text = key;
        text.replace(QLatin1Char('_'), QLatin1Char(' '));
        if (!text.isEmpty())
            text[0] = text[0].toUpper();
        return text;
    }
    return translateSchemaText(label);
}

QString FieldSpec::displayHelp() const
{
    return translateSchemaText(help);
}

QString translateSchemaText(const QString &text)
{
    return text.isEmpty() ? text : QCoreApplication::translate("Madf::ConfigSchema", text.toUtf8().constData());
}

QString ValueOrigin::describe() const
{
    switch (kind) {
    case Default:
        return FieldSpecTr::tr("default");
    case File:
        return line > 0 ? FieldSpecTr::tr("file %1:%2").arg(source).arg(line) : FieldSpecTr::tr("file %1").arg(source);
    case Environment:
        return FieldSpecTr::tr("environment %1").arg(source);
    case Runtime:
        return FieldSpecTr::tr("runtime");
    case Preset:
        return FieldSpecTr::tr("preset %1").arg(source);
    }
    return {};
}

} // namespace Madf
