#include "flows/inventory.h"

#include "core/json_input.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "domain/inventory/adjustments.h"
#include "domain/inventory/ledger.h"
#include "domain/inventory/locations.h"
#include "domain/inventory/queries.h"
#include "domain/inventory/reservations.h"
#include "flows/access.h"
#include "flows/wishlist_events.h"

namespace commerce::flows {
namespace {

// Runs a write for a session whose roles grant inventory.write; fn gets the actor and the write's context.
void inventory_write(Engine& engine, const char* session, const auto& fn) {
    write_as(engine, session, permission::inventory_write, [&](Transaction& tx, const Actor& actor) {
        fn(actor, engine.outbox(tx));
    });
}

// The variant a movement or transfer names, for the restock watch; the domain validates the input itself.
std::vector<std::string> named_variants(const json& input) {
    const auto it = input.find("variant_id");
    if (it == input.end() || !it->is_string()) return {};
    return {it->get<std::string>()};
}

// A change of stock answers with the variant's level after it, read in the same transaction.
nlohmann::json change_stock(Engine& engine, const char* session, const char* input_json, std::string_view field,
                            StockedVariant (*change)(const OutboxContext&, const std::string&, const json&)) {
    const json input = parse_object(input_json, field);
    nlohmann::json document;
    inventory_write(engine, session, [&](const Actor& actor, const OutboxContext& context) {
        watching_restocks(engine, context.tx, named_variants(input), [&] {
            document = stock_level_document(context.tx, context.now_ms, change(context, actor.user_id, input));
        });
    });
    return document;
}

}  // namespace

nlohmann::json create_location(Engine& engine, const char* session, const char* location_json) {
    const json input = parse_object(location_json, "location");
    nlohmann::json document;
    inventory_write(engine, session, [&](const Actor&, const OutboxContext& context) {
        document = location_document(create_location(context.tx, context.ids, context.now_ms, input));
    });
    return document;
}

nlohmann::json list_locations(Engine& engine) {
    nlohmann::json document;
    engine.read([&](Transaction& tx) { document = location_list_document(tx.locations().all()); });
    return document;
}

nlohmann::json adjust_stock(Engine& engine, const char* session, const char* movement_json) {
    return change_stock(engine, session, movement_json, "movement", &commerce::adjust_stock);
}

nlohmann::json transfer_stock(Engine& engine, const char* session, const char* transfer_json) {
    return change_stock(engine, session, transfer_json, "transfer", &commerce::transfer_stock);
}

nlohmann::json stock_level(Engine& engine, const char* variant_id) {
    const std::string_view id = checked_text(variant_id, "variant_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = stock_level_document(tx, engine.now_ms(), stocked_variant(tx, id));
    });
    return document;
}

nlohmann::json list_stock_movements(Engine& engine, const char* session, const char* query_json) {
    const json query = parse_object(query_json, "query", /*optional=*/true);
    nlohmann::json document;
    read_as(engine, session, permission::inventory_write, [&](Transaction& tx) {
        document = movement_list_document(list_movements(tx, query));
    });
    return document;
}

nlohmann::json reserve_stock(Engine& engine, const char* session, const char* reservation_json) {
    const json input = parse_object(reservation_json, "reservation");
    nlohmann::json document;
    inventory_write(engine, session, [&](const Actor&, const OutboxContext& context) {
        document = reservation_document(commerce::reserve_stock(context, input));
    });
    return document;
}

void release_reservation(Engine& engine, const char* session, const char* reservation_id) {
    const std::string_view id = checked_text(reservation_id, "reservation_id");
    inventory_write(engine, session, [&](const Actor&, const OutboxContext& context) {
        std::vector<std::string> held;  // the variant the reservation holds, if it is live
        if (auto reservation = context.tx.reservations().live(id, context.now_ms))
            held.push_back(reservation->variant_id);
        watching_restocks(engine, context.tx, held, [&] { commerce::release_reservation(context, id); });
    });
}

}  // namespace commerce::flows
