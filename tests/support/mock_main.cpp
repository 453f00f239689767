// madf-mock-llm: the test suite's mock LLM server as a program, for benchmarks,
// manual runs and tests of the CLI against a separate process.
#include "mockllmserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("madf-mock-llm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MADF_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Mock LLM server speaking the OpenAI and Anthropic wire formats, for tests and benchmarks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QCoreApplication::translate("main", "TCP port; 0 picks a free one."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QCoreApplication::translate("main", "Address to listen on."),
                                        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption ttftOption(QStringLiteral("ttft-ms"),
                                        QCoreApplication::translate("main", "Time to first token in milliseconds."),
                                        QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption tpsOption(QStringLiteral("tokens-per-second"),
                                       QCoreApplication::translate("main", "Generation speed; 0 sends the reply at once."),
                                       QStringLiteral("tps"), QStringLiteral("0"));
    const QCommandLineOption replyOption(QStringLiteral("reply-tokens"),
                                         QCoreApplication::translate("main", "Length of a generated reply in tokens."),
                                         QStringLiteral("tokens"), QStringLiteral("60"));
    const QCommandLineOption keyOption(QStringLiteral("api-key"),
                                       QCoreApplication::translate("main", "Require this API key."),
                                       QStringLiteral("key"));
    parser.addOptions({portOption, hostOption, ttftOption, tpsOption, replyOption, keyOption});
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << QCoreApplication::translate("main", "Invalid port: %1").arg(parser.value(portOption)) << Qt::endl;
        return 2;
    }
    const QHostAddress host(parser.value(hostOption));
    if (host.isNull()) {
        err << QCoreApplication::translate("main", "Invalid address: %1").arg(parser.value(hostOption)) << Qt::endl;
        return 2;
    }

    Madf::Test::MockLlmServer server;
    server.setTimeToFirstTokenMs(qMax(0, parser.value(ttftOption).toInt()));
    server.setTokensPerSecond(qMax(0.0, parser.value(tpsOption).toDouble()));
    server.setDefaultReplyTokens(qMax(1, parser.value(replyOption).toInt()));
    if (parser.isSet(keyOption))
        server.setRequiredApiKey(parser.value(keyOption));
    if (!server.start(quint16(port), host)) {
        err << QCoreApplication::translate("main", "Cannot listen on %1:%2: %3")
                   .arg(host.toString())
                   .arg(port)
                   .arg(server.errorString())
            << Qt::endl;
        return 1;
    }

    const QString shownHost = host.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(host.toString())
        : host.toString();
    // Scripts read this line to learn the port: keep its wording.
    std::printf("listening on http://%s:%u\n", qPrintable(shownHost), unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
