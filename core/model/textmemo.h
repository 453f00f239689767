#pragma once

#include <QString>

#include <array>

namespace Madf {

/** Remembers a number computed from a text (its words, its tokens) for the
 *  last few long texts seen, so that the same draft, section or brief
 *  passed around by several agents and checks is scanned once.
 *
 *  A text is recognised by its buffer, not its contents: each entry keeps a
 *  copy of the QString, so the buffer stays shared and cannot be changed in
 *  place (any write detaches it) nor freed and reused while it is here.
 *  Texts without an owned buffer (literals, fromRawData) are not kept: their
 *  memory is not ours to pin. Use one per thread (thread_local). */
template<typename Value>
class TextMemo
{
public:
    /** Texts shorter than this are cheaper to count than to look up. */
    static constexpr qsizetype kMinChars = 256;

    const Value *find(const QString &text) const
    {
        if (!memoizable(text))
            return nullptr;
        for (const Entry &e : m_entries)
            if (e.text.constData() == text.constData() && e.text.size() == text.size())
                return &e.value;
        return nullptr;
    }

    void insert(const QString &text, Value value)
    {
        if (!memoizable(text))
            return;
        Entry &e = m_entries[m_next];
        m_next = (m_next + 1) % m_entries.size();
        e.text = text;
        e.value = value;
    }

private:
    static bool memoizable(const QString &text)
    {
        return text.size() >= kMinChars && text.data_ptr().isMutable();
    }

    struct Entry
    {
        QString text;
        Value value{};
    };
    std::array<Entry, 32> m_entries;
    size_t m_next = 0;
};

} // namespace Madf
