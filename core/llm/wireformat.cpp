#include "core/llm/wireformat.h"

#include "core/llm/anthropicformat.h"
#include "core/llm/openaiformat.h"
#include "core/llm/wirehelpers.h"

namespace Madf {

StreamDecoder::~StreamDecoder() = default;
WireFormat::~WireFormat() = default;

ApiError WireFormat::parseError(int httpStatus, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    return Wire::httpError(httpStatus, body, headers);
}

QStringList WireFormat::parseModels(const QByteArray &body) const
{
    return Wire::modelIds(body);
}

std::unique_ptr<WireFormat> createWireFormat(const QString &api)
{
    const QString key = api.trimmed().toLower();
    if (key == QLatin1String("openai"))
        return std::make_unique<OpenAiFormat>();
    if (key == QLatin1String("anthropic"))
        return std::make_unique<AnthropicFormat>();
    return nullptr;
}

} // namespace Madf
