// How the SQLite/SQLCipher storage opens its file: what the engine's configuration says of storage.
#pragma once

#include <cstdint>
#include <string>

namespace commerce::sqlite {

struct Options {
    std::string path;         // a file, or ":memory:"
    std::string key;          // empty: a plain file
    bool full_durability = true;
    int64_t cache_size_kib = 32768;
    int64_t busy_timeout_ms = 5000;
    int read_connections = 4;
};

}  // namespace commerce::sqlite
