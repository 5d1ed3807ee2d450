#include "adapters/storage/sqlite/connection.h"

#include "core/currency.h"
#include "core/error.h"

#include <fmt/format.h>

namespace commerce::sqlite {

void throw_sqlite(sqlite3* db, int rc, std::string_view context) {
    const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    commerce_status code = COMMERCE_ERR_STORAGE;
    if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) code = COMMERCE_ERR_EXISTS;
    if ((rc & 0xff) == SQLITE_NOMEM) code = COMMERCE_ERR_NO_MEMORY;
    throw Error(code, fmt::format("{}: {}", context, message), {{"sqlite_code", extended}});
}

Query::~Query() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

Query& Query::bind(int index, std::string_view text) {
    // A default-constructed string_view has a null data pointer, which SQLite would bind as NULL, not ''.
    const char* data = text.data() ? text.data() : "";
    int rc = sqlite3_bind_text64(statement_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) throw_sqlite(connection_.handle(), rc, "bind");
    return *this;
}

Query& Query::bind(int index, int64_t value) {
    int rc = sqlite3_bind_int64(statement_, index, value);
    if (rc != SQLITE_OK) throw_sqlite(connection_.handle(), rc, "bind");
    return *this;
}

Query& Query::bind(int index, std::nullopt_t) {
    int rc = sqlite3_bind_null(statement_, index);
    if (rc != SQLITE_OK) throw_sqlite(connection_.handle(), rc, "bind");
    return *this;
}

Query& Query::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind(index, std::nullopt);
}

Query& Query::bind(int index, const Currency* currency) {
    return currency ? bind(index, std::string_view(currency->code)) : bind(index, std::nullopt);
}

Query& Query::bind(int index, const std::optional<int64_t>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
}

Query& Query::bind_blob(int index, std::string_view bytes) {
    // A null data pointer would bind NULL, so an empty value points at a static empty string instead.
    const void* data = bytes.empty() ? static_cast<const void*>("") : static_cast<const void*>(bytes.data());
    int rc = sqlite3_bind_blob64(statement_, index, data, bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw_sqlite(connection_.handle(), rc, "bind");
    return *this;
}

bool Query::step() {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sqlite(connection_.handle(), rc, "query");
}

void Query::run() {
    while (step()) {
    }
}

std::string Query::text(int column) const {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes), sqlite3_column_bytes(statement_, column))
                 : std::string();
}

std::optional<std::string> Query::optional_text(int column) const {
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
    return text(column);
}

std::string Query::blob(int column) const {
    const auto* bytes = sqlite3_column_blob(statement_, column);
    return bytes ? std::string(static_cast<const char*>(bytes), sqlite3_column_bytes(statement_, column))
                 : std::string();
}

int64_t Query::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::optional<int64_t> Query::optional_integer(int column) const {
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
    return integer(column);
}

Connection::Connection(const std::string& path, bool read_only) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;  // one thread uses a connection at a time
    flags |= read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw Error(COMMERCE_ERR_STORAGE, fmt::format("cannot open database '{}': {}", path, message),
                    {{"path", path}});
    }
}

Connection::~Connection() {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_close_v2(db_);
}

void Connection::exec(const std::string& sql) {
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, "exec");
}

void Connection::rollback_quietly() noexcept {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Query Connection::query(const char* sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        sqlite3_stmt* statement = nullptr;
        int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        if (rc != SQLITE_OK) throw_sqlite(db_, rc, "prepare");
        it = statements_.emplace(sql, statement).first;
    }
    return Query(*this, it->second);
}

std::optional<std::string> Connection::scalar_text(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, "prepare");
    std::optional<std::string> value;
    rc = sqlite3_step(statement);
    if (rc == SQLITE_ROW && sqlite3_column_type(statement, 0) != SQLITE_NULL)
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw_sqlite(db_, rc, "query");
    return value;
}

}  // namespace commerce::sqlite
