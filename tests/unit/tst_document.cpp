#include "core/model/document.h"
#include "core/model/markdownrenderer.h"
#include "core/model/task.h"
#include "core/model/taskresult.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Madf;

namespace {

// Through text, as a file or the database would carry it.
QJsonObject throughText(const QJsonObject &json)
{
    return QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
}

DocumentSection section(const QString &title, const QString &content, int order)
{
    DocumentSection s;
    s.title = title;
    s.content = content;
    s.order = order;
    return s;
}

Document sampleDocument()
{
    DocumentRequest request;
    request.topic = QStringLiteral("The printing press");
    request.documentType = QStringLiteral("report");
    request.targetLength = 1200;
    request.requirements = {QStringLiteral("Cite sources")};

    Document document = Document::fromRequest(request);
    document.sections = {section(QStringLiteral("Introduction"), QStringLiteral("Gutenberg's press, c. 1450 [1]."), 0),
                         section(QStringLiteral("Impact"), QStringLiteral("- Literacy\n- **Reformation**"), 1)};
    document.sections[1].metadata = {{QStringLiteral("revision"), 2}};
    document.status = DocumentStatus::Complete;
    document.qualityScore = 0.8731;
    document.recomputeWordCount();
    document.metadata = {{QStringLiteral("references"),
                          QStringList {QStringLiteral("Eisenstein 1979"), QStringLiteral("https://example.org/p")}},
                         {QStringLiteral("model"), QStringLiteral("gpt-4")},
                         {QStringLiteral("cost"), 0.0123}};
    document.updatedAt = document.createdAt.addSecs(95);
    return document;
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusNames_data()
    {
        QTest::addColumn<DocumentStatus>("status");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("terminal");
        QTest::newRow("pending") << DocumentStatus::Pending << "pending" << false;
        QTest::newRow("researching") << DocumentStatus::Researching << "researching" << false;
        QTest::newRow("outlining") << DocumentStatus::Outlining << "outlining" << false;
        QTest::newRow("writing") << DocumentStatus::Writing << "writing" << false;
        QTest::newRow("editing") << DocumentStatus::Editing << "editing" << false;
        QTest::newRow("verifying") << DocumentStatus::Verifying << "verifying" << false;
        QTest::newRow("revising") << DocumentStatus::Revising << "revising" << false;
        QTest::newRow("complete") << DocumentStatus::Complete << "complete" << true;
        QTest::newRow("failed") << DocumentStatus::Failed << "failed" << true;
        QTest::newRow("cancelled") << DocumentStatus::Cancelled << "cancelled" << true;
    }

    void statusNames()
    {
        QFETCH(DocumentStatus, status);
        QFETCH(QString, name);
        QFETCH(bool, terminal);

        QCOMPARE(toString(status), name);
        QCOMPARE(isTerminal(status), terminal);
        QVERIFY(!documentStatusLabel(status).isEmpty());
        bool ok = false;
        QCOMPARE(documentStatusFromString(name, &ok), status);
        QVERIFY(ok);
        // The framework's enum names are upper case.
        ok = false;
        QCOMPARE(documentStatusFromString(name.toUpper(), &ok), status);
        QVERIFY(ok);
    }

    void unknownStatus()
    {
        bool ok = true;
        QCOMPARE(documentStatusFromString(QStringLiteral("done"), &ok), DocumentStatus::Pending);
        QVERIFY(!ok);
        ok = true;
        documentStatusFromString(QString(), &ok);
        QVERIFY(!ok);
    }

    void countWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("words");
        QTest::newRow("empty") << "" << 0;
        QTest::newRow("blanks") << "  \n\t " << 0;
        QTest::newRow("one") << "word" << 1;
        QTest::newRow("padded") << "  two words  " << 2;
        QTest::newRow("line breaks and tabs") << "one\ttwo\nthree\r\nfour" << 4;
        QTest::newRow("heading marks") << "## Heading here" << 2;
        QTest::newRow("bullets") << "- item one\n* item two" << 4;
        QTest::newRow("hyphenated") << "a well-known fact" << 3;
        QTest::newRow("emphasis") << "**bold** and *italic*" << 3;
        QTest::newRow("punctuation only") << "— – - ** #" << 0;
        QTest::newRow("numbers") << "3.14 is pi, 1e3 is 1000" << 6;
        QTest::newRow("citation") << "as shown [1]." << 3;
        QTest::newRow("non-latin") << "Книга печать 日本語" << 3;
    }

