#include "core/model/document.h"
#include "core/model/jsonwriter.h"
#include "core/quality/qualityassessor.h"
#include "core/quality/qualityreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QUrl>

#include <cmath>
#include <limits>

using namespace Madf;

// JsonWriter promises Qt's own bytes: every check compares with
// QJsonDocument::toJson(Compact) for the same tree, and with the text read
// back, so a difference that parses the same still shows.
namespace {

QByteArray qtJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray ours(const QJsonObject &object)
{
    JsonWriter out(1);  // grows from nearly nothing: the growth path is tested too
    out.json(object);
    return out.take();
}

// Text with everything an escape or the UTF-8 encoding can trip on.
// Mostly plain ASCII when `plain` is set, as prose is: the runs of eight
// that the writer copies in one step, broken at random by the awkward ones.
QString awkwardText(QRandomGenerator &random, int length, bool plain = false)
{
    // Surrogates as numbers: a lone one cannot be written as a literal.
    static const char16_t pieces[] = {u'a',    u'Z',    u' ',    u'"',    u'\\',   u'/',    u'\n',   u'\r',
                                      u'\t',   u'\b',   u'\f',   u'\x01', u'\x1f', u'\x7f', u'\u00e9', u'\u07ff',
                                      u'\u0800', u'\u2028', u'\u4e2d', u'\ufffe', u'\uffff', char16_t(0xd83d),
                                      char16_t(0xde00), char16_t(0xdbff), char16_t(0xdc00), u'<', u'&'};
    QString text;
    for (int i = 0; i < length; ++i) {
        if (plain && random.bounded(20) != 0)
            text.append(QChar(char16_t(0x20 + random.bounded(0x60))));
        else
            text.append(QChar(pieces[random.bounded(int(std::size(pieces)))]));
    }
    return text;
}

Document sampleDocument()
{
    DocumentRequest request;
    request.topic = QStringLiteral("Caching \"hot\" paths — naïve vs. smart 🚀");
    request.documentType = QStringLiteral("report");
    request.targetLength = 1500;
    request.style = QStringLiteral("technical");
    request.audience = QStringLiteral("engineers");
    request.requirements = {QStringLiteral("cover LRU"), QStringLiteral("tab\there")};
    request.references = {QStringLiteral("https://example.com/a?b=1&c=2")};
    request.metadata = {{QStringLiteral("priority"), 3}, {QStringLiteral("tags"), QStringList{"x", "y"}}};
    Document doc = Document::fromRequest(request);
    doc.title = QStringLiteral("Caching\n\"hot\" paths");
    for (int i = 0; i < 4; ++i) {
        DocumentSection section;
        section.title = QStringLiteral("Section %1 \\ part").arg(i);
        section.content = QStringLiteral("## Heading\n\nSome *text* with a quote \" and a backslash \\ and "
                                         "über-façade 中文 😀.\n\n- item\r\n- item\t2\n")
                              .repeated(i + 1);
        section.order = 4 - i;
        section.metadata = {{QStringLiteral("words"), 120 * i},
                            {QStringLiteral("score"), 0.1 * i},
                            {QStringLiteral("ok"), i % 2 == 0},
                            {QStringLiteral("missing"), QVariant()}};
        doc.sections.append(section);
    }
    doc.qualityScore = 0.8412345678901234;
    doc.wordCount = 1543;
    doc.status = DocumentStatus::Complete;
    doc.metadata = {
        {QStringLiteral("rounds"),
         QVariantList{QVariantMap{{QStringLiteral("round"), 1}, {QStringLiteral("score"), 0.71}},
                      QVariantMap{{QStringLiteral("round"), 2}, {QStringLiteral("score"), 0.9}}}},
        {QStringLiteral("notes"), QStringList{QStringLiteral("one"), QStringLiteral("two \"quoted\"")}},
        {QStringLiteral("big"), qint64(1) << 60},
        {QStringLiteral("whole_double"), 1000000.0},
        {QStringLiteral("negative_zero"), -0.0},
        {QStringLiteral("not_a_number"), std::numeric_limits<double>::quiet_NaN()},
        {QStringLiteral("url"), QUrl(QStringLiteral("https://example.com/x y"))},
        {QStringLiteral("when"), QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC)},
        {QStringLiteral("unsigned"), 4000000000u},
        {QStringLiteral("hash"), QVariantHash{{QStringLiteral("b"), 1}, {QStringLiteral("a"), 2}}},
        {QStringLiteral("empty_map"), QVariantMap()},
        {QStringLiteral("empty_list"), QVariantList()},
        {QStringLiteral("invalid_date"), QDateTime()},
        {QStringLiteral("json_value"), QVariant::fromValue(QJsonDocument::fromJson("[1e6]").array().at(0))},
    };
    return doc;
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentMatchesQtByteForByte()
    {
        const Document doc = sampleDocument();
        QCOMPARE(doc.toJsonText(), qtJson(doc.toJson()));
        QCOMPARE(Document::fromJson(QJsonDocument::fromJson(doc.toJsonText()).object()).toJsonText(),
                 doc.toJsonText());
    }

