#include "core/model/documentrequest.h"

#include "core/model/jsonwriter.h"
#include "core/model/jsonhelpers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

#include <limits>

namespace Madf {

namespace {

// lupdate files a bare tr() under the class or namespace it is called
// in; calls outside the class this context belongs to name it.
struct DocumentRequestTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::DocumentRequest)
};
QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::DocumentRequest", text);
}

// The C locale (tests, CI, LANG unset) prints 50000; people read 50,000 better.
QString formatCount(qint64 n)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    return locale.toString(n);
}

// Characters as people count them: a surrogate pair is one character.
int charCount(const QString &text)
{
    int count = 0;
    for (const QChar c : text) {
        if (!c.isLowSurrogate())
            ++count;
    }
    return count;
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

QString atLeastChars(int n) { return DocumentRequestTr::tr("at least %1 characters").arg(formatCount(n)); }
QString atMostChars(int n) { return DocumentRequestTr::tr("at most %1 characters").arg(formatCount(n)); }
QString charRange(int lo, int hi) { return DocumentRequestTr::tr("%1–%2 characters").arg(formatCount(lo), formatCount(hi)); }

class Collector
{
public:
    void add(const QString &field, const QString &value, const QString &problem, const QString &rule,
             bool quote = true)
    {
        m_errors.append(RequestError{field, value, problem, rule, quote});
    }

    // A required, bounded piece of text (style, audience, one requirement).
    void checkText(const QString &field, const QString &value, int maxChars)
    {
        const int length = charCount(value.trimmed());
        if (length == 0)
            add(field, value, DocumentRequestTr::tr("is empty"), charRange(1, maxChars));
        else if (length > maxChars)
            add(field, value, DocumentRequestTr::tr("is too long"), atMostChars(maxChars));
    }

    void checkCount(const QString &field, qsizetype count, int max)
    {
        if (count > max)
            add(field, QString::number(count), DocumentRequestTr::tr("entries are too many"), DocumentRequestTr::tr("at most %1").arg(formatCount(max)),
                false);
    }

    QList<RequestError> errors() const { return m_errors; }

private:
    QList<RequestError> m_errors;
};

void checkReference(Collector &out, const QString &field, const QString &reference)
{
    const QString rule = DocumentRequestTr::tr("an http(s) web address or a file path");
    const QString ref = reference.trimmed();
    if (ref.isEmpty()) {
        out.add(field, reference, DocumentRequestTr::tr("is empty"), rule);
        return;
    }
    if (charCount(ref) > DocumentRequest::MaxReferenceLength) {
        out.add(field, reference, DocumentRequestTr::tr("is too long"), atMostChars(DocumentRequest::MaxReferenceLength));
        return;
    }
    if (hasControlCharacters(ref)) {
        out.add(field, reference, DocumentRequestTr::tr("contains control characters"), rule);
        return;
    }
    // "scheme:something" reads as a URL; a one-letter scheme is a Windows
    // drive ("C:\notes.md") and "Smith: A study" (a space after the colon) is
    // a title, both taken as paths. A bare "javascript:" is still a scheme.
    static const QRegularExpression schemeRe(QStringLiteral("^([A-Za-z][A-Za-z0-9+.\\-]+):(?=\\S|$)"));
    const QRegularExpressionMatch match = schemeRe.match(ref);
    if (!match.hasMatch())
        return;
    const QString scheme = match.captured(1).toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        out.add(field, reference, DocumentRequestTr::tr("uses a scheme that is not allowed"), rule);
        return;
    }
    const QUrl url(ref, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        out.add(field, reference, DocumentRequestTr::tr("is not a valid web address"), rule);
}

} // namespace

QString RequestError::message() const
{
    constexpr int MaxShown = 60;
    QString shown = value;
    shown.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (shown.size() > MaxShown)
        shown = shown.left(MaxShown) + QChar(0x2026);
    if (quoteValue)
        shown = QLatin1Char('"') + shown + QLatin1Char('"');
    return QCoreApplication::translate("Madf::DocumentRequest", "%1: %2 %3 (%4)")
        .arg(field, shown, problem, rule);
}

QStringList DocumentRequest::knownDocumentTypes()
{
    return {QStringLiteral("article"), QStringLiteral("paper"), QStringLiteral("report"),
            QStringLiteral("essay"), QStringLiteral("blog"), QStringLiteral("documentation")};
}

QString DocumentRequest::effectiveType() const
{
    const QString type = documentType.trimmed().toLower();
    return knownDocumentTypes().contains(type) ? type : QStringLiteral("article");
}

