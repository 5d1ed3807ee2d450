// Search latency through the C ABI (p50/p99 per query kind) and barcode lookups per second, on the catalog that
// commerce_search_catalog wrote (bench/search_catalog.cpp; CTest runs it first). The store is named by
// COMMERCE_SEARCH_CATALOG; its requests are in the same path + ".queries.json".
//
// first_search_s is the first search after opening the store: it builds the in-memory index.
#include "bench_support.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Fixture {
    commerce_engine* engine = nullptr;
    json queries;
    double first_search_s = 0;
};

Fixture& fixture() {
    static Fixture f = [] {
        Fixture f;
        const char* path = std::getenv("COMMERCE_SEARCH_CATALOG");
        if (!path) throw std::runtime_error("COMMERCE_SEARCH_CATALOG names no catalog (see bench/search_catalog.cpp)");
        f.queries = json::parse(std::ifstream(std::string(path) + ".queries.json"));
        const json config = {{"path", path}, {"durability", "normal"}};
        if (commerce_engine_open(&f.engine, config.dump().c_str()) != COMMERCE_OK)
            throw std::runtime_error(commerce_last_error_message());
        const auto first = std::chrono::steady_clock::now();
        call([&](commerce_doc** doc) { return commerce_search(doc, f.engine, R"({"q":"warmup"})"); });
        f.first_search_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - first).count();
        return f;
    }();
    return f;
}

// Runs the requests of one kind in turn and reports p50/p99 of the wall time per call.
void timed(benchmark::State& state, const char* kind) {
    Fixture& f = fixture();
    const json& requests = f.queries.at(kind);
    std::vector<double> micros;
    std::size_t i = 0, bytes = 0;
    for (auto _ : state) {
        const std::string& query = requests[i++ % requests.size()].get_ref<const std::string&>();
        const auto begin = std::chrono::steady_clock::now();
        commerce_doc* doc = nullptr;
        if (commerce_search(&doc, f.engine, query.c_str()) != COMMERCE_OK)
            throw std::runtime_error(commerce_last_error_message());
        const auto end = std::chrono::steady_clock::now();
        bytes += std::string_view(commerce_doc_json(doc)).size();
        commerce_doc_free(doc);
        micros.push_back(std::chrono::duration<double, std::micro>(end - begin).count());
    }
    std::sort(micros.begin(), micros.end());
    auto at = [&](double q) { return micros[std::min(micros.size() - 1, static_cast<std::size_t>(q * micros.size()))]; };
    state.counters["p50_us"] = at(0.50);
    state.counters["p99_us"] = at(0.99);
    state.counters["max_us"] = micros.back();
    state.counters["first_search_s"] = f.first_search_s;
    benchmark::DoNotOptimize(bytes);
}

void one_word(benchmark::State& state) { timed(state, "one_word"); }
void two_words(benchmark::State& state) { timed(state, "two_words"); }
void prefix(benchmark::State& state) { timed(state, "prefix"); }
void typo(benchmark::State& state) { timed(state, "typo"); }
void category_page3(benchmark::State& state) { timed(state, "category_page3"); }

// Tills scanning: commerce_variant_by_barcode on known codes; items_per_second is lookups per second over all
// threads (one thread, then one per core: reads run in parallel on the engine's reader connections). The codes
// repeat, so after the first round every scan is answered from the engine's barcode cache.
void barcode_lookup(benchmark::State& state) {
    Fixture& f = fixture();
    const json& barcodes = f.queries.at("barcodes");
    std::size_t i = static_cast<std::size_t>(state.thread_index()) * 7919;
    const std::size_t first = i;
    for (auto _ : state) {
        commerce_doc* doc = nullptr;
        const std::string& code = barcodes[i++ % barcodes.size()].get_ref<const std::string&>();
        if (commerce_variant_by_barcode(&doc, f.engine, code.c_str()) != COMMERCE_OK)
            throw std::runtime_error(commerce_last_error_message());
        commerce_doc_free(doc);
    }
    state.SetItemsProcessed(static_cast<int64_t>(i - first));
}

// The first scan of each code, on an engine of its own whose barcode cache starts empty: a read transaction, the
// queries and the JSON build. One iteration per code, so no code is scanned twice.
void barcode_first_scan(benchmark::State& state) {
    const json& barcodes = fixture().queries.at("barcodes");
    if (barcodes.size() < static_cast<std::size_t>(state.max_iterations))
        return state.SkipWithError("the catalog has too few barcodes for one scan per iteration");
    commerce_engine* engine = nullptr;
    const json config = {{"path", std::getenv("COMMERCE_SEARCH_CATALOG")}, {"durability", "normal"}};
    if (commerce_engine_open(&engine, config.dump().c_str()) != COMMERCE_OK)
        throw std::runtime_error(commerce_last_error_message());
    std::size_t i = 0;
    for (auto _ : state) {
        commerce_doc* doc = nullptr;
        const std::string& code = barcodes[i++].get_ref<const std::string&>();
        if (commerce_variant_by_barcode(&doc, engine, code.c_str()) != COMMERCE_OK)
            throw std::runtime_error(commerce_last_error_message());
        commerce_doc_free(doc);
    }
    state.SetItemsProcessed(static_cast<int64_t>(i));
    commerce_engine_free(engine);
}

}  // namespace

BENCHMARK(one_word)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(two_words)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(prefix)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(typo)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(category_page3)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(barcode_lookup)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->UseRealTime()->Threads(1)->Threads(2);
BENCHMARK(barcode_first_scan)->Unit(benchmark::kMicrosecond)->Iterations(10000)->UseRealTime();
BENCHMARK_MAIN();
