// Checkout under load and under crashes, on a real file: threads and processes racing for the last units never
// oversell or lose an order, and a process killed at any moment leaves a consistent store in which every order it
// acknowledged is whole.
#include "adapters/storage/sqlite/connection.h"
#include "shop_fixture.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <thread>

using namespace commerce;
using json = nlohmann::json;

namespace {

constexpr int64_t kStock = 100;

nlohmann::json file_config(const std::filesystem::path& path) {
    return {{"path", path.string()},
            {"busy_timeout_ms", 60'000},
            {"password_hashing", {{"memory_kib", 64}, {"iterations", 1}, {"parallelism", 1}}}};
}

// A store on `path` with one product of `stock` units; returns its id.
std::string stocked_store(const std::filesystem::path& path, int64_t stock = kStock) {
    auto engine = Engine::open(file_config(path).dump().c_str());
    flows::bootstrap_admin(*engine, "admin@race.test", "admin password");
    const std::string admin = flows::login(*engine, "admin@race.test", "admin password", nullptr)["token"];
    const json product = {{"sku", "LAST"}, {"title", "Last ones"},
                          {"prices", {{{"amount", "1.00"}, {"currency", "EUR"}}}}, {"stock", stock}};
    return flows::create_product(*engine, admin.c_str(), product.dump().c_str())["id"];
}

// One guest checkout of one unit: the order's id, or "" when the stock ran out.
std::string buy_one(Engine& engine, const std::string& product) {
    const std::string cart = flows::create_cart(engine, nullptr, "EUR")["id"];
    try {
        flows::add_item(engine, nullptr, cart.c_str(), product.c_str(), 1);
        return flows::place_order(engine, nullptr, cart.c_str(),
                                  R"({"payment": {"method": "manual", "kind": "cash"}, "email": "g@race.test"})")["id"];
    } catch (const Error& error) {
        if (error.code() != COMMERCE_ERR_OUT_OF_STOCK) throw;
        return "";
    }
}

// What the file says, read beside any engine: orders whole, and stock plus units sold equal to what there was.
struct StoreCheck {
    std::string integrity;
    int64_t orders = 0;
    int64_t incomplete_orders = 0;  // an order without its line, payment or first timeline event
    int64_t on_hand = 0;
    int64_t sold = 0;
};

StoreCheck check_store(const std::filesystem::path& path) {
    sqlite::Connection db(path.string(), /*read_only=*/true);
    const auto number = [&](const char* sql) { return std::stoll(db.scalar_text(sql).value_or("0")); };
    return {db.scalar_text("PRAGMA integrity_check").value_or(""), number("SELECT count(*) FROM orders"),
            number("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines WHERE order_id = o.id) "
                   "OR NOT EXISTS (SELECT 1 FROM payments WHERE order_id = o.id) "
                   "OR NOT EXISTS (SELECT 1 FROM order_events WHERE order_id = o.id AND position = 0)"),
            number("SELECT coalesce(sum(on_hand), 0) FROM stock_levels"),
            number("SELECT coalesce(sum(quantity), 0) FROM order_lines")};
}

}  // namespace

TEST_CASE("4 threads x 250 checkouts for 100 units: exactly 100 orders, each with its payment, stock ends at 0") {
    shop::TempFile file("commerce-threads");
    const std::string product = stocked_store(file.path);
    auto engine = Engine::open(file_config(file.path).dump().c_str());
    std::atomic<int> placed{0}, refused{0};
    std::vector<std::thread> buyers;
    for (int thread = 0; thread < 4; ++thread)
        buyers.emplace_back([&] {
            for (int attempt = 0; attempt < 250; ++attempt) (buy_one(*engine, product).empty() ? refused : placed)++;
        });
    for (auto& buyer : buyers) buyer.join();
    CHECK(placed == kStock);
    CHECK(refused == 1000 - kStock);
    engine.reset();
    const StoreCheck store = check_store(file.path);
    CHECK(store.integrity == "ok");
    CHECK(store.orders == kStock);
    CHECK(store.incomplete_orders == 0);
    CHECK(store.on_hand == 0);
    CHECK(store.sold == kStock);
}

TEST_CASE("two processes racing for 100 units sell exactly 100") {
    shop::TempFile file("commerce-processes");
    const std::string product = stocked_store(file.path);
    std::vector<pid_t> children;
    int pipes[2][2];
    for (int child = 0; child < 2; ++child) {
        REQUIRE(::pipe(pipes[child]) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {  // the child opens its own engine: nothing of the parent's is shared but the file
            int placed = 0;
            try {
                auto engine = Engine::open(file_config(file.path).dump().c_str());
                for (int attempt = 0; attempt < 100; ++attempt) placed += buy_one(*engine, product).empty() ? 0 : 1;
            } catch (...) {
                placed = -1;
            }
            const ssize_t written = ::write(pipes[child][1], &placed, sizeof placed);
            ::_exit(written == sizeof placed ? 0 : 1);
        }
        ::close(pipes[child][1]);
        children.push_back(pid);
    }
    int total = 0;
    for (int child = 0; child < 2; ++child) {
        int placed = -1;
        CHECK(::read(pipes[child][0], &placed, sizeof placed) == sizeof placed);
        ::close(pipes[child][0]);
        int status = 0;
        ::waitpid(children[static_cast<std::size_t>(child)], &status, 0);
        CHECK(WIFEXITED(status));
        CHECK(placed >= 0);
        total += placed;
    }
    CHECK(total == kStock);
    const StoreCheck store = check_store(file.path);
    CHECK(store.orders == kStock);
    CHECK(store.incomplete_orders == 0);
    CHECK(store.on_hand == 0);
}

TEST_CASE("a process killed with SIGKILL at random moments, 20 times, never leaves a half-written order") {
    shop::TempFile file("commerce-crash");
    constexpr int64_t kPlenty = 100'000;  // never sold out: every round is killed mid-flight
    const std::string product = stocked_store(file.path, kPlenty);
    std::mt19937 random(20261204);
    std::set<std::string> acknowledged;
    for (int round = 0; round < 20; ++round) {
        int pipe_ends[2];
        REQUIRE(::pipe(pipe_ends) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {  // places orders until it is killed, telling the parent of each one the engine returned
            ::close(pipe_ends[0]);
            auto engine = Engine::open(file_config(file.path).dump().c_str());
            for (;;) {
                const std::string id = buy_one(*engine, product);
                if (id.empty()) ::_exit(0);  // sold out
                const std::string line = id + "\n";
                if (::write(pipe_ends[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(1);
            }
        }
        ::close(pipe_ends[1]);
        std::this_thread::sleep_for(std::chrono::milliseconds(20 + random() % 120));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        std::string received;
        char buffer[4096];
        for (ssize_t got; (got = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
            received.append(buffer, static_cast<std::size_t>(got));
        ::close(pipe_ends[0]);
        for (std::size_t start = 0, end; (end = received.find('\n', start)) != std::string::npos; start = end + 1)
            acknowledged.insert(received.substr(start, end - start));

        CAPTURE(round);
        const StoreCheck store = check_store(file.path);
        CHECK(store.integrity == "ok");
        CHECK(store.incomplete_orders == 0);
        CHECK(store.on_hand + store.sold == kPlenty);
        CHECK(store.orders >= static_cast<int64_t>(acknowledged.size()));
        sqlite::Connection db(file.path.string(), /*read_only=*/true);
        for (const auto& id : acknowledged)
            CHECK(db.scalar_text("SELECT count(*) FROM orders WHERE id = '" + id + "'") == "1");
    }
    CHECK(!acknowledged.empty());
}
