#include "engine/engine.h"

#include "adapters/clock/system_clock.h"
#include "adapters/storage/sqlite/sqlite_storage.h"
#include "core/crypto.h"
#include "core/error.h"

namespace commerce {
namespace {

constexpr const char* kStoreKeyName = "store_secret_key";

}  // namespace

Engine::Engine(EngineConfig config, std::unique_ptr<Storage> storage, std::unique_ptr<Clock> clock)
    : config_(std::move(config)), storage_(std::move(storage)), clock_(std::move(clock)), ids_(*clock_) {
    manual_clock_ = dynamic_cast<ManualClock*>(clock_.get());
    load_keys();
}

std::unique_ptr<Engine> Engine::open(const char* config_json) {
    EngineConfig config = EngineConfig::parse(config_json);
    auto storage = std::make_unique<sqlite::SqliteStorage>(config.storage);
    std::unique_ptr<Clock> clock;
    if (config.manual_clock)
        clock = std::make_unique<ManualClock>(config.clock_start_ms.value_or(SystemClock().now_ms()));
    else
        clock = std::make_unique<SystemClock>();
    return std::make_unique<Engine>(std::move(config), std::move(storage), std::move(clock));
}

// Secrets at rest are sealed under keys derived from "secret_key". Without one, a random key is generated
// once and kept in the store: then the store's own encryption (SQLCipher) is what protects it.
void Engine::load_keys() {
    std::string master = config_.secret_key;
    if (master.empty()) {
        storage_->write([&](Transaction& tx) {
            auto stored = tx.secrets().find(kStoreKeyName);
            if (!stored) {
                stored = random_bytes(32);
                tx.secrets().insert(kStoreKeyName, *stored);
            }
            master = *stored;
        });
    }
    keys_.seal = hkdf_sha256(master, "commerce", "seal v1", 32);
    keys_.code_hash = hkdf_sha256(master, "commerce", "code hash v1", 32);
    keys_.licence_digest = hkdf_sha256(master, "commerce", "licence digest v1", 32);
}

ManualClock& Engine::manual_clock() {
    if (!manual_clock_)
        throw Error(COMMERCE_ERR_MISUSE, "the engine runs on the system clock; open it with \"clock\": \"manual\"");
    return *manual_clock_;
}

void Engine::note_session_use(const std::string& token_hash, int64_t now_ms) {
    std::lock_guard lock(session_uses_mutex_);
    auto& used = session_uses_[token_hash];
    used = std::max(used, now_ms);
}

bool Engine::has_session_uses() {
    std::lock_guard lock(session_uses_mutex_);
    return !session_uses_.empty();
}

void Engine::write_session_uses(Transaction& tx) {
    std::unordered_map<std::string, int64_t> uses;
    {
        std::lock_guard lock(session_uses_mutex_);
        uses.swap(session_uses_);
    }
    for (const auto& [token_hash, used_ms] : uses) tx.sessions().touch(token_hash, used_ms);
}

void Engine::read(const std::function<void(Transaction&)>& fn) {
    storage_->read(fn);
    if (has_session_uses()) storage_->write([&](Transaction& tx) { write_session_uses(tx); });
}

void Engine::write(const std::function<void(Transaction&)>& fn) {
    storage_->write([&](Transaction& tx) {
        fn(tx);
        write_session_uses(tx);
    });
}

}  // namespace commerce
