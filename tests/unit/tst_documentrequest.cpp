#include "core/model/documentrequest.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTest>

using Madf::DocumentRequest;
using Madf::RequestError;

namespace {

DocumentRequest validRequest()
{
    DocumentRequest request;
    request.topic = QStringLiteral("The history of the printing press");
    return request;
}

QStringList repeated(const QString &item, int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(item);
    return list;
}

QStringList fieldsOf(const QList<RequestError> &errors)
{
    QStringList fields;
    for (const RequestError &error : errors)
        fields.append(error.field);
    return fields;
}

void setField(DocumentRequest &request, const QString &field, const QVariant &value)
{
    if (field == QLatin1String("topic"))
        request.topic = value.toString();
    else if (field == QLatin1String("document_type"))
        request.documentType = value.toString();
    else if (field == QLatin1String("target_length"))
        request.targetLength = value.toInt();
    else if (field == QLatin1String("style"))
        request.style = value.toString();
    else if (field == QLatin1String("audience"))
        request.audience = value.toString();
    else if (field == QLatin1String("requirements"))
        request.requirements = value.toStringList();
    else if (field == QLatin1String("references"))
        request.references = value.toStringList();
    else if (field == QLatin1String("outline"))
        request.outline = value.toString();
    else
        QFAIL(qPrintable(QStringLiteral("unknown field ") + field));
}

} // namespace

class TestDocumentRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The C locale is what CI runs with; numbers must still read "50,000".
        QLocale::setDefault(QLocale::c());
    }

    void defaults()
    {
        const DocumentRequest request;
        QCOMPARE(request.documentType, QStringLiteral("article"));
        QCOMPARE(request.targetLength, 1000);
        QCOMPARE(request.style, QStringLiteral("formal"));
        QCOMPARE(request.audience, QStringLiteral("general"));
        QVERIFY(request.outline.isEmpty());
        // A default request lacks only its topic.
        QCOMPARE(fieldsOf(request.validate()), QStringList {QStringLiteral("topic")});
        QVERIFY(validRequest().isValid());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QStringList>("errorFields");

        const QStringList none;
        const QStringList topic {QStringLiteral("topic")};
        QTest::newRow("topic 4 chars") << "topic" << QVariant("abcd") << topic;
        QTest::newRow("topic 5 chars") << "topic" << QVariant("abcde") << none;
        QTest::newRow("topic too short after trim") << "topic" << QVariant("   abcd   ") << topic;
        QTest::newRow("topic empty") << "topic" << QVariant("") << topic;
        QTest::newRow("topic blanks") << "topic" << QVariant("      \t\n") << topic;
        QTest::newRow("topic 500 chars") << "topic" << QVariant(QString(500, 'x')) << none;
        QTest::newRow("topic 501 chars") << "topic" << QVariant(QString(501, 'x')) << topic;
        QTest::newRow("topic 5 CJK chars") << "topic" << QVariant(QStringLiteral("日本語の本")) << none;
        // Four emoji are eight UTF-16 units but four characters.
        QTest::newRow("topic 4 emoji") << "topic" << QVariant(QStringLiteral("😀😀😀😀")) << topic;

        const QStringList type {QStringLiteral("document_type")};
        QTest::newRow("type paper") << "document_type" << QVariant("paper") << none;
        QTest::newRow("type unknown but well formed") << "document_type" << QVariant("white-paper_2") << none;
        QTest::newRow("type with space") << "document_type" << QVariant("white paper") << type;
        QTest::newRow("type with punctuation") << "document_type" << QVariant("blog!") << type;
        QTest::newRow("type markup") << "document_type" << QVariant("<b>") << type;
        QTest::newRow("type empty") << "document_type" << QVariant("") << type;
        QTest::newRow("type 50 chars") << "document_type" << QVariant(QString(50, 'a')) << none;
        QTest::newRow("type 51 chars") << "document_type" << QVariant(QString(51, 'a')) << type;

        const QStringList length {QStringLiteral("target_length")};
        QTest::newRow("length 99") << "target_length" << QVariant(99) << length;
        QTest::newRow("length 100") << "target_length" << QVariant(100) << none;
        QTest::newRow("length 50000") << "target_length" << QVariant(50000) << none;
        QTest::newRow("length 50001") << "target_length" << QVariant(50001) << length;
        QTest::newRow("length 0") << "target_length" << QVariant(0) << length;
        QTest::newRow("length negative") << "target_length" << QVariant(-500) << length;

        for (const QString &name : {QStringLiteral("style"), QStringLiteral("audience")}) {
            const QByteArray n = name.toLatin1();
            QTest::newRow(QByteArray(n + " empty").constData()) << name << QVariant("") << QStringList {name};
            QTest::newRow(QByteArray(n + " blanks").constData()) << name << QVariant("   ") << QStringList {name};
            QTest::newRow(QByteArray(n + " 1 char").constData()) << name << QVariant("x") << none;
            QTest::newRow(QByteArray(n + " 100 chars").constData()) << name << QVariant(QString(100, 'x')) << none;
            QTest::newRow(QByteArray(n + " 101 chars").constData()) << name << QVariant(QString(101, 'x')) << QStringList {name};
        }

        QTest::newRow("requirements none") << "requirements" << QVariant(QStringList()) << none;
        QTest::newRow("requirement ok") << "requirements" << QVariant(QStringList {"Cite sources"}) << none;
        QTest::newRow("requirement empty")
            << "requirements" << QVariant(QStringList {"Cite sources", "Be brief", " "})
            << QStringList {"requirements[2]"};
        QTest::newRow("requirement 1000 chars") << "requirements" << QVariant(QStringList {QString(1000, 'r')}) << none;
        QTest::newRow("requirement 1001 chars")
            << "requirements" << QVariant(QStringList {QString(1001, 'r')}) << QStringList {"requirements[0]"};
        QTest::newRow("50 requirements") << "requirements" << QVariant(repeated("Be clear", 50)) << none;
        QTest::newRow("51 requirements")
            << "requirements" << QVariant(repeated("Be clear", 51)) << QStringList {"requirements"};

        const auto refs = [](const QString &ref) { return QVariant(QStringList {ref}); };
        const QStringList ref0 {QStringLiteral("references[0]")};
        QTest::newRow("ref https") << "references" << refs("https://example.org/a?b=1#c") << none;
        QTest::newRow("ref http") << "references" << refs("http://example.org") << none;
        QTest::newRow("ref upper-case scheme") << "references" << refs("HTTPS://example.org") << none;
        QTest::newRow("ref relative path") << "references" << refs("notes/sources.md") << none;
        QTest::newRow("ref absolute path") << "references" << refs("/home/ann/papers/press.pdf") << none;
        QTest::newRow("ref path with spaces") << "references" << refs("My Papers/Gutenberg (1450).pdf") << none;
        QTest::newRow("ref windows path") << "references" << refs("C:\\Users\\ann\\press.pdf") << none;
        QTest::newRow("ref title with colon") << "references" << refs("Eisenstein: The Printing Revolution") << none;
        QTest::newRow("ref ftp") << "references" << refs("ftp://x") << ref0;
        QTest::newRow("ref javascript") << "references" << refs("javascript:alert(1)") << ref0;
        QTest::newRow("ref bare javascript") << "references" << refs("javascript:") << ref0;
        QTest::newRow("ref data") << "references" << refs("data:text/html,<script>") << ref0;
        QTest::newRow("ref file url") << "references" << refs("file:///etc/passwd") << ref0;
        QTest::newRow("ref http without host") << "references" << refs("http://") << ref0;
        QTest::newRow("ref empty") << "references" << refs("") << ref0;
        QTest::newRow("ref control char") << "references" << refs(QStringLiteral("a\x01b.md")) << ref0;
        QTest::newRow("second ref bad")
            << "references" << QVariant(QStringList {"a.md", "javascript:x()"}) << QStringList {"references[1]"};
        QTest::newRow("100 refs") << "references" << QVariant(repeated("a.md", 100)) << none;
        QTest::newRow("101 refs") << "references" << QVariant(repeated("a.md", 101)) << QStringList {"references"};

        QTest::newRow("outline none") << "outline" << QVariant("") << none;
        QTest::newRow("outline 20000 chars") << "outline" << QVariant(QString(20000, 'o')) << none;
        QTest::newRow("outline 20001 chars") << "outline" << QVariant(QString(20001, 'o')) << QStringList {"outline"};
    }

    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(QStringList, errorFields);

        DocumentRequest request = validRequest();
        setField(request, field, value);
        const QList<RequestError> errors = request.validate();
        QCOMPARE(fieldsOf(errors), errorFields);
        QCOMPARE(request.isValid(), errorFields.isEmpty());
        for (const RequestError &error : errors)
            QVERIFY2(error.message().startsWith(error.field + QStringLiteral(": ")), qPrintable(error.message()));
    }

    void everyErrorAtOnce()
    {
        DocumentRequest request;
        request.topic = QStringLiteral("AI");
        request.documentType = QStringLiteral("bad type");
        request.targetLength = 50;
        request.style = QString();
        request.audience = QString(101, 'a');
        request.requirements = {QStringLiteral("ok"), QString()};
        request.references = {QStringLiteral("ftp://x"), QStringLiteral("ok.md"), QStringLiteral("javascript:")};
        request.outline = QString(20001, 'o');

        const QStringList expected {"topic", "document_type", "target_length", "style", "audience",
                                    "requirements[1]", "references[0]", "references[2]", "outline"};
        QCOMPARE(fieldsOf(request.validate()), expected);
    }

    void messages_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("message");

        QTest::newRow("topic") << "topic" << QVariant("AI")
                               << QStringLiteral("topic: \"AI\" is too short (at least 5 characters)");
        QTest::newRow("target_length") << "target_length" << QVariant(50)
                                       << QStringLiteral("target_length: 50 is out of range (100–50,000 words)");
        QTest::newRow("target_length high") << "target_length" << QVariant(50001)
                                            << QStringLiteral("target_length: 50001 is out of range (100–50,000 words)");
        QTest::newRow("style") << "style" << QVariant("")
                               << QStringLiteral("style: \"\" is empty (1–100 characters)");
        QTest::newRow("document_type") << "document_type" << QVariant("a b")
                                       << QStringLiteral("document_type: \"a b\" has characters that are not allowed "
                                                         "(letters, digits, '-' and '_' only)");
        QTest::newRow("requirement") << "requirements" << QVariant(QStringList {"x", "y", ""})
                                     << QStringLiteral("requirements[2]: \"\" is empty (1–1,000 characters)");
        QTest::newRow("too many requirements")
            << "requirements" << QVariant(repeated("x", 51))
            << QStringLiteral("requirements: 51 entries are too many (at most 50)");
        QTest::newRow("reference scheme")
            << "references" << QVariant(QStringList {"ftp://x"})
            << QStringLiteral("references[0]: \"ftp://x\" uses a scheme that is not allowed "
                              "(an http(s) web address or a file path)");
    }

    void messages()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(QString, message);

        DocumentRequest request = validRequest();
        setField(request, field, value);
        const QList<RequestError> errors = request.validate();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().message(), message);
    }

    void errorParts()
    {
        DocumentRequest request = validRequest();
        request.topic = QStringLiteral("AI");
        const RequestError error = request.validate().value(0);
        QCOMPARE(error.field, QStringLiteral("topic"));
        QCOMPARE(error.value, QStringLiteral("AI"));
        QCOMPARE(error.rule, QStringLiteral("at least 5 characters"));
    }

    void longValueIsShortenedInMessage()
    {
        DocumentRequest request = validRequest();
        request.topic = QString(5000, 'x');
        const RequestError error = request.validate().value(0);
        QCOMPARE(error.value.size(), 5000); // the value itself is kept whole
        const QString message = error.message();
        QVERIFY2(message.size() < 200, qPrintable(message));
        QVERIFY(message.contains(QChar(0x2026)));
        QVERIFY(message.endsWith(QStringLiteral("is too long (at most 500 characters)")));
    }

    void effectiveType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("effective");
        for (const QString &known : DocumentRequest::knownDocumentTypes())
            QTest::newRow(qPrintable(known)) << known << known;
        QTest::newRow("capitalised") << "Report" << "report";
        QTest::newRow("padded") << " blog " << "blog";
        QTest::newRow("unknown") << "whitepaper" << "article";
        QTest::newRow("empty") << "" << "article";
    }

    void effectiveType()
    {
        QFETCH(QString, type);
        QFETCH(QString, effective);
        DocumentRequest request;
        request.documentType = type;
        QCOMPARE(request.effectiveType(), effective);
    }

    void jsonRoundTrip()
    {
        DocumentRequest request;
        request.topic = QStringLiteral("Tom & Jerry: a \"history\" <of> cartoons");
        request.documentType = QStringLiteral("paper");
        request.targetLength = 2500;
        request.style = QStringLiteral("academic");
        request.audience = QStringLiteral("researchers");
        request.requirements = {QStringLiteral("Cite primary sources"), QStringLiteral("Include a timeline")};
        request.references = {QStringLiteral("https://example.org/tj"), QStringLiteral("notes/tj.md")};
        request.outline = QStringLiteral("1. Origins\n2. Golden age");
        request.metadata = {{QStringLiteral("client"), QStringLiteral("cli")},
                            {QStringLiteral("tags"), QStringList {QStringLiteral("a"), QStringLiteral("b")}},
                            {QStringLiteral("batch"), 3}};

        const QJsonObject json = request.toJson();
        for (const char *key : {"topic", "document_type", "target_length", "style", "audience", "requirements",
                                "references", "outline", "metadata"})
            QVERIFY2(json.contains(QLatin1String(key)), key);

        // Through text, as a file or the database would carry it.
        const QByteArray text = QJsonDocument(json).toJson();
        QString error;
        const DocumentRequest back = DocumentRequest::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.topic, request.topic);
        QCOMPARE(back.requirements, request.requirements);
        QCOMPARE(back.metadata.value(QStringLiteral("batch")).toInt(), 3);
        QVERIFY(back == request);

        DocumentRequest changed = back;
        changed.targetLength = 2501;
        QVERIFY(!(changed == request));
    }

    void fromFrameworkJson()
    {
        // As the Python framework writes a request: optional outline is None.
        const QByteArray text = R"({"topic": "Quantum error correction", "document_type": "paper",
                                    "target_length": 3000, "outline": null, "requirements": []})";
        QString error;
        const DocumentRequest request = DocumentRequest::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(request.topic, QStringLiteral("Quantum error correction"));
        QCOMPARE(request.documentType, QStringLiteral("paper"));
        QCOMPARE(request.targetLength, 3000);
        QCOMPARE(request.style, QStringLiteral("formal"));   // missing keys keep defaults
        QCOMPARE(request.audience, QStringLiteral("general"));
        QVERIFY(request.outline.isEmpty());
        QVERIFY(request.isValid());
    }

    void fromJsonTypes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("targetLength");
        QTest::addColumn<QStringList>("requirements");
        QTest::addColumn<QString>("errorField");

        QTest::newRow("length as text") << QByteArray(R"({"target_length": "1500"})") << 1500 << QStringList() << "";
        QTest::newRow("length fractional") << QByteArray(R"({"target_length": 1500.4})") << 1500 << QStringList() << "";
        QTest::newRow("length huge") << QByteArray(R"({"target_length": 1e12})") << std::numeric_limits<int>::max()
                                     << QStringList() << "";
        QTest::newRow("length not a number") << QByteArray(R"({"target_length": "long"})") << 1000 << QStringList()
                                             << "target_length";
        QTest::newRow("length is a list") << QByteArray(R"({"target_length": [1]})") << 1000 << QStringList()
                                          << "target_length";
        QTest::newRow("one requirement as text") << QByteArray(R"({"requirements": "Be brief"})") << 1000
                                                 << QStringList {"Be brief"} << "";
        QTest::newRow("requirements a number") << QByteArray(R"({"requirements": 5})") << 1000 << QStringList()
                                               << "requirements";
        QTest::newRow("topic a number") << QByteArray(R"({"topic": 12345})") << 1000 << QStringList() << "topic";
        QTest::newRow("metadata a list") << QByteArray(R"({"metadata": [1, 2]})") << 1000 << QStringList()
                                         << "metadata";
    }

    void fromJsonTypes()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, targetLength);
        QFETCH(QStringList, requirements);
        QFETCH(QString, errorField);

        QString error;
        const DocumentRequest request = DocumentRequest::fromJson(QJsonDocument::fromJson(json).object(), &error);
        QCOMPARE(request.targetLength, targetLength);
        QCOMPARE(request.requirements, requirements);
        if (errorField.isEmpty())
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.startsWith(errorField + QStringLiteral(": ")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDocumentRequest)
#include "tst_documentrequest.moc"
