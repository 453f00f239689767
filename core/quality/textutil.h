#pragma once

// Internal to core/quality: small text helpers tuned for the hot loops of
// the quality checks (a 5,000-word document is read several times).

#include <QChar>
#include <QString>
#include <QStringView>

namespace Madf::QualityText {

/** Lower case, with a fast path for ASCII, which is nearly all of English text. */
inline QChar lower(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= u'A' && u <= u'Z') ? QChar(char16_t(u + 32)) : c;
    return c.toLower();
}

inline QString lowered(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    QChar *p = out.data();
    for (const QChar c : text)
        *p++ = lower(c);
    return out;
}

} // namespace Madf::QualityText
