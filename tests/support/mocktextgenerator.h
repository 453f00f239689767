#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Madf::Test {

/** A reply of the mock server, in the pieces it is streamed in. */
struct MockReply
{
    QStringList pieces;     ///< concatenated they give `text`; each is a word with its leading space
    QList<int> pieceTokens; ///< tokens each piece adds to the count
    QString text;
    int tokens = 0;
    bool truncated = false; ///< cut by max_tokens
};

/** Deterministic content for the mock LLM server: readable English-like
 *  sentences seeded by a hash of the prompt, so the same prompt always gets the
 *  same reply and different prompts get different ones. Also the mock's token
 *  counting, and the `MOCK_REPLY:` directive that lets a test dictate a reply. */
class MockTextGenerator
{
public:
    /** FNV-1a 64: stable across runs, platforms and Qt versions (unlike qHash). */
    static quint64 fingerprint(QByteArrayView data);

    /** The mock's tokenizer: max(words × 4/3, UTF-8 bytes / 4), rounded up. */
    static int countTokens(QStringView text);
    static int countTokens(qint64 words, qint64 utf8Bytes);

    /** A reply of about @p targetTokens tokens ending on a full stop, cut to
     *  @p maxTokens (when > 0) if that is less. */
    static MockReply generate(quint64 seed, int targetTokens, int maxTokens);

    /** @p text split into pieces, cut to @p maxTokens (when > 0). */
    static MockReply exact(const QString &text, int maxTokens);

    /** The text a test asked for in @p message: the rest of a line
     *  `MOCK_REPLY: <text>`, or the lines between `MOCK_REPLY_BEGIN` and
     *  `MOCK_REPLY_END`. */
    static std::optional<QString> mockReplyDirective(const QString &message);

private:
    static MockReply generateUncached(quint64 seed, int targetTokens, int maxTokens);
};

} // namespace Madf::Test
