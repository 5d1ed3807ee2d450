#include "core/parse_memo.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using commerce::ParseMemo;

namespace {

int parses = 0;

// A stand-in parser that counts its calls and refuses the text "bad".
int length_of(const std::string& text) {
    ++parses;
    if (text == "bad") throw std::invalid_argument("bad text");
    return static_cast<int>(text.size());
}

}  // namespace

TEST_CASE("a parse memo parses each distinct text once, keeps no failure, and stays within its capacity") {
    parses = 0;
    ParseMemo<int> memo(2, length_of);
    CHECK(*memo.get("four") == 4);
    CHECK(*memo.get("four") == 4);
    CHECK(*memo.get(std::string("fo") + "ur") == 4);  // equal text, another string
    CHECK(parses == 1);
    CHECK(*memo.get("seven!!") == 7);
    CHECK(parses == 2);

    CHECK_THROWS_AS(memo.get("bad"), std::invalid_argument);
    CHECK_THROWS_AS(memo.get("bad"), std::invalid_argument);
    CHECK(parses == 4);  // parsed afresh, and failed the same way

    CHECK(*memo.get("third") == 5);  // past the capacity of 2: the memo starts afresh with it
    CHECK(parses == 5);
    CHECK(*memo.get("third") == 5);
    CHECK(*memo.get("four") == 4);
    CHECK(parses == 6);
}
