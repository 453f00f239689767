#pragma once

#include "core/model/documentrequest.h"
#include "core/model/documentsection.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Madf {

/** One source the document may cite as [number]: a reference the user gave
 *  (file or URL) turned into text. */
struct SourceDoc
{
    int number = 0;          ///< 1-based citation number
    QString title;
    QString location;        ///< file path or URL, as the user gave it
    QString text;            ///< plain text
    QString error;           ///< non-empty when it could not be read (then it is not citable)
};

/** A retrieved passage of a source, ranked for one question. */
struct SourceChunk
{
    int sourceNumber = 0;
    int index = 0;           ///< chunk index within the source
    QString text;
    double score = 0;        ///< BM25 score for the query it was ranked for
};

/** Research: one sub-question and its answer (with [n] citations). */
struct ResearchFinding
{
    QString question;
    QString answer;
};

/** The plan of one section. */
struct OutlineSection
{
    QString title;
    QString plan;            ///< what the section must say
    QStringList keyPoints;
    int targetWords = 0;
};

struct Outline
{
    QString title;
    QList<OutlineSection> sections;
};

/** Everything the agents may read about a document in progress. The
 *  orchestrator owns and updates it; agents only read it to build requests. */
struct DocumentContext
{
    QString documentId;
    DocumentRequest request;
    QList<SourceDoc> sources;             ///< citable sources, numbered from 1
    QStringList subQuestions;
    QList<ResearchFinding> findings;
    QString brief;                        ///< research brief (compacted per section when used)
    Outline outline;
    QList<DocumentSection> sections;      ///< current text of each section, in outline order
    QString executiveSummary;             ///< report workflow only
    QStringList revisionNotes;            ///< findings to address in a revision round
    int revisionRound = 0;
};

} // namespace Madf
