#include "mockresponses.h"

#include <QDateTime>
#include <QJsonDocument>

namespace Madf::Test {

ResponsePlan MockResponses::json(int status, const QJsonObject &body)
{
    ResponsePlan plan;
    plan.status = status;
    plan.addHeader("content-type", "application/json");
    plan.body = compactJson(body);
    return plan;
}

QJsonObject MockResponses::errorBody(ApiFormat format, const QString &type, const QString &message,
                                     const QString &code, const QString &param)
{
    if (format == ApiFormat::Anthropic) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                           {QStringLiteral("error"), QJsonObject{{QStringLiteral("type"), type},
                                                                 {QStringLiteral("message"), message}}}};
    }
    return QJsonObject{{QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("message"), message},
                                    {QStringLiteral("type"), type},
                                    {QStringLiteral("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param)},
                                    {QStringLiteral("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code)}}}};
}

ResponsePlan MockResponses::error(ApiFormat format, int status, const QString &type, const QString &message,
                                  const QString &code, const QString &param)
{
    return json(status, errorBody(format, type, message, code, param));
}

QByteArray MockResponses::compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray MockResponses::sseData(const QJsonObject &object)
{
    return "data: " + compactJson(object) + "\n\n";
}

QByteArray MockResponses::sseEvent(const QByteArray &name, const QJsonObject &object)
{
    return "event: " + name + "\ndata: " + compactJson(object) + "\n\n";
}

QByteArray MockResponses::goDuration(qint64 ms)
{
    if (ms < 1000)
        return QByteArray::number(qMax<qint64>(0, ms)) + "ms";
    const qint64 hours = ms / 3600000;
    const qint64 minutes = (ms / 60000) % 60;
    const qint64 wholeSeconds = (ms / 1000) % 60;
    const qint64 millis = ms % 1000;
    QByteArray seconds = QByteArray::number(wholeSeconds);
    if (millis) {
        QByteArray fraction = QByteArray::number(millis).rightJustified(3, '0');
        while (fraction.endsWith('0'))
            fraction.chop(1);
        seconds += '.' + fraction;
    }
    QByteArray out;
    if (hours)
        out += QByteArray::number(hours) + 'h';
    if (hours || minutes)
        out += QByteArray::number(minutes) + 'm';
    return out + seconds + 's';
}

QByteArray MockResponses::rfc3339FromNow(qint64 msFromNow)
{
    return QDateTime::currentDateTimeUtc().addMSecs(msFromNow).toString(Qt::ISODate).toLatin1();
}

void MockResponses::addSseHeaders(ResponsePlan &plan)
{
    plan.addHeader("content-type", "text/event-stream; charset=utf-8");
    plan.addHeader("cache-control", "no-cache");
}

} // namespace Madf::Test
