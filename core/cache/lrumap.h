#pragma once

#include <QHash>
#include <QList>

#include <list>
#include <utility>

namespace Madf {

/**
 * A map that holds at most `capacity` entries and, when full, drops the one
 * used least recently. find() and insert() count as a use. Every operation is
 * O(1): a list keeps the use order (most recent first) and a hash points into
 * it. Not thread-safe; the owner locks.
 */
template<typename Key, typename Value>
class LruMap
{
public:
    explicit LruMap(qsizetype capacity = 0) : m_capacity(qMax<qsizetype>(0, capacity)) {}

    qsizetype capacity() const { return m_capacity; }
    /** Drops the least recently used entries beyond the new capacity. */
    void setCapacity(qsizetype capacity)
    {
        m_capacity = qMax<qsizetype>(0, capacity);
        trim();
    }

    qsizetype size() const { return m_index.size(); }
    bool contains(const Key &key) const { return m_index.contains(key); }

    /** The value, now the most recently used; nullptr when absent. The
     *  pointer is valid until the map next changes. */
    Value *find(const Key &key)
    {
        const auto found = m_index.constFind(key);
        if (found == m_index.cend())
            return nullptr;
        m_items.splice(m_items.begin(), m_items, found.value());
        return &m_items.front().second;
    }

    /** Adds or replaces @p key as the most recently used entry. With a
     *  capacity of 0 nothing is kept. */
    void insert(const Key &key, Value value)
    {
        if (m_capacity == 0)
            return;
        if (Value *existing = find(key)) {
            *existing = std::move(value);
            return;
        }
        m_items.emplace_front(key, std::move(value));
        m_index.insert(key, m_items.begin());
        trim();
    }

    bool remove(const Key &key)
    {
        const auto found = m_index.find(key);
        if (found == m_index.end())
            return false;
        m_items.erase(found.value());
        m_index.erase(found);
        return true;
    }

    void clear()
    {
        m_items.clear();
        m_index.clear();
    }

    /** Most recently used first. */
    QList<Key> keys() const
    {
        QList<Key> keys;
        keys.reserve(size());
        for (const auto &item : m_items)
            keys.append(item.first);
        return keys;
    }

private:
    using Items = std::list<std::pair<Key, Value>>;

    void trim()
    {
        while (qsizetype(m_index.size()) > m_capacity) {
            m_index.remove(m_items.back().first);
            m_items.pop_back();
        }
    }

    qsizetype m_capacity = 0;
    Items m_items;
    QHash<Key, typename Items::iterator> m_index;
};

} // namespace Madf
