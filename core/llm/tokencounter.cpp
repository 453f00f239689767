#include "core/llm/tokencounter.h"

#include "core/llm/llmtypes.h"
#include "core/llm/tokenscan.h"
#include "core/model/textmemo.h"

#include <cmath>
#include <limits>

namespace Madf {

namespace {

// Tokens per feature; fitted by least squares on relative error against the
// real tokenizers (tests/data/llm/tokencounts.jsonl), then rounded.
struct Weights
{
    double word;        // a run of letters
    double longLetter;  // each letter of a word past the 7th
    double punctuation; // each symbol or punctuation character
    double newline;
    double cjk;         // each Han, kana or Hangul character
    double nonLatin;    // each letter of a non-Latin script (Cyrillic, Greek...)
    double digitGroup;  // each group of up to three digits
    double extraSpace;  // each space of a run past the first (indentation)
    double accented;    // a word with an accented Latin letter
};

constexpr Weights kCl100k{1.13, 0.09, 0.64, 0.18, 1.03, 0.29, 1.8, 0.14, 0.8};
constexpr Weights kO200k{1.13, 0.09, 0.64, 0.20, 0.65, 0.05, 1.8, 0.16, 0.8};
constexpr Weights kClaude{1.12, 0.10, 0.74, 0.70, 0.99, 0.39, 1.3, 0.14, 1.0};

const Weights &weightsFor(const QString &model)
{
    if (model.contains(QLatin1String("claude"), Qt::CaseInsensitive))
        return kClaude;
    static const char *const o200k[] = {"gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4",
                                        "chatgpt-4o", "gpt-oss"};
    for (const char *prefix : o200k) {
        if (model.startsWith(QLatin1String(prefix), Qt::CaseInsensitive))
            return kO200k;
    }
    return kCl100k;
}

// The most one UTF-16 code unit can add to the raw estimate: a letter may
// start a word, make it accented, be non-Latin and be past the 7th all at
// once (overcounted: a word is one letter at least and a letter is Latin or
// not); any other character counts as one feature. A low surrogate adds
// nothing (its pair counts at the high one).
constexpr double maxPerUnit(const Weights &w)
{
    const double letter = w.word + w.accented + w.nonLatin + w.longLetter;
    double most = letter;
    for (const double other : {w.digitGroup, w.punctuation, w.newline, w.cjk, w.extraSpace})
        most = other > most ? other : most;
    return most;
}

constexpr double kAlpha = 0.2;      // weight of a new calibration sample
constexpr double kMinRatio = 0.5;   // a tokenizer is never this far from the estimate...
constexpr double kMaxRatio = 2.0;   // ...unless the sample is wrong
constexpr int kMinSample = 8;

} // namespace

TokenCounter &TokenCounter::instance()
{
    static TokenCounter counter;
    return counter;
}

namespace {

// The same brief, draft and sections are measured again and again (each
// section's prompt budget, each check, each call's prompt): scanned once
// while they last. The scan does not depend on the model.
TextMemo<TokenFeatures> &featuresMemo()
{
    thread_local TextMemo<TokenFeatures> memo;
    return memo;
}

} // namespace

TokenFeatures TokenCounter::featuresOf(const QString &text)
{
    TextMemo<TokenFeatures> &memo = featuresMemo();
    const TokenFeatures *known = memo.find(text);
    const TokenFeatures f = known ? *known : TokenScan::scan(text);
    if (!known)
        memo.insert(text, f);
    return f;
}

void TokenCounter::remember(const QString &text, const TokenFeatures &features)
{
    featuresMemo().insert(text, features);
}

double TokenCounter::rawEstimate(const QString &text, const QString &model)
{
    return text.isEmpty() ? 0 : rawEstimate(featuresOf(text), model);
}

double TokenCounter::rawEstimate(const TokenFeatures &f, const QString &model)
{
    const Weights &w = weightsFor(model);
    return w.word * double(f.words) + w.longLetter * double(f.longLetters) + w.punctuation * double(f.punctuation)
        + w.newline * double(f.newlines) + w.cjk * double(f.cjk) + w.nonLatin * double(f.nonLatin)
        + w.digitGroup * double(f.digitGroups) + w.extraSpace * double(f.extraSpaces)
        + w.accented * double(f.accented);
}

int TokenCounter::countTokens(const QString &text, const QString &model) const
{
    return text.isEmpty() ? 0 : countTokens(featuresOf(text), model);
}

int TokenCounter::countTokens(const TokenFeatures &features, const QString &model) const
{
    const double raw = rawEstimate(features, model);
    if (raw <= 0)
        return 0;
    return qMax(1, int(std::lround(raw * calibration(model))));
}

int TokenCounter::upperBound(qint64 units, const QString &model) const
{
    if (units <= 0)
        return 0;
    // countTokens() rounds raw × calibration to the nearest integer, and
    // gives at least 1: one more than the product covers both.
    const double most = std::ceil(double(units) * maxPerUnit(weightsFor(model)) * calibration(model)) + 1.0;
    return most >= double(std::numeric_limits<int>::max()) ? std::numeric_limits<int>::max() : int(most);
}

int TokenCounter::uncalibratedTokens(const QString &text, const QString &model) const
{
    const double raw = rawEstimate(text, model);
    return raw <= 0 ? 0 : qMax(1, int(std::lround(raw)));
}

int TokenCounter::countPromptTokens(const LlmRequest &request, bool calibrated) const
{
    const auto count = [&](const QString &text) {
        return calibrated ? countTokens(text, request.model) : uncalibratedTokens(text, request.model);
    };
    // OpenAI's chat framing: 3 tokens to prime the reply, 4 per message.
    int tokens = 3;
    if (!request.system.isEmpty())
        tokens += 4 + count(request.system);
    for (const LlmMessage &message : request.messages)
        tokens += 4 + count(message.content);
    return tokens;
}

void TokenCounter::calibrate(const QString &model, int estimatedTokens, int reportedTokens)
{
    if (estimatedTokens < kMinSample || reportedTokens < kMinSample)
        return;
    const QString key = model.toLower();
    const double sample = qBound(kMinRatio, double(reportedTokens) / double(estimatedTokens), kMaxRatio);
    QWriteLocker lock(&m_lock);
    const auto it = m_ratio.find(key);
    if (it == m_ratio.end())
        m_ratio.insert(key, 1.0 + kAlpha * (sample - 1.0));
    else
        *it += kAlpha * (sample - *it);
}

double TokenCounter::calibration(const QString &model) const
{
    QReadLocker lock(&m_lock);
    if (m_ratio.isEmpty())
        return 1.0;
    return m_ratio.value(model.toLower(), 1.0);
}

void TokenCounter::resetCalibration()
{
    QWriteLocker lock(&m_lock);
    m_ratio.clear();
}

} // namespace Madf
