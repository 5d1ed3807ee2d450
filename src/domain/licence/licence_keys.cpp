#include "domain/licence/licence_keys.h"

#include "core/crypto.h"
#include "core/error.h"
#include "core/permission_names.h"
#include "core/seal.h"
#include "core/text.h"

#include <fmt/format.h>

namespace commerce {
namespace {

// The associated data of a sealed key: its row id, so a sealed key copied onto another row does not open.
std::string binding(std::string_view key_id) { return fmt::format("licence_keys/{}", key_id); }

std::string open_key(std::string_view seal_key, const LicenceKey& key) {
    auto plain = unseal(seal_key, key.sealed, binding(key.id));
    if (!plain)
        throw Error(COMMERCE_ERR_STORAGE, "a licence key does not open under the engine's secret_key",
                    {{"licence_key_id", key.id}});
    return *plain;
}

std::vector<std::string> checked_keys(const nlohmann::json& keys) {
    if (!keys.is_array() || keys.empty() || keys.size() > kMaxLicenceKeysPerImport)
        throw_invalid("keys", fmt::format("keys must be an array of 1 to {} strings", kMaxLicenceKeysPerImport));
    std::vector<std::string> checked;
    checked.reserve(keys.size());
    for (const auto& key : keys) {
        if (!key.is_string() || key.get_ref<const std::string&>().empty() ||
            key.get_ref<const std::string&>().find('\0') != std::string::npos)
            throw_invalid("keys", "every key must be a non-empty string without NUL");
        checked.emplace_back(checked_text(key.get_ref<const std::string&>().c_str(), "keys", kMaxLicenceKeyBytes));
    }
    return checked;
}

// The variant's product kind, or NOT_FOUND.
std::string kind_of(Transaction& tx, std::string_view variant_id) {
    auto kind = tx.licence_keys().variant_kind(variant_id);
    if (!kind)
        throw_not_found("variant_id", std::string(variant_id), fmt::format("no variant with id '{}'", variant_id));
    return *kind;
}

}  // namespace

LicenceImport import_licence_keys(Transaction& tx, IdGenerator& ids, int64_t now_ms, const LicenceKeyring& keyring,
                                  const Actor& actor, std::string_view variant_id, const nlohmann::json& keys) {
    actor.require(permission::catalog_write);
    const std::vector<std::string> plain = checked_keys(keys);
    if (kind_of(tx, variant_id) != "digital")
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, "licence keys belong to digital products only",
                    {{"variant_id", variant_id}});
    LicenceImport result;
    for (const auto& text : plain) {
        LicenceKey key;
        key.id = ids.next();
        key.variant_id = std::string(variant_id);
        key.digest = hmac(HashAlgorithm::sha256, keyring.digest, text);
        key.imported_ms = now_ms;
        key.sealed = seal(keyring.seal, text, binding(key.id));
        ++(tx.licence_keys().insert(key) ? result.imported : result.skipped);
    }
    return result;
}

LicencePoolCounts licence_pool(Transaction& tx, const Actor& actor, std::string_view variant_id) {
    actor.require(permission::catalog_write);
    kind_of(tx, variant_id);
    return tx.licence_keys().counts(variant_id);
}

std::vector<std::string> hand_out_licence_keys(Transaction& tx, std::string_view seal_key, std::string_view variant_id,
                                               std::string_view order_id, int64_t order_line, int64_t quantity,
                                               int64_t now_ms) {
    const auto assigned = tx.licence_keys().assign(variant_id, order_id, order_line, quantity, now_ms);
    if (static_cast<int64_t>(assigned.size()) < quantity) {
        // Short: either the variant has no pool at all (it sells without keys), or the pool ran dry; then the
        // caller's transaction rolls back and the keys just taken return to the pool.
        if (assigned.empty() && tx.licence_keys().counts(variant_id).assigned == 0) return {};
        throw Error(COMMERCE_ERR_OUT_OF_STOCK, "not enough licence keys left for the variant",
                    {{"variant_id", variant_id}, {"available", assigned.size()}});
    }
    std::vector<std::string> keys;
    for (const auto& key : assigned) keys.push_back(open_key(seal_key, key));
    return keys;
}

std::vector<IssuedLicenceKey> licence_keys_of_order(Transaction& tx, std::string_view seal_key,
                                                    std::string_view order_id) {
    std::vector<IssuedLicenceKey> issued;
    for (const auto& key : tx.licence_keys().for_order(order_id))
        issued.push_back({.order_line = key.order_line.value_or(0), .variant_id = key.variant_id,
                          .key = open_key(seal_key, key)});
    return issued;
}

nlohmann::json licence_pool_document(std::string_view variant_id, const LicencePoolCounts& counts,
                                     const LicenceImport* import) {
    return {{"type", "licence_pool"},
            {"schema_version", 1},
            {"variant_id", variant_id},
            {"available", counts.available},
            {"assigned", counts.assigned},
            {"imported", import ? nlohmann::json(import->imported) : nlohmann::json(nullptr)},
            {"skipped", import ? nlohmann::json(import->skipped) : nlohmann::json(nullptr)}};
}

}  // namespace commerce
