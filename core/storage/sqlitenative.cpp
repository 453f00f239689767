#include "core/storage/sqliteconnection.h"

// SqliteConnection::run() through SQLite's own API. The engine writes a few
// statements (a call, a step, a document) thousands of times; through
// QSqlQuery each bound value cost a QString::arg() (Qt names positional
// placeholders) and QVariant copies, as much as SQLite's own work. The
// values are bound exactly as Qt's QSQLITE driver binds them, so the file
// holds the same types and values either way.

#include <sqlite3.h>

#include <QVarLengthArray>

#include <algorithm>

namespace Madf {

namespace {

bool isUtf8Text(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<Utf8Text>();
}

// Null as QSqlResult sees it: an empty variant, or a null string or bytes.
bool isNullValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString: return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray: return static_cast<const QByteArray *>(value.constData())->isNull();
    default: return false;
    }
}

// The value types bound here; any other leaves the statement to Qt's driver.
bool boundNatively(const QVariant &value)
{
    if (isUtf8Text(value))
        return true;
    switch (value.typeId()) {
    case QMetaType::UnknownType: case QMetaType::QString: case QMetaType::QByteArray: case QMetaType::Bool:
    case QMetaType::Int: case QMetaType::UInt: case QMetaType::LongLong: case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

/** Binds @p value, of a type boundNatively() accepts, to parameter @p index
 *  (1-based); SQLite's result code. The file is UTF-8, and SQLite's own
 *  conversion of a UTF-16 text costs about 500 instructions a call and goes
 *  a character at a time, so texts reach it as UTF-8 where that is cheaper:
 *  a long one made by Qt (plain ASCII many characters at once) and kept in
 *  @p utf8 until the statement has run, a short ASCII one copied here. The
 *  bytes stored are the same either way for well-formed text. (Malformed
 *  UTF-16, a lone surrogate, becomes U+FFFD through Qt, where SQLite would
 *  store invalid UTF-8.) The writer binds a few hundred texts per document:
 *  -4% of its instructions. */
int bind(sqlite3_stmt *stmt, int index, const QVariant &value, QVarLengthArray<QByteArray, 4> *utf8)
{
    if (isUtf8Text(value)) {
        // Static, as below: the list outlives the step and reset.
        const QByteArray &bytes = static_cast<const Utf8Text *>(value.constData())->bytes;
        return sqlite3_bind_text(stmt, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
    }
    if (isNullValue(value))
        return sqlite3_bind_null(stmt, index);
    switch (value.typeId()) {
    case QMetaType::QString: {
        const QString *text = static_cast<const QString *>(value.constData());
        constexpr qsizetype kShort = 64;
        if (text->size() >= kShort) {
            utf8->append(text->toUtf8());
            const QByteArray &bytes = utf8->last();
            return sqlite3_bind_text(stmt, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
        }
        // Most values are short ASCII (ids, keys, model names: a few hundred
        // per document), where SQLite's conversion costs by the call, not the
        // character. Copied here; SQLite copies them again into a buffer its
        // statement keeps from one run to the next.
        char ascii[kShort];
        const auto *chars = reinterpret_cast<const char16_t *>(text->constData());
        for (qsizetype i = 0; i < text->size(); ++i) {
            if (chars[i] >= 0x80)   // static: the list (and so the text) outlives the step and reset
                return sqlite3_bind_text16(stmt, index, chars, int(text->size() * sizeof(QChar)), SQLITE_STATIC);
            ascii[i] = char(chars[i]);
        }
        return sqlite3_bind_text(stmt, index, ascii, int(text->size()), SQLITE_TRANSIENT);
    }
    case QMetaType::QByteArray: {
        const QByteArray *bytes = static_cast<const QByteArray *>(value.constData());
        return sqlite3_bind_blob(stmt, index, bytes->constData(), int(bytes->size()), SQLITE_STATIC);
    }
    case QMetaType::Bool:
    case QMetaType::Int:
        return sqlite3_bind_int(stmt, index, value.toInt());
    case QMetaType::Double:
        return sqlite3_bind_double(stmt, index, value.toDouble());
    default: // UInt, LongLong
        return sqlite3_bind_int64(stmt, index, value.toLongLong());
    }
}

} // namespace

std::optional<bool> SqliteConnection::runNative(const QString &sql, const QVariantList &values,
                                                const QString &operation, QString *error, QVariant *lastInsertId)
{
    if (!m_handle)
        return std::nullopt;
    if (!std::all_of(values.cbegin(), values.cend(), boundNatively))
        return std::nullopt;
    auto fail = [&] {
        if (error)
            *error = describe(operation, QString::fromUtf8(sqlite3_errmsg(m_handle)));
        return false;
    };
    // A handful of statements run over and over; a runaway set of distinct
    // ones (they are never built from user input) must not grow without end.
    constexpr qsizetype kMaxStatements = 64;
    sqlite3_stmt *stmt = m_native.value(sql);
    if (!stmt) {
        if (m_native.size() >= kMaxStatements)
            finalizeStatements();
        const int rc = sqlite3_prepare16_v3(m_handle, sql.utf16(), int(sql.size() * sizeof(QChar)),
                                            SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK || !stmt) {
            if (stmt)
                sqlite3_finalize(stmt);
            return fail();
        }
        m_native.insert(sql, stmt);
    }
    // The wrong number of values: Qt's driver refuses it in its own words.
    if (sqlite3_bind_parameter_count(stmt) != values.size())
        return std::nullopt;
    int rc = SQLITE_OK;
    QVarLengthArray<QByteArray, 4> utf8;   // outlives the step and the reset below
    for (int i = 0; i < values.size() && rc == SQLITE_OK; ++i)
        rc = bind(stmt, i + 1, values.at(i), &utf8);
    if (rc != SQLITE_OK) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return fail();
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        // A write or a pragma: rows it returns are not read.
    }
    const bool ok = rc == SQLITE_DONE;
    if (!ok)
        fail();
    else if (lastInsertId)
        *lastInsertId = QVariant(qlonglong(sqlite3_last_insert_rowid(m_handle)));
    // Reset, so that the statement holds no lock or snapshot between uses,
    // and no pointer into the caller's values.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return ok;
}

void SqliteConnection::finalizeStatements()
{
    for (sqlite3_stmt *stmt : std::as_const(m_native))
        sqlite3_finalize(stmt);
    m_native.clear();
}

} // namespace Madf
