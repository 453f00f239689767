#pragma once

#include <QString>
#include <QStringList>

namespace Madf {

/** Readable English-like filler for the simulated provider: sentences from a
 *  small grammar over a plain vocabulary, woven with the topic words of the
 *  prompt, fully determined by a seed. It reads like prose at a glance and
 *  says nothing: it never pretends to be a model's answer (results carry
 *  `simulated`). */
class SimulatedText
{
public:
    explicit SimulatedText(quint64 seed, const QStringList &topicWords = {});

    /** FNV-1a 64: the same seed on every run and platform. */
    static quint64 fingerprint(QStringView text, quint64 seed = 14695981039346656037ull);
    /** Up to @p max distinctive words of @p text (no stop words, no instructions). */
    static QStringList topicWords(const QString &text, int max = 8);

    QString sentence();
    /** Source numbers the prompt lists as citable ("[2] Title" lines): the
     *  text then cites them as [n] the way a model asked to cite would, and
     *  never cites anything else. */
    void setCitable(const QList<int> &numbers) { m_citable = numbers; }
    /** Paragraphs of about @p words words in all. */
    QString prose(int words);
    /** `## Heading` sections of about @p words words in all. */
    QString markdown(const QStringList &headings, int words);
    /** A plausible generic JSON object (summary, key points, confidence). */
    QString jsonObject();
    /** A heading-like phrase ("Key Findings"). */
    QString heading();

private:
    quint64 next();
    int below(int n) { return int(next() % quint64(qMax(1, n))); }
    QString noun();

    quint64 m_state;
    QStringList m_topic;
    QList<int> m_citable;
};

} // namespace Madf
