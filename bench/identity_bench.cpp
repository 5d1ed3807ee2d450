// Logins per second with argon2id at the production cost (m=19456 KiB, t=2, p=1), and session validations per
// second (commerce_user_me, a read), through the C ABI on a file database.
#include "bench_support.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

namespace {

commerce_engine* open_store(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    const json config = {{"path", path}, {"durability", "normal"}};  // production password hashing
    commerce_engine* engine = nullptr;
    if (commerce_engine_open(&engine, config.dump().c_str()) != COMMERCE_OK) throw std::runtime_error("open");
    call([&](commerce_doc** doc) { return commerce_user_register(doc, engine, "bench@bench.test", "bench password 1"); });
    return engine;
}

void close_store(commerce_engine* engine, const std::string& path) {
    commerce_engine_free(engine);
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

void login_production_cost(benchmark::State& state) {
    const std::string path = "/tmp/commerce-bench-login.db";
    commerce_engine* engine = open_store(path);
    for (auto _ : state)
        call([&](commerce_doc** doc) {
            return commerce_auth_login(doc, engine, "bench@bench.test", "bench password 1", nullptr);
        });
    state.SetItemsProcessed(state.iterations());
    close_store(engine, path);
}

void validate_session(benchmark::State& state) {
    const std::string path = "/tmp/commerce-bench-session.db";
    commerce_engine* engine = open_store(path);
    const std::string token = call([&](commerce_doc** doc) {
        return commerce_auth_login(doc, engine, "bench@bench.test", "bench password 1", nullptr);
    })["token"];
    for (auto _ : state) call([&](commerce_doc** doc) { return commerce_user_me(doc, engine, token.c_str()); });
    state.SetItemsProcessed(state.iterations());
    close_store(engine, path);
}

}  // namespace

BENCHMARK(login_production_cost)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(validate_session)->Unit(benchmark::kMicrosecond)->UseRealTime();