QList<RequestError> DocumentRequest::validate() const
{
    Collector out;

    const int topicLength = charCount(topic.trimmed());
    if (topicLength < MinTopicLength)
        out.add(QStringLiteral("topic"), topic, tr("is too short"), atLeastChars(MinTopicLength));
    else if (topicLength > MaxTopicLength)
        out.add(QStringLiteral("topic"), topic, tr("is too long"), atMostChars(MaxTopicLength));

    static const QRegularExpression typeRe(QStringLiteral("^[A-Za-z0-9_-]+$"));
    const QString typeRule = tr("letters, digits, '-' and '_' only");
    if (documentType.isEmpty())
        out.add(QStringLiteral("document_type"), documentType, tr("is empty"), typeRule);
    else if (documentType.size() > MaxDocumentTypeLength)
        out.add(QStringLiteral("document_type"), documentType, tr("is too long"), atMostChars(MaxDocumentTypeLength));
    else if (!typeRe.match(documentType).hasMatch())
        out.add(QStringLiteral("document_type"), documentType, tr("has characters that are not allowed"), typeRule);

    if (targetLength < MinTargetLength || targetLength > MaxTargetLength)
        out.add(QStringLiteral("target_length"), QString::number(targetLength), tr("is out of range"),
                tr("%1–%2 words").arg(formatCount(MinTargetLength), formatCount(MaxTargetLength)), false);

    out.checkText(QStringLiteral("style"), style, MaxStyleLength);
    out.checkText(QStringLiteral("audience"), audience, MaxStyleLength);

    out.checkCount(QStringLiteral("requirements"), requirements.size(), MaxRequirements);
    for (qsizetype i = 0; i < requirements.size(); ++i)
        out.checkText(QStringLiteral("requirements[%1]").arg(i), requirements.at(i), MaxRequirementLength);

    out.checkCount(QStringLiteral("references"), references.size(), MaxReferences);
    for (qsizetype i = 0; i < references.size(); ++i)
        checkReference(out, QStringLiteral("references[%1]").arg(i), references.at(i));

    if (charCount(outline) > MaxOutlineLength)
        out.add(QStringLiteral("outline"), outline, tr("is too long"), atMostChars(MaxOutlineLength));

    return out.errors();
}

QJsonObject DocumentRequest::toJson() const
{
    return QJsonObject {
        {QStringLiteral("topic"), topic},
        {QStringLiteral("document_type"), documentType},
        {QStringLiteral("target_length"), targetLength},
        {QStringLiteral("style"), style},
        {QStringLiteral("audience"), audience},
        {QStringLiteral("requirements"), JsonHelpers::stringListToJson(requirements)},
        {QStringLiteral("references"), JsonHelpers::stringListToJson(references)},
        {QStringLiteral("outline"), JsonHelpers::stringOrNull(outline)},
        {QStringLiteral("metadata"), QJsonObject::fromVariantMap(metadata)},
    };
}

// Keys in sorted order, as QJsonObject writes them.
void DocumentRequest::writeJson(JsonWriter &out) const
{
    out.beginObject();
    out.key(QLatin1StringView("audience")).string(audience);
    out.key(QLatin1StringView("document_type")).string(documentType);
    out.key(QLatin1StringView("metadata")).variantMap(metadata);
    out.key(QLatin1StringView("outline")).stringOrNull(outline);
    out.key(QLatin1StringView("references")).stringList(references);
    out.key(QLatin1StringView("requirements")).stringList(requirements);
    out.key(QLatin1StringView("style")).string(style);
    out.key(QLatin1StringView("target_length")).integer(targetLength);
    out.key(QLatin1StringView("topic")).string(topic);
    out.endObject();
}

QByteArray DocumentRequest::toJsonText() const
{
    JsonWriter out;
    writeJson(out);
    return out.take();
}

DocumentRequest DocumentRequest::fromJson(const QJsonObject &json, QString *error)
{
    DocumentRequest request;
    QString firstError;
    const auto wrongType = [&](const QString &key, const QString &expected, const QJsonValue &value) {
        if (!firstError.isEmpty())
            return;
        QString given = value.toVariant().toString();
        if (value.isArray())
            given = QStringLiteral("[…]");
        else if (value.isObject())
            given = QStringLiteral("{…}");
        firstError = tr("%1: expected %2, got \"%3\"").arg(key, expected, given);
    };
    const auto readString = [&](const QString &key, QString &target) {
        const QJsonValue value = json.value(key);
        if (value.isString())
            target = value.toString();
        else if (!value.isUndefined() && !value.isNull())
            wrongType(key, tr("text"), value);
    };
    const auto readList = [&](const QString &key, QStringList &target) {
        const QJsonValue value = json.value(key);
        if (value.isArray() || value.isString())
            target = JsonHelpers::stringListFromJson(value);
        else if (!value.isUndefined() && !value.isNull())
            wrongType(key, tr("a list of text"), value);
    };

    readString(QStringLiteral("topic"), request.topic);
    readString(QStringLiteral("document_type"), request.documentType);
    readString(QStringLiteral("style"), request.style);
    readString(QStringLiteral("audience"), request.audience);
    readString(QStringLiteral("outline"), request.outline);
    readList(QStringLiteral("requirements"), request.requirements);
    readList(QStringLiteral("references"), request.references);

    const QString lengthKey = QStringLiteral("target_length");
    const QJsonValue length = json.value(lengthKey);
    double words = length.toDouble();
    bool numeric = length.isDouble();
    if (length.isString())
        words = length.toString().trimmed().toDouble(&numeric);
    if (numeric) {
        // Clamp rather than wrap, so validate() reports the value as out of range.
        constexpr double IntMax = std::numeric_limits<int>::max();
        constexpr double IntMin = std::numeric_limits<int>::min();
        request.targetLength = static_cast<int>(qRound64(qBound(IntMin, words, IntMax)));
    } else if (!length.isUndefined() && !length.isNull()) {
        wrongType(lengthKey, tr("a number of words"), length);
    }

    const QJsonValue metadata = json.value(QStringLiteral("metadata"));
    if (metadata.isObject())
        request.metadata = metadata.toObject().toVariantMap();
    else if (!metadata.isUndefined() && !metadata.isNull())
        wrongType(QStringLiteral("metadata"), tr("an object"), metadata);

    if (error)
        *error = firstError;
    return request;
}

bool DocumentRequest::operator==(const DocumentRequest &other) const
{
    return topic == other.topic && documentType == other.documentType && targetLength == other.targetLength
        && style == other.style && audience == other.audience && requirements == other.requirements
        && references == other.references && outline == other.outline
        && JsonHelpers::sameJsonMap(metadata, other.metadata);
}

} // namespace Madf
