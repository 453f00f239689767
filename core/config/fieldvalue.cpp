#include "fieldvalue.h"

#include <QCoreApplication>

#include <cmath>

namespace Madf::FieldValue {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Madf::FieldValue", text); }

QVariant fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return {};
}

QVariant checkRange(const FieldSpec &spec, double v, const QString &given, QString *error)
{
    if (!std::isfinite(v) || v < spec.minimum || v > spec.maximum)
        return fail(error, tr("%1 is out of range (allowed: %2)").arg(given, spec.allowedText()));
    if (spec.kind == FieldKind::Int)
        return int(v);
    return v;
}
} // namespace

QVariant fromText(const FieldSpec &spec, const QString &rawText, QString *error)
{
    const QString text = rawText.trimmed();
    switch (spec.kind) {
    case FieldKind::Bool: {
        const QString t = text.toLower();
        static const QStringList yes = {QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on"),
                                        QStringLiteral("1")};
        static const QStringList no = {QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off"),
                                       QStringLiteral("0")};
        if (yes.contains(t))
            return true;
        if (no.contains(t))
            return false;
        return fail(error, tr("\"%1\" is not a boolean (allowed: %2)").arg(text, spec.allowedText()));
    }
    case FieldKind::Int: {
        bool ok = false;
        const qlonglong v = text.toLongLong(&ok);
        if (!ok) {
            // "10.0" is a whole number a user may well write; "10.5" is not.
            const double d = text.toDouble(&ok);
            if (!ok || d != std::floor(d))
                return fail(error, tr("\"%1\" is not a whole number (allowed: %2)").arg(text, spec.allowedText()));
            return checkRange(spec, d, text, error);
        }
        return checkRange(spec, double(v), text, error);
    }
    case FieldKind::Double: {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok)
            return fail(error, tr("\"%1\" is not a number (allowed: %2)").arg(text, spec.allowedText()));
        return checkRange(spec, v, text, error);
    }
    case FieldKind::Enum:
        for (const QString &c : spec.choices)
            if (c.compare(text, Qt::CaseInsensitive) == 0)
                return c;
        // Python logging spells it WARN/WARNING; accept both.
        if (text.compare(QStringLiteral("warn"), Qt::CaseInsensitive) == 0 && spec.choices.contains(QStringLiteral("warning")))
            return QStringLiteral("warning");
        return fail(error, tr("\"%1\" is not allowed (allowed: %2)").arg(text, spec.allowedText()));
    case FieldKind::String:
        return rawText;
    case FieldKind::StringList: {
        QStringList parts;
        for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            parts << p.trimmed();
        return parts;
    }
    case FieldKind::StringMap:
        return fail(error, tr("a map cannot be given as text (allowed: %1)").arg(spec.allowedText()));
    }
    return {};
}

QVariant check(const FieldSpec &spec, const QVariant &value, QString *error)
{
    if (!value.isValid() || value.isNull()) {
        if (spec.isOptional())
            return QVariant();
        return fail(error, tr("a value is required (allowed: %1)").arg(spec.allowedText()));
    }
    switch (spec.kind) {
    case FieldKind::StringList:
        if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
            return value.toStringList();
        return fromText(spec, value.toString(), error);
    case FieldKind::StringMap:
        if (value.typeId() == QMetaType::QVariantMap)
            return value;
        return fail(error, tr("expected %1").arg(spec.allowedText()));
    case FieldKind::Bool:
        if (value.typeId() == QMetaType::Bool)
            return value;
        return fromText(spec, value.toString(), error);
    case FieldKind::Int:
    case FieldKind::Double:
        if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::Double
            || value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Float) {
            const double d = value.toDouble();
            if (spec.kind == FieldKind::Int && d != std::floor(d))
                return fail(error, tr("\"%1\" is not a whole number (allowed: %2)").arg(value.toString(), spec.allowedText()));
            return checkRange(spec, d, value.toString(), error);
        }
        return fromText(spec, value.toString(), error);
    default:
        return fromText(spec, value.toString(), error);
    }
}

QString toText(const FieldSpec &spec, const QVariant &value)
{
    if (!value.isValid())
        return {};
    switch (spec.kind) {
    case FieldKind::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case FieldKind::Double:
        return QString::number(value.toDouble(), 'g', 12);
    case FieldKind::StringList:
        return value.toStringList().join(QStringLiteral(", "));
    case FieldKind::StringMap: {
        QStringList parts;
        const QVariantMap m = value.toMap();
        for (auto it = m.begin(); it != m.end(); ++it)
            parts << it.key() + QStringLiteral(": ") + it.value().toString();
        return parts.join(QStringLiteral(", "));
    }
    default:
        return value.toString();
    }
}

} // namespace Madf::FieldValue
