#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Madf {

class JsonWriter;

/** One problem found in a DocumentRequest: which field (the framework's
 *  snake_case name, with an index for list entries: "requirements[2]"),
 *  the value given, what is wrong with it and the rule it breaks. */
struct RequestError
{
    QString field;     ///< "topic", "target_length", "references[0]", ...
    QString value;     ///< the offending value, as text
    QString problem;   ///< "is too short", "is out of range", ...
    QString rule;      ///< "at least 5 characters", "100–50,000 words", ...
    bool quoteValue = true; ///< false for numbers: 50, not "50"

    /** `topic: "AI" is too short (at least 5 characters)`. Long values are
     *  cut to keep the message readable. */
    QString message() const;

    bool operator==(const RequestError &) const = default;
};

/** What the user asks for: the input of one document generation. Field names
 *  and defaults follow the framework; validate() refuses a bad request
 *  before any model is called. */
struct DocumentRequest
{
    QString topic;
    QString documentType = QStringLiteral("article"); ///< see knownDocumentTypes(); others mean article
    int targetLength = 1000;                          ///< words
    QString style = QStringLiteral("formal");
    QString audience = QStringLiteral("general");
    QStringList requirements;
    QStringList references;                           ///< file paths or http(s) URLs
    QString outline;                                  ///< optional, user-supplied
    QVariantMap metadata;

    static constexpr int MinTopicLength = 5;
    static constexpr int MaxTopicLength = 500;
    static constexpr int MinTargetLength = 100;
    static constexpr int MaxTargetLength = 50000;
    static constexpr int MaxStyleLength = 100;       ///< for style and audience
    static constexpr int MaxDocumentTypeLength = 50;
    static constexpr int MaxRequirementLength = 1000;
    static constexpr int MaxRequirements = 50;
    static constexpr int MaxReferenceLength = 4096;
    static constexpr int MaxReferences = 100;
    static constexpr int MaxOutlineLength = 20000;

    /** article, paper, report, essay, blog, documentation. */
    static QStringList knownDocumentTypes();

    /** The document type the pipeline uses: documentType in lower case when
     *  it is known, otherwise "article". */
    QString effectiveType() const;

    /** Every problem with the request, in field order; empty when valid. */
    QList<RequestError> validate() const;
    bool isValid() const { return validate().isEmpty(); }

    /** The framework's snake_case keys: topic, document_type, target_length,
     *  style, audience, requirements, references, outline, metadata. */
    QJsonObject toJson() const;
    /** toJson() written directly (see JsonWriter). */
    void writeJson(JsonWriter &out) const;
    QByteArray toJsonText() const;
    /** Missing keys keep their defaults. A value of the wrong type is
     *  ignored and described in *error (the first one found). */
    static DocumentRequest fromJson(const QJsonObject &json, QString *error = nullptr);

    bool operator==(const DocumentRequest &other) const;
};

} // namespace Madf

Q_DECLARE_METATYPE(Madf::DocumentRequest)
