// The opaque handles behind the C ABI's typedefs.
#pragma once

#include "engine/engine.h"

#include <memory>
#include <string>

struct commerce_engine {
    std::unique_ptr<commerce::Engine> engine;
};

// A finished JSON text. It owns its bytes and never points into an engine, so it outlives one.
struct commerce_doc {
    std::string json;
    std::string type;
};
