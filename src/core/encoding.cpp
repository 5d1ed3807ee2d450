#include "core/encoding.h"

#include "core/error.h"

#include <cstdint>

namespace commerce {

namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr char kBase64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Both encodings cut the bytes into groups of `bits` bits, most significant first, the last group zero-filled.
std::string encode_bits(std::string_view bytes, const char* alphabet, int bits) {
    std::string text;
    text.reserve((bytes.size() * 8 + bits - 1) / bits);
    std::uint32_t buffer = 0;
    int held = 0;
    const std::uint32_t mask = (1u << bits) - 1;
    for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        held += 8;
        while (held >= bits) {
            held -= bits;
            text.push_back(alphabet[(buffer >> held) & mask]);
        }
    }
    if (held > 0) text.push_back(alphabet[(buffer << (bits - held)) & mask]);
    return text;
}

int base32_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

int base64url_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

// The inverse of encode_bits. Returns nullopt on a character outside the alphabet. The bits left over at the
// end (fewer than 8) are handed back in `leftover` so each caller can apply its own strictness.
std::optional<std::string> decode_bits(std::string_view text, int (*value_of)(char), int bits,
                                       std::uint32_t& leftover) {
    std::string bytes;
    bytes.reserve(text.size() * bits / 8);
    std::uint32_t buffer = 0;
    int held = 0;
    for (char c : text) {
        int value = value_of(c);
        if (value < 0) return std::nullopt;
        buffer = (buffer << bits) | static_cast<std::uint32_t>(value);
        held += bits;
        if (held >= 8) {
            held -= 8;
            bytes.push_back(static_cast<char>((buffer >> held) & 0xff));
        }
    }
    leftover = buffer & ((1u << held) - 1);
    return bytes;
}

}  // namespace

std::string base32_encode(std::string_view bytes) { return encode_bits(bytes, kBase32, 5); }

std::string base32_decode(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '=') --end;
    std::string_view body = text.substr(0, end);
    std::size_t padding = text.size() - end;

    // 8 characters carry 5 bytes; a final group of 1, 3 or 6 characters would end mid-byte.
    std::size_t tail = body.size() % 8;
    if (tail == 1 || tail == 3 || tail == 6)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "base32 text has an impossible length");
    if (padding > 0 && (tail == 0 || padding != 8 - tail))
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "base32 text has wrong padding");

    // Stray bits in the last character are ignored: secrets are often typed by hand, and no key is weakened.
    std::uint32_t leftover = 0;
    std::optional<std::string> bytes = decode_bits(body, base32_value, 5, leftover);
    if (!bytes) throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "base32 text has a character outside the alphabet");
    return *bytes;
}

std::string base64url_encode(std::string_view bytes) { return encode_bits(bytes, kBase64url, 6); }

std::optional<std::string> base64url_decode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;  // 6 bits cannot end a byte
    std::uint32_t leftover = 0;
    std::optional<std::string> bytes = decode_bits(text, base64url_value, 6, leftover);
    if (!bytes || leftover != 0) return std::nullopt;
    return bytes;
}

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0x0f]);
        }
    }
    return out;
}

}  // namespace commerce
