#pragma once

#include "core/model/document.h"
#include "core/model/documentrequest.h"
#include "core/quality/modelrubric.h"
#include "core/quality/qualityreport.h"
#include "core/quality/readability.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Madf {

/** What a document is checked against, beyond its request. */
struct AssessOptions
{
    /** Section names the document type needs; "A/B" accepts either.
     *  See QualityAssessor::requiredSectionsFor(). */
    QStringList requiredSections;
    /** Real sources available to cite: a citation [n] resolves when
     *  1 ≤ n ≤ sourceCount. */
    int sourceCount = 0;
    /** Every body section should cite a source (papers, or quality.require_sources). */
    bool requireCitations = false;
    /** Readers the text is for; empty means the request's audience. */
    QString audience;

    /** The options the framework implies for a request: its type's required
     *  sections, citations required for papers or when requireSources. */
    static AssessOptions forRequest(const DocumentRequest &request, int sourceCount, bool requireSources = false);
};

/** Flesch ranges that suit a class of readers. */
struct ReadabilityTarget
{
    QString audienceClass;  ///< general, expert, beginner or business
    double minReadingEase = 50.0;
    double maxReadingEase = 70.0;
    double minGrade = 8.0;
    double maxGrade = 12.0;

    /** Translated, to complete "... than %1 needs": "a general audience". */
    QString label() const;
};

/** The deterministic, local part of quality assessment: structure, prose,
 *  citations, requirement coverage and length, measured without any network,
 *  combined with the verification model's rubric when there is one.
 *  Pure functions; safe on any thread. A 5,000-word document takes about
 *  2 ms of one core (tests/bench/bench_quality). */
namespace QualityAssessor {

/** article: Introduction, Conclusion; paper: Abstract, Introduction,
 *  Conclusion; report: Executive Summary, Introduction,
 *  Conclusion/Recommendations; essay: Introduction, Conclusion; blog: none;
 *  documentation: Overview. Unknown types are articles. */
QStringList requiredSectionsFor(const QString &documentType);

/** general (FRE 50–70, grade 8–12), expert/technical/academic/researchers
 *  (20–50, 12–18), children/beginners (70–90, 4–8), executives/business
 *  (40–60, 10–14). The audience is matched by its words; anything else is
 *  general. */
ReadabilityTarget readabilityTargetFor(const QString &audience);

/** 1 inside the target ranges; each of reading ease and grade falls off
 *  linearly to 0 at 30 FRE points (6 grades) outside, and the two average.
 *  No prose scores 0. */
double readabilityScore(const ReadabilityStats &stats, const ReadabilityTarget &target);

/** The words of a requirement that the document must use: lower case, four
 *  letters or more, not a stop word ("include", "discuss", "should", ...),
 *  plurals folded. */
QStringList keyTerms(const QString &requirement);

/** Measures the document and combines the measures with `rubric` into the
 *  four dimensions and the overall score. Without a usable rubric,
 *  rubricAvailable is false, the dimensions rest on the local measures only
 *  and a finding says that accuracy was not verified by a model. */
QualityReport assess(const Document &document, const DocumentRequest &request,
                     const std::optional<ModelRubric> &rubric, const AssessOptions &options);

} // namespace QualityAssessor

} // namespace Madf
