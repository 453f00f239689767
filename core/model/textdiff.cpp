#include "textdiff.h"

#include "markdownrenderer.h"

#include <QRegularExpression>

namespace Madf {

namespace {
QStringList tokens(const QString &text, bool byParagraph)
{
    static const QRegularExpression word(QStringLiteral("\\S+|\\s+"));
    static const QRegularExpression paragraph(QStringLiteral("[^\\n]*\\n*"));
    QStringList out;
    auto it = (byParagraph ? paragraph : word).globalMatch(text);
    while (it.hasNext()) {
        const QString t = it.next().captured(0);
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

void push(QList<DiffSpan> &spans, DiffSpan::Kind kind, const QString &text)
{
    if (!spans.isEmpty() && spans.last().kind == kind)
        spans.last().text += text;
    else
        spans.append({kind, text});
}
} // namespace

QList<DiffSpan> diffWords(const QString &before, const QString &after, int maxWords)
{
    QStringList a = tokens(before, false);
    QStringList b = tokens(after, false);
    if (a.size() > maxWords || b.size() > maxWords) {
        a = tokens(before, true);
        b = tokens(after, true);
    }
    // Trim the common head and tail: revisions usually change a little.
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    QList<DiffSpan> spans;
    for (qsizetype i = 0; i < head; ++i)
        push(spans, DiffSpan::Same, a[i]);

    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    // LCS table over the middle part (bounded by maxWords, or paragraphs).
    QList<QList<int>> lcs(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[head + i] == b[head + j]) {
            push(spans, DiffSpan::Same, a[head + i]);
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            push(spans, DiffSpan::Added, b[head + j++]);
        } else {
            push(spans, DiffSpan::Removed, a[head + i++]);
        }
    }
    for (qsizetype k = a.size() - tail; k < a.size(); ++k)
        push(spans, DiffSpan::Same, a[k]);
    return spans;
}

QString diffToHtml(const QList<DiffSpan> &spans)
{
    QString html;
    for (const DiffSpan &s : spans) {
        QString text = htmlEscape(s.text);
        text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        switch (s.kind) {
        case DiffSpan::Same:
            html += text;
            break;
        case DiffSpan::Removed:
            html += QStringLiteral("<del style=\"background:#fdd;color:#900\">") + text + QStringLiteral("</del>");
            break;
        case DiffSpan::Added:
            html += QStringLiteral("<ins style=\"background:#dfd;color:#060\">") + text + QStringLiteral("</ins>");
            break;
        }
    }
    return html;
}

} // namespace Madf
