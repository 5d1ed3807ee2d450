// The composition root: one store's storage, clock, id generator and settings. Flows run their use cases
// through it; the C ABI's commerce_engine handle owns one.
#pragma once

#include "core/ids.h"
#include "engine/config.h"
#include "ports/clock.h"
#include "ports/storage.h"

#include <memory>

namespace commerce {

class Engine {
public:
    Engine(EngineConfig config, std::unique_ptr<Storage> storage, std::unique_ptr<Clock> clock);

    // Opens the SQLite/SQLCipher store the config names, on the system clock.
    static std::unique_ptr<Engine> open(const char* config_json);

    Storage& storage() { return *storage_; }
    Clock& clock() { return *clock_; }
    IdGenerator& ids() { return ids_; }
    const EngineConfig& config() const { return config_; }

private:
    EngineConfig config_;
    std::unique_ptr<Storage> storage_;
    std::unique_ptr<Clock> clock_;
    IdGenerator ids_;
};

}  // namespace commerce
