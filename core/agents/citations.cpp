#include "core/agents/citations.h"

#include "core/model/textmemo.h"

#include <QRegularExpression>
#include <QStringList>

namespace Madf::Citations {

namespace {

const QRegularExpression &citationRe()
{
    // "[1]", "[1, 2]", "[1–3]", "[1,3-5]"; not a link "[1](url)", a link
    // definition "[1]: url" or a footnote "[^1]".
    static const QRegularExpression re(QStringLiteral("\\[(\\d{1,3}(?:\\s*(?:,|;|-|–)\\s*\\d{1,3})*)\\](?![(:])"));
    return re;
}

QList<int> numbersIn(const QString &inside)
{
    QList<int> numbers;
    static const QRegularExpression partRe(QStringLiteral("(\\d+)(?:\\s*[-–]\\s*(\\d+))?"));
    for (auto it = partRe.globalMatch(inside); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int from = m.captured(1).toInt();
        const int to = m.captured(2).isEmpty() ? from : m.captured(2).toInt();
        // A reversed or absurd range is read as its two ends only.
        if (to < from || to - from > 50) {
            numbers << from << to;
            continue;
        }
        for (int n = from; n <= to; ++n)
            numbers << n;
    }
    return numbers;
}

QString format(const QList<int> &numbers)
{
    if (numbers.isEmpty())
        return {};
    QStringList parts;
    for (int n : numbers)
        parts << QString::number(n);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// Every citation opens with '['. A document's sections are assembled again
// after each step (three passes each: what is cited, what is dropped, what
// is renumbered), mostly unchanged and mostly without a '[': the answer is
// remembered for the text while it lasts.
bool mayCite(const QString &text)
{
    thread_local TextMemo<bool> memo;
    if (const bool *known = memo.find(text))
        return *known;
    const bool bracket = text.contains(QLatin1Char('['));
    memo.insert(text, bracket);
    return bracket;
}

template <class F>
QString rewrite(const QString &text, F transform)
{
    // Text without a '[' (most) is returned as it is.
    if (!mayCite(text))
        return text;
    QString out;
    qsizetype last = 0;
    for (auto it = citationRe().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString replacement = transform(m.captured(0), numbersIn(m.captured(1)));
        // Removing "[9]" from "fact [9]." must not leave "fact ."
        if (replacement.isEmpty() && out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        out += replacement;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace

QList<int> cited(const QString &text)
{
    QList<int> all;
    if (!mayCite(text))
        return all;
    for (auto it = citationRe().globalMatch(text); it.hasNext();) {
        for (int n : numbersIn(it.next().captured(1))) {
            if (!all.contains(n))
                all << n;
        }
    }
    return all;
}

QString dropInvalid(const QString &text, const QSet<int> &valid, QList<int> *dropped)
{
    return rewrite(text, [&](const QString &original, const QList<int> &numbers) {
        QList<int> kept;
        for (int n : numbers) {
            if (valid.contains(n))
                kept << n;
            else if (dropped && !dropped->contains(n))
                dropped->append(n);
        }
        return kept.size() == numbers.size() ? original : format(kept);
    });
}

QString renumber(const QString &text, const QHash<int, int> &map)
{
    return rewrite(text, [&](const QString &original, const QList<int> &numbers) {
        QList<int> mapped;
        bool changed = false;
        for (int n : numbers) {
            const int m = map.value(n, n);
            changed = changed || m != n;
            if (!mapped.contains(m))
                mapped << m;
        }
        return changed ? format(mapped) : original;
    });
}

} // namespace Madf::Citations
