#include "core/agents/chunker.h"

#include <QRegularExpression>

namespace Madf {

namespace {

struct Unit
{
    QString text;
    int words = 0;
    bool endsParagraph = false;
};

// A sentence longer than a whole chunk (a table flattened to text, a list
// without punctuation) is cut into word runs so that no chunk overflows.
void appendUnits(QList<Unit> *units, const QString &sentence, int maxWords, bool endsParagraph)
{
    const QStringList words = sentence.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.size() <= maxWords) {
        units->append({sentence, int(words.size()), endsParagraph});
        return;
    }
    for (qsizetype i = 0; i < words.size(); i += maxWords) {
        const QStringList part = words.mid(i, maxWords);
        const bool last = i + maxWords >= words.size();
        units->append({part.join(QLatin1Char(' ')), int(part.size()), last && endsParagraph});
    }
}

} // namespace

Chunker::Chunker(int minWords, int maxWords, int overlapWords)
    : m_minWords(qMax(1, minWords))
    , m_maxWords(qMax(m_minWords, maxWords))
    , m_overlapWords(qBound(0, overlapWords, m_minWords / 2))
{
}

QStringList Chunker::splitSentences(const QString &paragraph)
{
    static const QRegularExpression endRe(QStringLiteral("(?<=[.!?])[\"')\\]]?\\s+(?=[\"'(\\[]?[A-Z0-9])"));
    QStringList sentences;
    qsizetype last = 0;
    for (auto it = endRe.globalMatch(paragraph); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString s = paragraph.mid(last, m.capturedStart() - last + (m.captured().trimmed().size())).trimmed();
        if (!s.isEmpty())
            sentences << s;
        last = m.capturedEnd();
    }
    const QString rest = paragraph.mid(last).trimmed();
    if (!rest.isEmpty())
        sentences << rest;
    return sentences;
}

QList<SourceChunk> Chunker::chunk(const SourceDoc &source) const
{
    QList<SourceChunk> chunks;
    if (!source.error.isEmpty() || source.text.trimmed().isEmpty())
        return chunks;

    QList<Unit> units;
    static const QRegularExpression paragraphRe(QStringLiteral("\\n\\s*\\n"));
    for (const QString &paragraph : source.text.split(paragraphRe, Qt::SkipEmptyParts)) {
        const QString flat = paragraph.simplified();
        if (flat.isEmpty())
            continue;
        const QStringList sentences = splitSentences(flat);
        for (qsizetype i = 0; i < sentences.size(); ++i)
            appendUnits(&units, sentences.at(i), m_maxWords, i + 1 == sentences.size());
    }

    QList<QList<int>> groups;
    QList<int> current;
    int currentWords = 0;
    int carried = 0;  // units at the head of `current` repeated from the previous chunk
    auto emitCurrent = [&] {
        groups.append(current);
        // The overlap: whole trailing sentences up to m_overlapWords words.
        QList<int> overlap;
        int overlapWords = 0;
        for (qsizetype i = current.size() - 1; i > 0; --i) {
            const int w = units.at(current.at(i)).words;
            if (overlapWords + w > m_overlapWords)
                break;
            overlap.prepend(current.at(i));
            overlapWords += w;
        }
        current = overlap;
        currentWords = overlapWords;
        carried = int(overlap.size());
    };
    for (int i = 0; i < units.size(); ++i) {
        const Unit &unit = units.at(i);
        if (currentWords + unit.words > m_maxWords && current.size() > carried)
            emitCurrent();
        if (currentWords + unit.words > m_maxWords) {
            // The carried overlap would push this unit over the limit: drop it.
            current.clear();
            currentWords = 0;
            carried = 0;
        }
        current.append(i);
        currentWords += unit.words;
        if (unit.endsParagraph && currentWords >= m_minWords)
            emitCurrent();
    }
    if (current.size() > carried) {
        // A short tail joins the previous chunk when that stays within bounds.
        const int newWords = currentWords - [&] {
            int w = 0;
            for (int k = 0; k < carried; ++k)
                w += units.at(current.at(k)).words;
            return w;
        }();
        int previousWords = 0;
        if (!groups.isEmpty()) {
            for (int idx : groups.last())
                previousWords += units.at(idx).words;
        }
        if (!groups.isEmpty() && currentWords < m_minWords / 2 && previousWords + newWords <= m_maxWords + m_overlapWords)
            groups.last().append(current.mid(carried));
        else
            groups.append(current);
    }

    for (const QList<int> &group : std::as_const(groups)) {
        QString text;
        for (qsizetype k = 0; k < group.size(); ++k) {
            const Unit &unit = units.at(group.at(k));
            text += unit.text;
            if (k + 1 < group.size())
                text += unit.endsParagraph ? QStringLiteral("\n\n") : QStringLiteral(" ");
        }
        SourceChunk chunk;
        chunk.sourceNumber = source.number;
        chunk.index = int(chunks.size());
        chunk.text = text;
        chunks.append(chunk);
    }
    return chunks;
}

QList<SourceChunk> Chunker::chunkAll(const QList<SourceDoc> &sources) const
{
    QList<SourceChunk> all;
    for (const SourceDoc &source : sources)
        all += chunk(source);
    return all;
}

} // namespace Madf