    void countWords()
    {
        QFETCH(QString, text);
        QFETCH(int, words);
        QCOMPARE(Document::countWords(text), words);
    }

    void wordCountFromSections()
    {
        Document document;
        document.sections = {section("A", "one two three", 0), section("B", "four five", 1), section("C", "", 2)};
        QCOMPARE(document.recomputeWordCount(), 5);
        QCOMPARE(document.wordCount, 5);
        document.sections.removeLast();
        document.sections.removeLast();
        QCOMPARE(document.recomputeWordCount(), 3);
    }

    void newDocumentDefaults()
    {
        const Document a;
        const Document b;
        static const QRegularExpression uuidRe(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        QVERIFY2(uuidRe.match(a.id).hasMatch(), qPrintable(a.id));
        QVERIFY(a.id != b.id);
        QCOMPARE(a.status, DocumentStatus::Pending);
        QVERIFY(!a.hasQualityScore());
        QCOMPARE(a.createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(a.updatedAt, a.createdAt);

        DocumentRequest request;
        request.topic = QStringLiteral("  Rivers of Europe  ");
        const Document fromRequest = Document::fromRequest(request);
        QCOMPARE(fromRequest.title, QStringLiteral("Rivers of Europe"));
        QVERIFY(fromRequest.request == request);
    }

    void documentJsonRoundTrip()
    {
        const Document document = sampleDocument();
        QString error;
        const Document back = Document::fromJson(throughText(document.toJson()), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.id, document.id);
        QCOMPARE(back.sections.size(), 2);
        QCOMPARE(back.sections.at(1).metadata.value(QStringLiteral("revision")).toInt(), 2);
        QCOMPARE(back.qualityScore, document.qualityScore);
        QCOMPARE(back.createdAt, document.createdAt);
        QCOMPARE(back.updatedAt, document.updatedAt);
        QCOMPARE(back.request.documentType, QStringLiteral("report"));
        QCOMPARE(back.referenceList(), document.referenceList());
        QVERIFY(back == document);

        Document changed = back;
        changed.sections[0].content += QStringLiteral(" More.");
        QVERIFY(!(changed == document));
    }

    void documentJsonKeys()
    {
        Document document = sampleDocument();
        document.status = DocumentStatus::Failed;
        document.failureReason = QStringLiteral("The model timed out");
        const QJsonObject json = document.toJson();
        for (const char *key : {"id", "title", "sections", "status", "quality_score", "word_count", "created_at",
                                "updated_at", "metadata", "request", "failure_reason"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(json.value(QStringLiteral("word_count")).toInt(), document.wordCount);
        QVERIFY(json.value(QStringLiteral("created_at")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(Document::fromJson(json).failureReason, document.failureReason);
    }

    void qualityScoreNoneIsNotZero_data()
    {
        QTest::addColumn<bool>("hasScore");
        QTest::addColumn<double>("score");
        QTest::newRow("never verified") << false << 0.0;
        QTest::newRow("scored zero") << true << 0.0;
        QTest::newRow("scored one") << true << 1.0;
    }

    void qualityScoreNoneIsNotZero()
    {
        QFETCH(bool, hasScore);
        QFETCH(double, score);
        Document document;
        if (hasScore)
            document.qualityScore = score;
        const QJsonObject json = throughText(document.toJson());
        QCOMPARE(json.value(QStringLiteral("quality_score")).isNull(), !hasScore);
        const Document back = Document::fromJson(json);
        QCOMPARE(back.hasQualityScore(), hasScore);
        if (hasScore)
            QCOMPARE(*back.qualityScore, score);
        QVERIFY(back == document);
    }

    void documentFromFrameworkJson()
    {
        // Python's datetime.isoformat(): microseconds and no offset (UTC).
        const QByteArray text = R"({"id": "doc-1", "title": "T", "status": "COMPLETE", "quality_score": 0.91,
            "created_at": "2024-05-01T10:00:00.123456", "sections": [{"title": "S", "content": "a b c", "order": 0}]})";
        QString error;
        const Document document = Document::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(document.status, DocumentStatus::Complete);
        QCOMPARE(document.createdAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC));
        QCOMPARE(document.wordCount, 3); // missing word_count is computed
        QVERIFY(!document.updatedAt.isValid());
    }

    void unknownStatusInJson()
    {
        QString error;
        const Document document = Document::fromJson(QJsonObject {{QStringLiteral("status"), QStringLiteral("done")}},
                                                      &error);
        QCOMPARE(document.status, DocumentStatus::Pending);
        QVERIFY2(error.contains(QStringLiteral("status")) && error.contains(QStringLiteral("done")), qPrintable(error));
    }

    void taskJsonRoundTrip_data()
    {
        QTest::addColumn<QString>("assignedTo");
        QTest::newRow("assigned") << "research-1";
        QTest::newRow("unassigned") << "";
    }

    void taskJsonRoundTrip()
    {
        QFETCH(QString, assignedTo);
        Task task;
        task.type = QStringLiteral("write_section");
        task.data = {{QStringLiteral("section"), QStringLiteral("Impact")},
                     {QStringLiteral("words"), 400},
                     {QStringLiteral("points"), QStringList {QStringLiteral("a"), QStringLiteral("b")}}};
        task.priority = 5;
        task.assignedTo = assignedTo;

        const QJsonObject json = throughText(task.toJson());
        QCOMPARE(json.value(QStringLiteral("assigned_to")).isNull(), assignedTo.isEmpty());
        QCOMPARE(json.value(QStringLiteral("priority")).toInt(), 5);
        const Task back = Task::fromJson(json);
        QCOMPARE(back.id, task.id);
        QCOMPARE(back.createdAt, task.createdAt);
        QCOMPARE(back.data.value(QStringLiteral("words")).toInt(), 400);
        QVERIFY(back == task);
        QCOMPARE(Task().priority, 0);
    }

    void taskResultJsonRoundTrip_data()
    {
        QTest::addColumn<bool>("success");
        QTest::addColumn<QString>("error");
        QTest::newRow("success") << true << "";
        QTest::newRow("failure") << false << "Rate limited after 3 retries";
    }

    void taskResultJsonRoundTrip()
    {
        QFETCH(bool, success);
        QFETCH(QString, error);
        TaskResult result;
        result.taskId = QStringLiteral("task-42");
        result.success = success;
        result.error = error;
        result.data = {{QStringLiteral("text"), QStringLiteral("Section body")}};
        result.executionTime = 12.375;
        result.metadata = {{QStringLiteral("tokens"), 1234}, {QStringLiteral("cached"), false}};

        const QJsonObject json = throughText(result.toJson());
        QCOMPARE(json.value(QStringLiteral("error")).isNull(), error.isEmpty());
        QCOMPARE(json.value(QStringLiteral("execution_time")).toDouble(), 12.375);
        const TaskResult back = TaskResult::fromJson(json);
        QCOMPARE(back.success, success);
        QCOMPARE(back.error, error);
        QVERIFY(back == result);
    }

    void markdownExport()
    {
        Document document;
        document.title = QStringLiteral("Rivers");
        // Listed out of order: the export follows `order`.
        document.sections = {section("Second", "Body two.", 2),
                             section("First", "Body one with **bold**.", 1),
                             section("Own heading", "## Own heading\n\nBody three.", 3),
                             section("Empty", "", 4),
                             section("Subsections", "### Part A\n\nBody five.", 5)};
        document.metadata = {{QStringLiteral("references"),
                              QVariantList {QStringLiteral("Smith 2020"),
                                            QVariantMap {{QStringLiteral("title"), QStringLiteral("Rhine atlas")},
                                                         {QStringLiteral("url"), QStringLiteral("https://ex.org/r")}}}}};
        const QString expected = QStringLiteral(
            "# Rivers\n"
            "\n## First\n\nBody one with **bold**.\n"
            "\n## Second\n\nBody two.\n"
            "\n## Own heading\n\nBody three.\n"
            "\n## Empty\n"
            "\n## Subsections\n\n### Part A\n\nBody five.\n"
            "\n## References\n\n1. Smith 2020\n2. Rhine atlas, https://ex.org/r\n");
        QCOMPARE(document.toMarkdown(), expected);
    }

    // Which contents already open with a heading of their own (one or two
    // '#', then a blank, after blank lines): those get no title line.
    void markdownExportHeadingDetection()
    {
        Document document;
        document.title = QStringLiteral("T");
        document.sections = {section("Padded", "\n\n  # Top\n\nx", 1), section("Hashtag", "#hashtag text", 2),
                             section("Tabbed", "##\tTabbed\n\ny", 3), section("Deep", "### Deep\n\nz", 4),
                             section("Bare", "#\n\nw", 5)};
        const QString md = document.toMarkdown();
        QVERIFY(!md.contains(QStringLiteral("## Padded\n")));
        QVERIFY(md.contains(QStringLiteral("## Hashtag\n")));
        QVERIFY(!md.contains(QStringLiteral("## Tabbed\n")));
        QVERIFY(md.contains(QStringLiteral("## Deep\n")));
        QVERIFY(md.contains(QStringLiteral("## Bare\n")));
    }

    void markdownExportWithoutReferences()
    {
        Document document;
        document.title = QStringLiteral("A\ntitle");
        document.sections = {section("Only", "Text.", 0)};
        QCOMPARE(document.toMarkdown(), QStringLiteral("# A title\n\n## Only\n\nText.\n"));
    }

    void htmlPageShape()
    {
        const Document document = sampleDocument();
        const QString html = document.toHtml();
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>\n<html")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(html.contains(QStringLiteral("<title>The printing press</title>")));
        QVERIFY(html.contains(QStringLiteral("<style>")));
        QVERIFY(html.contains(QStringLiteral("<h1>The printing press</h1>")));
        QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
        const qsizetype intro = html.indexOf(QStringLiteral("<h2>Introduction</h2>"));
        const qsizetype impact = html.indexOf(QStringLiteral("<h2>Impact</h2>"));
        const qsizetype refs = html.indexOf(QStringLiteral("<h2>References</h2>"));
        QVERIFY(intro > 0 && impact > intro && refs > impact);
        QVERIFY(html.contains(QStringLiteral("<li><strong>Reformation</strong></li>")));
        QVERIFY(html.contains(QStringLiteral("<a href=\"https://example.org/p\">https://example.org/p</a>")));
        QVERIFY(html.contains(QStringLiteral("Gutenberg&#39;s press, c. 1450 [1].")));
    }

    void htmlEscaping_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mustContain");
        QTest::addColumn<QString>("mustNotContain");

        const QString script = QStringLiteral("<script>alert(1)</script>");
        const QString escaped = QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");
        for (const char *where : {"title", "section title", "content", "reference"})
            QTest::newRow(QByteArray(where + QByteArray(" script")).constData())
                << where << script << escaped << "<script";
        QTest::newRow("img in content") << "content" << "<img src=x onerror=alert(1)>"
                                        << "&lt;img src=x onerror=alert(1)&gt;" << "<img";
        QTest::newRow("ampersand in title") << "title" << "Tom & Jerry" << "Tom &amp; Jerry" << "Tom & Jerry";
        QTest::newRow("quotes in section title") << "section title" << "The \"best\" 'one'"
                                                 << "The &quot;best&quot; &#39;one&#39;" << "\"best\"";
        QTest::newRow("closing title tag") << "title" << "</title><script>x()</script>"
                                           << "&lt;/title&gt;" << "<script";
        QTest::newRow("entity stays literal") << "content" << "&lt; is not <" << "&amp;lt; is not &lt;" << "not <";
        QTest::newRow("javascript reference") << "reference" << "javascript:alert(1)"
                                              << "javascript:alert(1)" << "href=\"javascript";
        QTest::newRow("quote breaking href") << "reference" << "https://ex.org/\"onmouseover=\"x()"
                                             << "href=\"https://ex.org/\"" << "\"onmouseover=\"";
    }

    void htmlEscaping()
    {
        QFETCH(QString, where);
        QFETCH(QString, text);
        QFETCH(QString, mustContain);
        QFETCH(QString, mustNotContain);

        Document document;
        document.title = QStringLiteral("Plain title");
        document.sections = {section(QStringLiteral("Plain section"), QStringLiteral("Plain content."), 0)};
        if (where == QLatin1String("title"))
            document.title = text;
        else if (where == QLatin1String("section title"))
            document.sections[0].title = text;
        else if (where == QLatin1String("content"))
            document.sections[0].content = text;
        else
            document.metadata = {{QStringLiteral("references"), QStringList {text}}};

        const QString html = document.toHtml();
        QVERIFY2(html.contains(mustContain), qPrintable(html));
        QVERIFY2(!html.contains(mustNotContain, Qt::CaseInsensitive), qPrintable(html));
    }

    void markdownToHtml_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("html");

        QTest::newRow("empty") << "" << "";
        QTest::newRow("paragraph") << "Hello world" << "<p>Hello world</p>\n";
        QTest::newRow("two paragraphs") << "One.\n\nTwo." << "<p>One.</p>\n<p>Two.</p>\n";
        QTest::newRow("crlf") << "One.\r\n\r\nTwo." << "<p>One.</p>\n<p>Two.</p>\n";
        QTest::newRow("soft line break") << "line one\nline two" << "<p>line one\nline two</p>\n";
        QTest::newRow("dash list") << "- a\n- b" << "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n";
        QTest::newRow("star list") << "* a\n* b" << "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n";
        QTest::newRow("list between paragraphs")
            << "Intro:\n- a\n- b\nAfter." << "<p>Intro:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>After.</p>\n";
        QTest::newRow("numbered list") << "1. first\n2. second" << "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n";
        QTest::newRow("h3") << "### Sub heading" << "<h3>Sub heading</h3>\n";
        QTest::newRow("heading then text") << "### Sub\nText" << "<h3>Sub</h3>\n<p>Text</p>\n";
        QTest::newRow("closing hashes") << "# Title #" << "<h1>Title</h1>\n";
        QTest::newRow("hash without space") << "#hashtag" << "<p>#hashtag</p>\n";
        QTest::newRow("bold and italic") << "**bold** and *italic*"
                                         << "<p><strong>bold</strong> and <em>italic</em></p>\n";
        QTest::newRow("bold italic") << "***both***" << "<p><strong><em>both</em></strong></p>\n";
        QTest::newRow("italic inside bold") << "**a *b* c**" << "<p><strong>a <em>b</em> c</strong></p>\n";
        QTest::newRow("multiplication") << "2 * 3 * 4" << "<p>2 * 3 * 4</p>\n";
        QTest::newRow("snake case") << "snake_case_name" << "<p>snake_case_name</p>\n";
        QTest::newRow("code") << "use `a*b*c` here" << "<p>use <code>a*b*c</code> here</p>\n";
        QTest::newRow("code escapes") << "`<b>`" << "<p><code>&lt;b&gt;</code></p>\n";
        QTest::newRow("bold code") << "**`x`**" << "<p><strong><code>x</code></strong></p>\n";
        QTest::newRow("citations") << "As shown [1] and [2, 3]." << "<p>As shown [1] and [2, 3].</p>\n";
        QTest::newRow("link stays text") << "[x](javascript:alert(1))" << "<p>[x](javascript:alert(1))</p>\n";
        QTest::newRow("script") << "<script>alert(1)</script>" << "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n";
        QTest::newRow("quotes and amp") << "A & B \"q\" 'x'" << "<p>A &amp; B &quot;q&quot; &#39;x&#39;</p>\n";
        QTest::newRow("markup in bold") << "**<i>x</i>**" << "<p><strong>&lt;i&gt;x&lt;/i&gt;</strong></p>\n";
        QTest::newRow("list item inline") << "- item with **bold** [4]"
                                          << "<ul>\n<li>item with <strong>bold</strong> [4]</li>\n</ul>\n";
        QTest::newRow("fenced code") << "```\nif (a < b) *x*\n```" << "<pre><code>if (a &lt; b) *x*</code></pre>\n";
        QTest::newRow("control characters dropped") << QStringLiteral("a\x01" "1\x02" "b") << "<p>a1b</p>\n";
    }

    void markdownToHtml()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, html);
        QCOMPARE(Madf::markdownToHtml(markdown), html);
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
