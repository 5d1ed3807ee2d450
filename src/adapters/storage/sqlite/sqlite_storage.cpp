#include "adapters/storage/sqlite/sqlite_storage.h"

#include "adapters/storage/sqlite/catalog_changes.h"
#include "adapters/storage/sqlite/migrations.h"
#include "adapters/storage/sqlite/sqlite_transaction.h"
#include "core/error.h"

#include <fmt/format.h>

namespace commerce::sqlite {
namespace {

// SQLCipher reports a wrong key only when the first page is read, as "file is not a database".
void verify_key(Connection& connection) {
    int rc = sqlite3_exec(connection.handle(), "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if ((rc & 0xff) == SQLITE_NOTADB)
        throw Error(COMMERCE_ERR_BAD_KEY,
                    "cannot read the database: the encryption key is wrong or missing, or the file is not a "
                    "commerce database");
    throw_sqlite(connection.handle(), rc, "open");
}

// Runs fn inside a transaction on the connection, committing on return and rolling back on throw.
void in_transaction(Connection& connection, SqliteTransaction::Caches caches, bool writable,
                    const std::function<void(Transaction&)>& fn) {
    // IMMEDIATE takes the write lock up front, so a transaction never fails half-way on a lock upgrade.
    connection.exec(writable ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
        // Before it writes anything, a writer's snapshot is the last commit: the product cache may catch up to it,
        // so that a run of writes with no read between them (a till scanning items) still finds products there.
        if (writable) caches.products.catch_up(connection, catalog_revisions(connection).products);
        SqliteTransaction transaction(connection, caches, writable);
        fn(transaction);
        connection.exec("COMMIT");
    } catch (...) {
        connection.rollback_quietly();
        throw;
    }
}

}  // namespace

SqliteStorage::SqliteStorage(Options options) : options_(std::move(options)) {
    writer_ = open_connection(/*read_only=*/false);
    // Fail closed: without an active SQLCipher the file would be written in plaintext.
    cipher_version_ = writer_->scalar_text("PRAGMA cipher_version").value_or("");
    if (cipher_version_.empty())
        throw Error(COMMERCE_ERR_STORAGE, "SQLCipher is not active in this build; refusing to open the database");
    migrate(*writer_);
}

SqliteStorage::~SqliteStorage() = default;

std::unique_ptr<Connection> SqliteStorage::open_connection(bool read_only) {
    auto connection = std::make_unique<Connection>(options_.path, read_only);
    // SQLCipher logs decryption failures to stderr; a library must not write to its host's terminal, and a
    // wrong key is already reported as BAD_KEY.
    connection->exec("PRAGMA cipher_log_level = NONE");
    if (!options_.key.empty()) {
        int rc = sqlite3_key_v2(connection->handle(), "main", options_.key.data(),
                                static_cast<int>(options_.key.size()));
        if (rc != SQLITE_OK) throw_sqlite(connection->handle(), rc, "key");
    }
    sqlite3_busy_timeout(connection->handle(), static_cast<int>(options_.busy_timeout_ms));
    verify_key(*connection);
    connection->exec(fmt::format("PRAGMA cache_size = -{}", options_.cache_size_kib));
    connection->exec("PRAGMA foreign_keys = ON");
    connection->exec("PRAGMA temp_store = MEMORY");
    if (read_only) {
        connection->exec("PRAGMA query_only = ON");
    } else {
        if (!in_memory()) connection->exec("PRAGMA journal_mode = WAL");
        // FULL syncs the WAL on every commit: a committed order survives a power loss.
        connection->exec(options_.full_durability ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    }
    return connection;
}

std::unique_ptr<Connection> SqliteStorage::acquire_reader() {
    std::unique_lock lock(pool_mutex_);
    reader_returned_.wait(lock, [&] { return !idle_readers_.empty() || readers_open_ < options_.read_connections; });
    if (!idle_readers_.empty()) {
        auto reader = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return reader;
    }
    ++readers_open_;
    lock.unlock();
    try {
        return open_connection(/*read_only=*/true);
    } catch (...) {
        std::lock_guard relock(pool_mutex_);
        --readers_open_;
        reader_returned_.notify_one();
        throw;
    }
}

void SqliteStorage::release_reader(std::unique_ptr<Connection> reader) {
    std::lock_guard lock(pool_mutex_);
    idle_readers_.push_back(std::move(reader));
    reader_returned_.notify_one();
}

void SqliteStorage::on_reader(const std::function<void(Connection&)>& fn) {
    if (in_memory()) {  // an in-memory database lives in one connection: share the writer
        std::lock_guard lock(write_mutex_);
        fn(*writer_);
        return;
    }
    auto reader = acquire_reader();
    try {
        fn(*reader);
    } catch (...) {
        release_reader(std::move(reader));
        throw;
    }
    release_reader(std::move(reader));
}

void SqliteStorage::read(const std::function<void(Transaction&)>& fn) {
    on_reader([&](Connection& reader) { in_transaction(reader, {search_cache_, product_cache_}, false, fn); });
}

// One statement in autocommit mode is its own read snapshot, so it sees every commit made before it, by any
// connection or process, at a fraction of the cost of BEGIN ... COMMIT.
int64_t SqliteStorage::catalog_revision() {
    int64_t revision = 0;
    on_reader([&](Connection& reader) { revision = catalog_revisions(reader).products; });
    return revision;
}

void SqliteStorage::write(const std::function<void(Transaction&)>& fn) {
    std::lock_guard lock(write_mutex_);
    in_transaction(*writer_, {search_cache_, product_cache_}, true, fn);
}

void SqliteStorage::rekey(std::string_view new_key) {
    if (options_.key.empty() || in_memory())
        throw Error(COMMERCE_ERR_MISUSE, "rekey needs an encrypted file database; this one is not encrypted");
    if (new_key.empty()) throw_invalid("key", "the new key must not be empty");
    std::lock_guard write_lock(write_mutex_);
    std::unique_lock pool_lock(pool_mutex_);
    // Readers hold the old key: wait for those in use, then close them all so new ones open with the new key.
    reader_returned_.wait(pool_lock, [&] { return static_cast<int>(idle_readers_.size()) == readers_open_; });
    idle_readers_.clear();
    readers_open_ = 0;
    // SQLCipher rekeys a rollback-journal database; leave WAL for the rewrite and return to it afterwards.
    writer_->exec("PRAGMA journal_mode = DELETE");
    int rc = sqlite3_rekey_v2(writer_->handle(), "main", new_key.data(), static_cast<int>(new_key.size()));
    writer_->exec("PRAGMA journal_mode = WAL");
    if (rc != SQLITE_OK) throw_sqlite(writer_->handle(), rc, "rekey");
    options_.key = std::string(new_key);
}

nlohmann::json SqliteStorage::describe() {
    std::lock_guard lock(write_mutex_);
    return {
        {"path", options_.path},
        {"encrypted", !options_.key.empty()},
        {"cipher_version", cipher_version_},
        {"database_schema_version", std::stoi(writer_->scalar_text("PRAGMA user_version").value_or("0"))},
        {"durability", options_.full_durability ? "full" : "normal"},
        {"journal_mode", writer_->scalar_text("PRAGMA journal_mode").value_or("")},
    };
}

}  // namespace commerce::sqlite
