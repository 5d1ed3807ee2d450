// The composition root: one store's storage, clock, id generator, keys and settings. Flows run their use
// cases through it; the C ABI's commerce_engine handle owns one.
#pragma once

#include "adapters/clock/manual_clock.h"
#include "core/ids.h"
#include "domain/catalog/barcode_cache.h"
#include "domain/identity/mfa.h"
#include "domain/outbox/outbox.h"
#include "engine/config.h"
#include "ports/clock.h"
#include "ports/storage.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace commerce {

class Engine {
public:
    Engine(EngineConfig config, std::unique_ptr<Storage> storage, std::unique_ptr<Clock> clock);

    // Opens the SQLite/SQLCipher store the config names, on the system clock or a manual one.
    static std::unique_ptr<Engine> open(const char* config_json);

    // Transactions for the flows. Both also write the last-use times of sessions that reads noticed were
    // stale (see note_session_use), so that browsing keeps a session alive without every read becoming a write.
    void read(const std::function<void(Transaction&)>& fn);
    void write(const std::function<void(Transaction&)>& fn);

    Storage& storage() { return *storage_; }
    Clock& clock() { return *clock_; }
    int64_t now_ms() { return clock_->now_ms(); }
    IdGenerator& ids() { return ids_; }
    const EngineConfig& config() const { return config_; }
    const IdentitySettings& identity() const { return config_.identity; }
    const CatalogSettings& catalog() const { return config_.catalog; }
    const CartSettings& carts() const { return config_.carts; }
    const OrderSettings& orders_settings() const { return config_.orders; }
    const SecretKeys& keys() const { return keys_; }
    // Till scans kept in memory for this store (see flows::variant_by_barcode).
    BarcodeCache& barcodes() { return barcodes_; }

    // The manual clock; MISUSE when the engine runs on the system clock.
    ManualClock& manual_clock();

    // Remembers that a session was used at now_ms; written with the next transaction.
    void note_session_use(const std::string& token_hash, int64_t now_ms);

    OutboxContext outbox(Transaction& tx) { return {tx, ids_, now_ms(), keys_.seal}; }

private:
    void load_keys();
    void write_session_uses(Transaction& tx);
    bool has_session_uses();

    EngineConfig config_;
    std::unique_ptr<Storage> storage_;
    std::unique_ptr<Clock> clock_;
    ManualClock* manual_clock_ = nullptr;
    IdGenerator ids_;
    SecretKeys keys_;
    std::mutex session_uses_mutex_;
    std::unordered_map<std::string, int64_t> session_uses_;
    BarcodeCache barcodes_;
};

}  // namespace commerce
