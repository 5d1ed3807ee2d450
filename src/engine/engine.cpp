#include "engine/engine.h"

#include "adapters/clock/system_clock.h"

namespace commerce {

Engine::Engine(EngineConfig config, std::unique_ptr<Storage> storage, std::unique_ptr<Clock> clock)
    : config_(std::move(config)), storage_(std::move(storage)), clock_(std::move(clock)), ids_(*clock_) {}

std::unique_ptr<Engine> Engine::open(const char* config_json) {
    EngineConfig config = EngineConfig::parse(config_json);
    auto storage = std::make_unique<sqlite::SqliteStorage>(config.storage);
    return std::make_unique<Engine>(std::move(config), std::move(storage), std::make_unique<SystemClock>());
}

}  // namespace commerce
