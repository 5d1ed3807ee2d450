#include "flows/addresses.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "domain/identity/addresses.h"
#include "domain/identity/document.h"
#include "flows/access.h"
#include "flows/identity_support.h"

namespace commerce::flows {
namespace {

Address own_address(Transaction& tx, const Actor& actor, std::string_view address_id) {
    auto address = tx.addresses().by_id(address_id);
    // Another user's address is reported as absent: ids of others' records are not confirmed.
    if (!address || address->user_id != actor.user_id)
        throw Error(COMMERCE_ERR_NOT_FOUND, "no address of yours has this id", {{"field", "address_id"}});
    return *address;
}

// "default_shipping": true makes the address the default; false stops it being the default.
void apply_defaults(User& user, const json& input, const std::string& address_id) {
    const std::pair<const char*, std::optional<std::string> User::*> defaults[] = {
        {"default_shipping", &User::default_shipping_address_id},
        {"default_billing", &User::default_billing_address_id}};
    for (const auto& [member, field] : defaults) {
        auto flag = optional_bool(input, member);
        if (!flag) continue;
        if (*flag) user.*field = address_id;
        else if (user.*field == address_id) user.*field = std::nullopt;
    }
}

}  // namespace

nlohmann::json add_address(Engine& engine, const char* session, const char* address_json) {
    const std::string_view token = optional_text(session, "session");
    const json input = parse_object(address_json, "address");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        Address address;
        apply_address_input(address, input);
        address.id = engine.ids().next();
        address.user_id = actor.user_id;
        address.created_ms = address.updated_ms = engine.now_ms();
        tx.addresses().insert(address);
        User user = existing_user(tx, actor.user_id);
        apply_defaults(user, input, address.id);
        tx.users().update(user);
        document = address_document(address, user);
    });
    return document;
}

nlohmann::json update_address(Engine& engine, const char* session, const char* address_id, const char* patch_json) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(address_id, "address_id");
    const json patch = parse_object(patch_json, "patch");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        Address address = own_address(tx, actor, id);
        apply_address_input(address, patch);
        address.updated_ms = engine.now_ms();
        tx.addresses().update(address);
        User user = existing_user(tx, actor.user_id);
        apply_defaults(user, patch, address.id);
        tx.users().update(user);
        document = address_document(address, user);
    });
    return document;
}

void remove_address(Engine& engine, const char* session, const char* address_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(address_id, "address_id");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const Address address = own_address(tx, actor, id);
        User user = existing_user(tx, actor.user_id);
        if (user.default_shipping_address_id == address.id) user.default_shipping_address_id = std::nullopt;
        if (user.default_billing_address_id == address.id) user.default_billing_address_id = std::nullopt;
        tx.users().update(user);
        tx.addresses().remove(address.id);
    });
}

nlohmann::json list_addresses(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json items = nlohmann::json::array();
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const User user = existing_user(tx, actor.user_id);
        for (const auto& address : tx.addresses().for_user(user.id)) items.push_back(address_document(address, user));
    });
    return {{"type", "address_list"}, {"schema_version", 1}, {"items", std::move(items)}};
}

}  // namespace commerce::flows