    void emptyAndFailedDocuments()
    {
        Document doc;
        QCOMPARE(doc.toJsonText(), qtJson(doc.toJson()));
        doc.status = DocumentStatus::Failed;
        doc.failureReason = QStringLiteral("timeout after 300 s");
        doc.createdAt = QDateTime();
        doc.request.outline = QStringLiteral("1. Intro");
        QCOMPARE(doc.toJsonText(), qtJson(doc.toJson()));
    }

    void requestMatchesQt()
    {
        const Document doc = sampleDocument();
        QCOMPARE(doc.request.toJsonText(), qtJson(doc.request.toJson()));
    }

    void randomTextEscapesAsQtDoes()
    {
        QRandomGenerator random(20261127);
        for (int i = 0; i < 5000; ++i) {
            const QString text = awkwardText(random, random.bounded(i % 2 ? 200 : 40), i % 2);
            const QJsonObject object{{text, text}};
            const QByteArray expected = qtJson(object);
            const QByteArray actual = ours(object);
            if (actual != expected)
                QFAIL(qPrintable(QStringLiteral("text %1: ours %2, Qt's %3")
                                     .arg(i)
                                     .arg(QString::fromLatin1(actual.toHex()), QString::fromLatin1(expected.toHex()))));
        }
    }

    void numbersAsQtWritesThem()
    {
        const QList<double> doubles{0.0,  -0.0, 1.0,   0.1,   -2.5,  1e-7,  1e6,    1e15,   1e17,   123456789.125,
                                    1e21, 1e300, 5e-324, 0.7 + 0.1, 3.0, 100.0, 1234567.0,
                                    9007199254740991.0, 9007199254740992.0, -9007199254740992.0,
                                    std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity(),
                                    std::numeric_limits<double>::quiet_NaN()};
        for (double d : doubles) {
            const QJsonObject object{{QStringLiteral("d"), d}};
            QCOMPARE(ours(object), qtJson(object));
            JsonWriter viaVariant;
            viaVariant.variantMap({{QStringLiteral("d"), d}});
            QCOMPARE(viaVariant.take(), qtJson(QJsonObject::fromVariantMap({{QStringLiteral("d"), d}})));
        }
        const QList<qint64> integers{0, 1, -1, 42, 1000000, qint64(1) << 53, (qint64(1) << 53) + 1,
                                     std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()};
        for (qint64 n : integers) {
            const QJsonObject object{{QStringLiteral("n"), n}};
            QCOMPARE(ours(object), qtJson(object));
            // Read back from text, as a stored report is.
            const QJsonObject parsed = QJsonDocument::fromJson(qtJson(object)).object();
            QCOMPARE(ours(parsed), qtJson(parsed));
        }
    }

    void nestedTreesMatchQt()
    {
        QualityReport report;
        report.overall = 0.8123;
        report.round = 2;
        QualityFinding finding;
        finding.message = QStringLiteral("Section \"Intro\" is 40% over its share");
        report.findings.append(finding);
        const QJsonObject json = report.toJson();
        QCOMPARE(ours(json), qtJson(json));

        const QJsonObject nested{{QStringLiteral("list"), QJsonArray{1, 2.5, QStringLiteral("x"), QJsonValue(),
                                                                   true, QJsonArray{}, QJsonObject{}}},
                                 {QStringLiteral("object"), QJsonObject{{QStringLiteral("z"), false}}}};
        QCOMPARE(ours(nested), qtJson(nested));
    }

    // A report as the assessment makes it: every component, finding and
    // readability count, written directly and through Qt.
    void qualityReportMatchesQt()
    {
        Document doc = sampleDocument();
        doc.sections.first().title = QStringLiteral("Introduction");
        doc.sections.first().content = QStringLiteral("Caching keeps hot data near [1]. It is fast [7].\n\n"
                                                      "Caching keeps hot data near [1]. It is fast [7].");
        QualityReport report = QualityAssessor::assess(doc, doc.request, std::nullopt,
                                                       AssessOptions::forRequest(doc.request, 2, true));
        QualityFinding sectionless;
        sectionless.message = QStringLiteral("No section named");
        report.findings.append(sectionless);
        QVERIFY(report.components.size() > 5);
        QVERIFY(std::any_of(report.findings.cbegin(), report.findings.cend(),
                            [](const QualityFinding &f) { return !f.section.isEmpty(); }));
        QCOMPARE(report.toJsonText(), qtJson(report.toJson()));
    }

    void writerIsEmptyAfterTake()
    {
        JsonWriter out;
        out.beginArray();
        out.integer(1);
        out.endArray();
        QCOMPARE(out.take(), QByteArray("[1]"));
        out.beginArray();
        out.string(u"a");
        out.boolean(false);
        out.null();
        out.endArray();
        QCOMPARE(out.take(), QByteArray("[\"a\",false,null]"));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
