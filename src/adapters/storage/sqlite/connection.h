// One SQLite (SQLCipher) connection with a cache of prepared statements.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace commerce {
struct Currency;
}

namespace commerce::sqlite {

// Turns a failed SQLite call into a commerce::Error (STORAGE, or a sharper code where one applies).
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view context);

class Connection;

// A cached prepared statement in use. Resets and clears its bindings when it goes out of scope, so the
// next user of the same SQL starts clean.
class Query {
public:
    Query(Connection& connection, sqlite3_stmt* statement) : connection_(connection), statement_(statement) {}
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query();

    Query& bind(int index, std::string_view text);
    Query& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Query& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Query& bind(int index, int64_t value);
    Query& bind(int index, std::nullopt_t);
    Query& bind(int index, const std::optional<std::string>& text);
    Query& bind(int index, const std::optional<int64_t>& value);
    // The currency's code, or NULL for none.
    Query& bind(int index, const Currency* currency);
    // Arbitrary bytes (sealed secrets, keys) as a BLOB; an empty string is an empty BLOB, not NULL.
    Query& bind_blob(int index, std::string_view bytes);

    // Steps once: true when a row is available, false when done.
    bool step();
    // Steps to completion; for statements that return no rows.
    void run();

    std::string text(int column) const;
    std::optional<std::string> optional_text(int column) const;
    int64_t integer(int column) const;
    std::optional<int64_t> optional_integer(int column) const;
    // The column's bytes; "" for NULL.
    std::string blob(int column) const;

private:
    Connection& connection_;
    sqlite3_stmt* statement_;
};

class Connection {
public:
    // Opens the file (or ":memory:"); throws STORAGE when it cannot.
    Connection(const std::string& path, bool read_only);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Runs SQL without results (pragmas, DDL, BEGIN/COMMIT).
    void exec(const std::string& sql);
    // Rolls back the open transaction, if any; for cleanup paths that must not throw over another error.
    void rollback_quietly() noexcept;
    // A prepared statement from the cache, prepared on first use.
    Query query(const char* sql);
    // A single text value of a one-row query, for pragmas.
    std::optional<std::string> scalar_text(const std::string& sql);

    int64_t changes() const { return sqlite3_changes64(db_); }
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::unordered_map<const char*, sqlite3_stmt*> statements_;  // keyed by the SQL literal's address
};

}  // namespace commerce::sqlite
