#pragma once

#include "core/config/providerconfig.h"

#include <QList>
#include <QString>

#include <optional>

namespace Madf::Ui {

/** A kind of provider the user can add with sensible defaults: OpenAI,
 *  OpenRouter, vLLM, a custom OpenAI-compatible server, Anthropic, and the
 *  local servers (Ollama, llama.cpp, LM Studio). */
struct ProviderTemplate
{
    QString id;          ///< also the suggested provider name
    QString label;       ///< for the Add menu
    QString api;         ///< openai | anthropic
    QString baseUrl;     ///< empty: the user types it
    QString keyEnv;      ///< the usual variable, empty for local servers
    bool local = false;

    static QList<ProviderTemplate> all();
    static std::optional<ProviderTemplate> find(const QString &id);

    /** A provider of this kind named @p name. */
    ProviderConfig make(const QString &name) const;
    /** The template @p provider most looks like (by API, host and port), for a label. */
    static std::optional<ProviderTemplate> matching(const ProviderConfig &provider);
    /** "OpenAI", "Ollama", "OpenAI-compatible", "Anthropic", "Simulated". */
    static QString describe(const ProviderConfig &provider);
};

} // namespace Madf::Ui
