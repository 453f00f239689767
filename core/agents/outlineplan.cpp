#include "core/agents/outlineplan.h"

#include <QRegularExpression>

#include <cmath>

namespace Madf::OutlinePlan {

QStringList requiredSections(const QString &documentType)
{
    const QString type = documentType.trimmed().toLower();
    if (type == QLatin1String("report"))
        return {QStringLiteral("Executive Summary"), QStringLiteral("Introduction"), QStringLiteral("Findings"),
                QStringLiteral("Recommendations"), QStringLiteral("Conclusion")};
    if (type == QLatin1String("paper"))
        return {QStringLiteral("Abstract"), QStringLiteral("Introduction"), QStringLiteral("Background"),
                QStringLiteral("Discussion"), QStringLiteral("Conclusion")};
    if (type == QLatin1String("documentation"))
        return {QStringLiteral("Overview"), QStringLiteral("Getting Started"), QStringLiteral("Usage"),
                QStringLiteral("Troubleshooting")};
    return {QStringLiteral("Introduction"), QStringLiteral("Conclusion")};
}

// "Executive summary", after numbering ("1.", "IV)", "##") and in any case;
// what the pattern ^[\s#\d.)IVX]*executive\s+summary\b said, read by hand:
// it runs for every section at every draft and assembly.
bool isExecutiveSummary(const QString &title)
{
    const auto blank = [](QChar c) { return c == u' ' || (c >= u'\t' && c <= u'\r'); };
    const auto numbering = [&](QChar c) {
        const char16_t u = c.unicode();
        return blank(c) || u == u'#' || (u >= u'0' && u <= u'9') || u == u'.' || u == u')' || u == u'I' || u == u'i'
            || u == u'V' || u == u'v' || u == u'X' || u == u'x';
    };
    const QStringView t = QStringView(title).trimmed();
    qsizetype i = 0;
    while (i < t.size() && numbering(t[i]))
        ++i;
    if (!t.mid(i).startsWith(u"executive", Qt::CaseInsensitive))
        return false;
    i += 9;
    const qsizetype gap = i;
    while (i < t.size() && blank(t[i]))
        ++i;
    if (i == gap || !t.mid(i).startsWith(u"summary", Qt::CaseInsensitive))
        return false;
    i += 7;
    if (i == t.size())
        return true;
    const char16_t next = t[i].unicode();
    const bool wordChar = (next >= u'a' && next <= u'z') || (next >= u'A' && next <= u'Z')
        || (next >= u'0' && next <= u'9') || next == u'_';
    return !wordChar;
}

QList<OutlineSection> parseUserOutline(const QString &text, QString *title)
{
    static const QRegularExpression headingRe(QStringLiteral("^(#{1,6})\\s+(.*)$"));
    static const QRegularExpression markerRe(QStringLiteral("^(?:[-*+•]|\\d+(?:\\.\\d+)*[.)]?|[IVXivx]+[.)]|[A-Za-z][.)])\\s+"));

    struct Line { int depth; QString text; };
    QList<Line> lines;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        if (raw.trimmed().isEmpty())
            continue;
        const qsizetype indent = raw.size() - QString(raw).remove(QRegularExpression(QStringLiteral("^[ \\t]+"))).size();
        QString body = raw.trimmed();
        int depth = 0;
        const QRegularExpressionMatch h = headingRe.match(body);
        if (h.hasMatch()) {
            depth = int(h.captured(1).size()) - 1;
            body = h.captured(2);
        } else {
            // Headings rank above bullets: a bullet counts as one level below the deepest heading.
            depth = 6 + int(indent / 2);
            // "1.2 Scope" is a sub-item of "1 ..."
            static const QRegularExpression subNumberRe(QStringLiteral("^\\d+\\.\\d+"));
            if (subNumberRe.match(body).hasMatch())
                depth += 1;
        }
        body.remove(markerRe);
        body = body.trimmed();
        if (!body.isEmpty())
            lines.append({depth, body});
    }
    if (lines.isEmpty())
        return {};

    int top = 100;
    for (const Line &l : std::as_const(lines))
        top = qMin(top, l.depth);
    int topCount = 0;
    int nextLevel = 100;
    for (const Line &l : std::as_const(lines)) {
        if (l.depth == top)
            ++topCount;
        else
            nextLevel = qMin(nextLevel, l.depth);
    }
    // "# Title" over "## A", "## B": the lone top line is the document's title.
    if (topCount == 1 && lines.first().depth == top && nextLevel < 100) {
        if (title)
            *title = lines.first().text;
        lines.removeFirst();
        top = nextLevel;
    }

    QList<OutlineSection> sections;
    for (const Line &l : std::as_const(lines)) {
        if (l.depth <= top || sections.isEmpty()) {
            OutlineSection s;
            s.title = l.text;
            sections.append(s);
        } else {
            sections.last().keyPoints << l.text;
        }
    }
    return sections;
}

void balanceTargets(QList<OutlineSection> *sections, int total)
{
    if (!sections || sections->isEmpty())
        return;
    const int n = int(sections->size());
    double given = 0;
    int givenCount = 0;
    for (const OutlineSection &s : std::as_const(*sections)) {
        if (s.targetWords > 0) {
            given += s.targetWords;
            ++givenCount;
        }
    }
    const double fallback = givenCount > 0 ? given / givenCount : 1.0;
    QList<double> weights;
    double sum = 0;
    for (const OutlineSection &s : std::as_const(*sections)) {
        const double w = s.targetWords > 0 ? s.targetWords : fallback;
        weights << w;
        sum += w;
    }

    // Largest remainder: the rounded shares add up to exactly `total`.
    const int budget = qMax(total, n);
    QList<int> shares(n);
    QList<QPair<double, int>> remainders;
    int assigned = 0;
    for (int i = 0; i < n; ++i) {
        const double exact = weights.at(i) / sum * budget;
        shares[i] = qMax(1, int(std::floor(exact)));
        assigned += shares.at(i);
        remainders.append({exact - std::floor(exact), i});
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int k = 0; assigned < budget; k = (k + 1) % n) {
        ++shares[remainders.at(k).second];
        ++assigned;
    }
    // The minimum of 1 may overshoot on tiny totals: take back from the largest.
    while (assigned > budget) {
        const auto largest = std::max_element(shares.begin(), shares.end());
        if (*largest <= 1)
            break;
        --*largest;
        --assigned;
    }
    for (int i = 0; i < n; ++i)
        (*sections)[i].targetWords = shares.at(i);
}

QString titleForRequirement(const QString &requirement)
{
    static const QRegularExpression leadRe(
        QStringLiteral("^(?:(?:please|must|should|also|the\\s+document|it)\\s+)*"
                       "(?:cover|covers|include|includes|discuss|discusses|explain|explains|describe|describes|"
                       "address|addresses|mention|mentions|provide|provides|give|gives|compare|compares|"
                       "analy[sz]e|analy[sz]es|outline|outlines|present|presents|list|lists|summari[sz]e|"
                       "summari[sz]es|highlight|highlights|focus\\s+on|talk\\s+about|add|use|show|shows)\\s+"
                       "(?:(?:a|an|the|some)\\s+)?"),
        QRegularExpression::CaseInsensitiveOption);
    QString text = requirement.simplified();
    text.remove(leadRe);
    while (!text.isEmpty() && QStringLiteral(".;:!,").contains(text.back()))
        text.chop(1);
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() > 8)
        words = words.mid(0, 8);
    text = words.join(QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace Madf::OutlinePlan
