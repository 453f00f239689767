#pragma once

#include "core/model/documentrequest.h"
#include "core/model/documentsection.h"
#include "core/model/documentstatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>
#include <QVariantMap>

#include <optional>

namespace Madf {

class JsonWriter;

/** A generated (or in-progress) document: its sections, where it is in the
 *  pipeline, its verified quality and the request it was made from. Plain
 *  value type; JSON is the storage and exchange form. */
struct Document
{
    QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString title;
    QList<DocumentSection> sections;
    DocumentStatus status = DocumentStatus::Pending;
    /** 0..1, set by verification. A document never verified has none (not 0). */
    std::optional<double> qualityScore;
    int wordCount = 0;  ///< words in the sections' content; see recomputeWordCount()
    QDateTime createdAt = QDateTime::currentDateTimeUtc();
    QDateTime updatedAt = createdAt;
    /** Free-form; "references" (a list of strings, or of maps with "title"
     *  and "url") is shown as the References list by the exports. */
    QVariantMap metadata;
    DocumentRequest request;
    QString failureReason;  ///< why it failed, for people; empty unless Failed

    /** A new Pending document for a request, titled after its topic. */
    static Document fromRequest(const DocumentRequest &request);

    bool hasQualityScore() const { return qualityScore.has_value(); }

    /** Sections sorted by `order`; equal orders keep their list order. */
    QList<DocumentSection> orderedSections() const;

    /** Words in `text`: runs separated by white space that hold at least one
     *  letter or digit, so Markdown marks ("##", "-", "**") do not count. */
    static int countWords(const QString &text);
    /** Sets wordCount from the sections' content and returns it. */
    int recomputeWordCount();

    /** Sets updatedAt to now (UTC). */
    void touch() { updatedAt = QDateTime::currentDateTimeUtc(); }

    /** The framework's keys (id, title, sections, status, quality_score,
     *  word_count, created_at, updated_at, metadata) plus request and
     *  failure_reason. quality_score is null when there is none. */
    QJsonObject toJson() const;
    /** toJson() as compact JSON text, written directly (JsonWriter): the
     *  same bytes, at a fraction of the cost. What the store saves. */
    QByteArray toJsonText() const;
    void writeJson(JsonWriter &out) const;
    /** Missing keys take empty values (a missing id stays empty). An unknown
     *  status reads as Pending and is described in *error. */
    static Document fromJson(const QJsonObject &json, QString *error = nullptr);

    /** Markdown: "# title", "## section" per section in order (not when the
     *  content already opens with a heading), then References if any. */
    QString toMarkdown() const;
    /** A complete standalone HTML5 page. Every piece of document text is
     *  escaped: a title of "<script>" shows as text, never runs. */
    QString toHtml() const;

    /** The metadata "references" list as display strings. */
    QStringList referenceList() const;

    bool operator==(const Document &other) const;
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::Document)
