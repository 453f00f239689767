#include "core/quality/qualityreport.h"

#include "core/model/jsonwriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace Madf {

namespace {

// lupdate files a bare tr() under the class or namespace it is called
// in; calls outside the class this context belongs to name it.
struct QualityReportTr
{
    Q_DECLARE_TR_FUNCTIONS(Madf::QualityReport)
};
QString tr(const char *text)
{
    return QCoreApplication::translate("Madf::QualityReport", text);
}

// A weighted sum of scores that are each exactly on a threshold can land a
// hair below it in floating point; people would see "0.90, good".
constexpr double ThresholdTolerance = 1e-9;

void noteError(QString *error, const QString &message)
{
    if (error && error->isEmpty())
        *error = message;
}

} // namespace

QString toString(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Minor: return QStringLiteral("minor");
    case Severity::Major: return QStringLiteral("major");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return QStringLiteral("minor");
}

std::optional<Severity> severityFromString(const QString &name)
{
    for (const Severity s : {Severity::Info, Severity::Minor, Severity::Major, Severity::Critical}) {
        if (name.compare(toString(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

QString QualityBand::verdictName() const
{
    switch (verdict) {
    case Verdict::Excellent: return QStringLiteral("excellent");
    case Verdict::Good: return QStringLiteral("good");
    case Verdict::Fair: return QStringLiteral("fair");
    case Verdict::Poor: return QStringLiteral("poor");
    case Verdict::Unacceptable: return QStringLiteral("unacceptable");
    }
    return QStringLiteral("unacceptable");
}

QString QualityBand::actionName() const
{
    switch (action) {
    case Action::Accept: return QStringLiteral("accept");
    case Action::Refine: return QStringLiteral("refine");
    case Action::ReviseSignificantly: return QStringLiteral("revise significantly");
    case Action::Regenerate: return QStringLiteral("regenerate");
    }
    return QStringLiteral("regenerate");
}

QString QualityBand::verdictLabel() const
{
    switch (verdict) {
    case Verdict::Excellent: return QualityReportTr::tr("Excellent");
    case Verdict::Good: return QualityReportTr::tr("Good");
    case Verdict::Fair: return QualityReportTr::tr("Fair");
    case Verdict::Poor: return QualityReportTr::tr("Poor");
    case Verdict::Unacceptable: return QualityReportTr::tr("Unacceptable");
    }
    return QualityReportTr::tr("Unacceptable");
}

QString QualityBand::actionLabel() const
{
    switch (action) {
    case Action::Accept: return QualityReportTr::tr("Accept");
    case Action::Refine: return QualityReportTr::tr("Refine");
    case Action::ReviseSignificantly: return QualityReportTr::tr("Revise significantly");
    case Action::Regenerate: return QualityReportTr::tr("Regenerate");
    }
    return QualityReportTr::tr("Regenerate");
}

QList<QualityBand> QualityBand::all()
{
    return {
        {Verdict::Excellent, Action::Accept, 0.90},
        {Verdict::Good, Action::Accept, 0.85},
        {Verdict::Fair, Action::Refine, 0.75},
        {Verdict::Poor, Action::ReviseSignificantly, 0.60},
        {Verdict::Unacceptable, Action::Regenerate, 0.0},
    };
}

QualityBand bandFor(double score)
{
    const QList<QualityBand> bands = QualityBand::all();
    for (const QualityBand &band : bands) {
        if (score + ThresholdTolerance >= band.minScore)
            return band;
    }
    return bands.last();  // negative or NaN: the worst band
}

QJsonObject QualityFinding::toJson() const
{
    QJsonObject json {
        {QStringLiteral("dimension"), dimension},
        {QStringLiteral("check"), check},
        {QStringLiteral("severity"), Madf::toString(severity)},
        {QStringLiteral("message"), message},
    };
    if (!section.isEmpty())
        json.insert(QStringLiteral("section"), section);
    return json;
}

// Keys in sorted order, as QJsonObject writes them; "section" only when set.
void QualityFinding::writeJson(JsonWriter &out) const
{
    out.beginObject();
    out.key(QLatin1StringView("check")).string(check);
    out.key(QLatin1StringView("dimension")).string(dimension);
    out.key(QLatin1StringView("message")).string(message);
    if (!section.isEmpty())
        out.key(QLatin1StringView("section")).string(section);
    out.key(QLatin1StringView("severity")).string(Madf::toString(severity));
    out.endObject();
}

QualityFinding QualityFinding::fromJson(const QJsonObject &json)
{
    QualityFinding finding;
    finding.dimension = json.value(QLatin1String("dimension")).toString();
    finding.check = json.value(QLatin1String("check")).toString();
    finding.severity = severityFromString(json.value(QLatin1String("severity")).toString()).value_or(Severity::Minor);
    finding.message = json.value(QLatin1String("message")).toString();
    finding.section = json.value(QLatin1String("section")).toString();
    return finding;
}

QString QualityComponent::label() const
{
    static const QHash<QString, const char *> labels {
        {QStringLiteral("required_sections"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Required sections")},
        {QStringLiteral("section_order"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Section order")},
        {QStringLiteral("section_balance"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Section balance")},
        {QStringLiteral("heading_hierarchy"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Heading hierarchy")},
        {QStringLiteral("format"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Format")},
        {QStringLiteral("readability"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Readability for the audience")},
        {QStringLiteral("sentence_variety"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Sentence length")},
        {QStringLiteral("repetition"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Repetition")},
        {QStringLiteral("model_coherence"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Coherence (model)")},
        {QStringLiteral("model_clarity"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Clarity (model)")},
        {QStringLiteral("citations_resolved"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Citations resolve")},
        {QStringLiteral("citation_coverage"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Sections with citations")},
        {QStringLiteral("claim_checks"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Claims checked (model)")},
        {QStringLiteral("model_accuracy"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Accuracy (model)")},
        {QStringLiteral("requirement_coverage"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Requirements covered")},
        {QStringLiteral("length"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Length")},
        {QStringLiteral("model_completeness"), QT_TRANSLATE_NOOP("Madf::QualityReport", "Completeness (model)")},
    };
    const auto it = labels.constFind(name);
    return it == labels.cend() ? name : tr(it.value());
}

QJsonObject QualityComponent::toJson() const
{
    return QJsonObject {
        {QStringLiteral("dimension"), dimension},
        {QStringLiteral("name"), name},
        {QStringLiteral("score"), score},
        {QStringLiteral("weight"), weight},
        {QStringLiteral("detail"), detail},
        {QStringLiteral("from_model"), fromModel},
    };
}

void QualityComponent::writeJson(JsonWriter &out) const
{
    out.beginObject();
    out.key(QLatin1StringView("detail")).string(detail);
    out.key(QLatin1StringView("dimension")).string(dimension);
    out.key(QLatin1StringView("from_model")).boolean(fromModel);
    out.key(QLatin1StringView("name")).string(name);
    out.key(QLatin1StringView("score")).number(score);
    out.key(QLatin1StringView("weight")).number(weight);
    out.endObject();
}

QualityComponent QualityComponent::fromJson(const QJsonObject &json)
{
    QualityComponent component;
    component.dimension = json.value(QLatin1String("dimension")).toString();
    component.name = json.value(QLatin1String("name")).toString();
    component.score = json.value(QLatin1String("score")).toDouble();
    component.weight = json.value(QLatin1String("weight")).toDouble();
    component.detail = json.value(QLatin1String("detail")).toString();
    component.fromModel = json.value(QLatin1String("from_model")).toBool();
    return component;
}

double QualityReport::overallFrom(double structural, double content, double accuracy, double completeness)
{
    return StructuralWeight * structural + ContentWeight * content + AccuracyWeight * accuracy
           + CompletenessWeight * completeness;
}

bool QualityReport::meets(double threshold) const
{
    return overall + ThresholdTolerance >= threshold;
}

double QualityReport::dimensionScore(const QString &dimension) const
{
    if (dimension == QualityDimension::Structural)
        return structural;
    if (dimension == QualityDimension::Content)
        return content;
    if (dimension == QualityDimension::Accuracy)
        return accuracy;
    if (dimension == QualityDimension::Completeness)
        return completeness;
    return 0.0;
}

QList<QualityComponent> QualityReport::componentsOf(const QString &dimension) const
{
    QList<QualityComponent> out;
    for (const QualityComponent &component : components) {
        if (component.dimension == dimension)
            out.append(component);
    }
    return out;
}

QList<QualityFinding> QualityReport::findingsAtLeast(Severity severity) const
{
    QList<QualityFinding> out;
    for (const QualityFinding &finding : findings) {
        if (finding.severity >= severity)
            out.append(finding);
    }
    return out;
}

QJsonObject QualityReport::toJson() const
{
    QJsonArray componentArray;
    for (const QualityComponent &component : components)
        componentArray.append(component.toJson());
    QJsonArray findingArray;
    for (const QualityFinding &finding : findings)
        findingArray.append(finding.toJson());
    return QJsonObject {
        {QStringLiteral("structural"), structural},
        {QStringLiteral("content"), content},
        {QStringLiteral("accuracy"), accuracy},
        {QStringLiteral("completeness"), completeness},
        {QStringLiteral("overall"), overall},
        {QStringLiteral("verdict"), verdict()},
        {QStringLiteral("action"), action()},
        {QStringLiteral("round"), round},
        {QStringLiteral("rubric_available"), rubricAvailable},
        {QStringLiteral("readability"), readability.toJson()},
        {QStringLiteral("components"), componentArray},
        {QStringLiteral("findings"), findingArray},
    };
}

void QualityReport::writeJson(JsonWriter &out) const
{
    out.beginObject();
    out.key(QLatin1StringView("accuracy")).number(accuracy);
    out.key(QLatin1StringView("action")).string(action());
    out.key(QLatin1StringView("completeness")).number(completeness);
    out.key(QLatin1StringView("components")).beginArray();
    for (const QualityComponent &component : components)
        component.writeJson(out);
    out.endArray();
    out.key(QLatin1StringView("content")).number(content);
    out.key(QLatin1StringView("findings")).beginArray();
    for (const QualityFinding &finding : findings)
        finding.writeJson(out);
    out.endArray();
    out.key(QLatin1StringView("overall")).number(overall);
    out.key(QLatin1StringView("readability"));
    readability.writeJson(out);
    out.key(QLatin1StringView("round")).integer(round);
    out.key(QLatin1StringView("rubric_available")).boolean(rubricAvailable);
    out.key(QLatin1StringView("structural")).number(structural);
    out.key(QLatin1StringView("verdict")).string(verdict());
    out.endObject();
}

QByteArray QualityReport::toJsonText() const
{
    JsonWriter out(4096);
    writeJson(out);
    return out.take();
}

QualityReport QualityReport::fromJson(const QJsonObject &json, QString *error)
{
    QualityReport report;
    report.structural = json.value(QLatin1String("structural")).toDouble();
    report.content = json.value(QLatin1String("content")).toDouble();
    report.accuracy = json.value(QLatin1String("accuracy")).toDouble();
    report.completeness = json.value(QLatin1String("completeness")).toDouble();
    report.overall = json.contains(QLatin1String("overall"))
                         ? json.value(QLatin1String("overall")).toDouble()
                         : overallFrom(report.structural, report.content, report.accuracy, report.completeness);
    report.round = json.value(QLatin1String("round")).toInt();
    report.rubricAvailable = json.value(QLatin1String("rubric_available")).toBool();
    report.readability = ReadabilityStats::fromJson(json.value(QLatin1String("readability")).toObject());

    const QJsonArray components = json.value(QLatin1String("components")).toArray();
    for (qsizetype i = 0; i < components.size(); ++i) {
        if (!components.at(i).isObject()) {
            noteError(error, tr("components[%1] is not an object").arg(i));
            continue;
        }
        report.components.append(QualityComponent::fromJson(components.at(i).toObject()));
    }
    const QJsonArray findings = json.value(QLatin1String("findings")).toArray();
    for (qsizetype i = 0; i < findings.size(); ++i) {
        if (!findings.at(i).isObject()) {
            noteError(error, tr("findings[%1] is not an object").arg(i));
            continue;
        }
        const QJsonObject object = findings.at(i).toObject();
        if (!severityFromString(object.value(QLatin1String("severity")).toString()))
            noteError(error, tr("findings[%1] has an unknown severity; read as minor").arg(i));
        report.findings.append(QualityFinding::fromJson(object));
    }
    return report;
}

} // namespace Madf
