#include "core/agents/termtable.h"

#include <cstring>

namespace Madf {

std::uint64_t TermTable::hashOf(QStringView word)
{
    // FNV-1a over the UTF-16 units, then high bits folded into the low
    // ones, which index the table.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const QChar c : word) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return h ^ (h >> 29);
}

int TermTable::find(QStringView word, std::uint64_t hash) const
{
    if (m_slots.empty())
        return -1;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::int32_t slot = m_slots[i];
        if (slot == 0)
            return -1;
        const Span &span = m_spans[std::size_t(slot - 1)];
        if (span.hash == hash && span.length == std::uint32_t(word.size())
            && std::memcmp(m_chars.constData() + span.offset, word.data(), word.size() * sizeof(QChar)) == 0)
            return slot - 1;
    }
}

int TermTable::insert(QStringView word, std::uint64_t hash)
{
    const int known = find(word, hash);
    if (known >= 0)
        return known;
    // At most half full, so that a probe ends soon.
    if ((m_spans.size() + 1) * 2 > m_slots.size())
        grow();
    const int id = int(m_spans.size());
    m_spans.push_back({std::uint32_t(m_chars.size()), std::uint32_t(word.size()), hash});
    m_chars.append(word);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i] != 0)
        i = (i + 1) & mask;
    m_slots[i] = id + 1;
    return id;
}

QStringView TermTable::word(int id) const
{
    const Span &span = m_spans.at(std::size_t(id));
    return QStringView(m_chars).mid(span.offset, span.length);
}

void TermTable::grow()
{
    std::vector<std::int32_t> table(m_slots.empty() ? 64 : m_slots.size() * 2, 0);
    const std::size_t mask = table.size() - 1;
    for (std::size_t id = 0; id < m_spans.size(); ++id) {
        std::size_t i = m_spans[id].hash & mask;
        while (table[i] != 0)
            i = (i + 1) & mask;
        table[i] = std::int32_t(id + 1);
    }
    m_slots.swap(table);
}

} // namespace Madf
