#pragma once

#include "responseplan.h"

#include <QJsonObject>
#include <QString>

namespace Madf::Test {

/** The two wire dialects the mock server speaks. */
enum class ApiFormat { OpenAi, Anthropic };

/** Building blocks of the mock server's replies: JSON bodies, each API's error
 *  shape, SSE framing and header value formats. */
class MockResponses
{
public:
    static ResponsePlan json(int status, const QJsonObject &body);

    /** OpenAI `{"error":{"message","type","param","code"}}` or Anthropic
     *  `{"type":"error","error":{"type","message"}}`. Empty code/param become null. */
    static QJsonObject errorBody(ApiFormat format, const QString &type, const QString &message,
                                 const QString &code = {}, const QString &param = {});
    static ResponsePlan error(ApiFormat format, int status, const QString &type, const QString &message,
                              const QString &code = {}, const QString &param = {});

    static QByteArray compactJson(const QJsonObject &object);
    /** `data: <json>\n\n` */
    static QByteArray sseData(const QJsonObject &object);
    /** `event: <name>\ndata: <json>\n\n` */
    static QByteArray sseEvent(const QByteArray &name, const QJsonObject &object);

    /** A duration the way OpenAI's rate-limit headers write it: "12ms", "1s", "1.5s", "6m0s", "1h0m0s". */
    static QByteArray goDuration(qint64 ms);
    /** An RFC 3339 UTC time @p msFromNow from now, as in Anthropic's rate-limit headers. */
    static QByteArray rfc3339FromNow(qint64 msFromNow);

    static void addSseHeaders(ResponsePlan &plan);
};

} // namespace Madf::Test
