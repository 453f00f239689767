#pragma once

// Internal to core/quality: the checks of each dimension. They measure and
// find; qualityassessor.cpp weighs (all weights live there).

#include "core/quality/documentscan.h"
#include "core/quality/qualityassessor.h"

#include <QList>
#include <QString>

namespace Madf::QualityChecks {

/** One measured component before weighing. */
struct Measure
{
    QString name;
    double score = 0.0;
    QString detail;
    bool fromModel = false;
};

struct CheckResult
{
    QList<Measure> measures;
    QList<QualityFinding> findings;

    void measure(const QString &name, double score, const QString &detail, bool fromModel = false)
    {
        measures.append(Measure {name, qBound(0.0, score, 1.0), detail, fromModel});
    }
};

/** What the model's rubric offers, with scores outside 0..1 already dropped. */
struct RubricView
{
    const ModelRubric *rubric = nullptr;  ///< null when there is none
    std::optional<double> accuracy, coherence, clarity, completeness;
};

struct Context
{
    const QualityScan::DocumentScan &scan;
    const DocumentRequest &request;
    const AssessOptions &options;
    const RubricView &rubric;
};

CheckResult structural(const Context &context);
CheckResult content(const Context &context);
CheckResult accuracy(const Context &context);
CheckResult completeness(const Context &context);

/** Translation and number formatting shared by the checks' messages. */
QString tr(const char *text);
QString formatCount(qint64 n);
QString formatScore(double value, int decimals = 1);
QString quoted(const QString &text, int maxChars = 80);

} // namespace Madf::QualityChecks
