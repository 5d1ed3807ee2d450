#include "flows/promotions.h"

#include "core/crypto.h"
#include "core/encoding.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_output.h"
#include "core/parse_memo.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/promotion/promotion_input.h"
#include "flows/access.h"
#include "flows/identity_support.h"
#include "flows/keyset_page.h"

#include <fmt/format.h>

namespace commerce::flows {
namespace {

constexpr int64_t kMaxCodesPerBatch = 10'000;
constexpr std::size_t kMaxCodePrefix = 16;

// A definition as staff send it: the engine's promotion members plus "requires_code", which only storage knows.
struct PromotionInput {
    json definition;  // without "requires_code"
    Promotion promotion;
    bool requires_code = false;
};

PromotionInput read_definition(const json& input) {
    PromotionInput read{input, {}, false};
    if (input.contains("requires_code")) {
        if (!input["requires_code"].is_boolean())
            throw_invalid("requires_code", "type", "requires_code must be true or false");
        read.requires_code = input["requires_code"].get<bool>();
        read.definition.erase("requires_code");
    }
    read.promotion = parse_promotion(read.definition);
    if (read.requires_code && read.promotion.code)
        throw_invalid("requires_code", "conflict",
                      "a promotion has either its own code or generated single-use codes, not both");
    return read;
}

StoredPromotion existing_promotion(Transaction& tx, std::string_view id) {
    auto stored = tx.promotions().by_id(id);
    if (!stored) throw_not_found("promotion_id", std::string(id), fmt::format("no promotion with id '{}'", id));
    return *stored;
}

void require_code_free(Transaction& tx, const std::optional<std::string>& code, std::string_view promotion_id) {
    if (code && tx.promotions().code_taken(*code, promotion_id))
        throw Error(COMMERCE_ERR_EXISTS, fmt::format("the code {} is already used", *code),
                    {{"field", "code"}, {"code", *code}});
}

json promotion_document(Transaction& tx, const StoredPromotion& stored) {
    json definition = json::parse(stored.definition);
    return {{"type", "promotion"},
            {"schema_version", 1},
            {"id", stored.id},
            {"status", stored.status},
            {"version", stored.version},
            {"code", nullable(stored.code)},
            {"requires_code", stored.requires_code},
            {"definition", std::move(definition)},
            {"usage_count", tx.promotions().usage({stored.id})[stored.id]},
            {"created_at", format_rfc3339(stored.created_ms)},
            {"updated_at", format_rfc3339(stored.updated_ms)}};
}

// Runs change on the promotion under "promotions.write", audits it and returns its document.
template <typename Change>
json change_promotion(Engine& engine, const char* session, const char* promotion_id, std::string_view action,
                      Change change) {
    const std::string_view id = checked_text(promotion_id, "promotion_id");
    json document;
    write_as(engine, session, permission::promotions_write, [&](Transaction& tx, const Actor& actor) {
        StoredPromotion stored = existing_promotion(tx, id);
        const json before = promotion_document(tx, stored);
        change(tx, stored);
        stored.updated_ms = engine.now_ms();
        document = promotion_document(tx, stored);
        audit(engine, tx, actor.user_id, action, "promotion", stored.id, before, document);
    });
    return document;
}

// Writes the promotion over its stored version, bumping it; CONFLICT when someone else did first.
void save_over(Transaction& tx, StoredPromotion& stored, int64_t expected_version) {
    if (stored.version != expected_version)
        throw Error(COMMERCE_ERR_CONFLICT, "the promotion was changed since it was read",
                    {{"field", "expected_version"}, {"version", stored.version}});
    stored.version = expected_version + 1;
    if (!tx.promotions().update(stored, expected_version))
        throw Error(COMMERCE_ERR_CONFLICT, "the promotion was changed since it was read",
                    {{"field", "expected_version"}});
}

std::string code_prefix(const char* prefix) {
    const std::string_view text = optional_text(prefix, "prefix");
    if (text.empty()) return "";
    auto normalized = normalized_code(text);
    if (!normalized || normalized->size() > kMaxCodePrefix ||
        normalized->find_first_of("-_") != std::string::npos)
        throw_invalid("prefix", "format", fmt::format("a code prefix is 1 to {} of A-Z and 0-9", kMaxCodePrefix));
    return *normalized + "-";
}

}  // namespace

Promotion promotion_of(const StoredPromotion& stored) {
    return *parsed_json<parse_promotion, 4096>(stored.definition);
}

json create_promotion(Engine& engine, const char* session, const char* definition_json) {
    const PromotionInput input = read_definition(parse_object(definition_json, "definition"));
    json document;
    write_as(engine, session, permission::promotions_write, [&](Transaction& tx, const Actor& actor) {
        if (tx.promotions().by_id(input.promotion.id))
            throw Error(COMMERCE_ERR_EXISTS, fmt::format("a promotion with id '{}' exists", input.promotion.id),
                        {{"field", "id"}, {"id", input.promotion.id}});
        require_code_free(tx, input.promotion.code, input.promotion.id);
        const int64_t now = engine.now_ms();
        const StoredPromotion stored{.id = input.promotion.id, .code = input.promotion.code,
                                     .requires_code = input.requires_code, .definition = input.definition.dump(),
                                     .status = std::string(kPromotionActive), .version = 1, .created_ms = now,
                                     .updated_ms = now};
        tx.promotions().insert(stored);
        document = promotion_document(tx, stored);
        audit(engine, tx, actor.user_id, "promotion.create", "promotion", stored.id, nullptr, document);
    });
    return document;
}

json update_promotion(Engine& engine, const char* session, const char* promotion_id, const char* definition_json,
                      int64_t expected_version) {
    json given = parse_object(definition_json, "definition");
    const std::string_view id = checked_text(promotion_id, "promotion_id");
    if (!given.contains("id")) given["id"] = id;
    const PromotionInput input = read_definition(given);
    if (input.promotion.id != id) throw_invalid("id", "immutable", "a promotion's id cannot change");
    return change_promotion(engine, session, promotion_id, "promotion.update",
                            [&](Transaction& tx, StoredPromotion& stored) {
        if (stored.requires_code != input.requires_code && !tx.promotions().codes_of(stored.id, "", 1).empty())
            throw_invalid("requires_code", "immutable", "a promotion with generated codes keeps requiring them");
        require_code_free(tx, input.promotion.code, stored.id);
        stored.code = input.promotion.code;
        stored.requires_code = input.requires_code;
        stored.definition = input.definition.dump();
        save_over(tx, stored, expected_version);
    });
}

json set_promotion_status(Engine& engine, const char* session, const char* promotion_id, const char* status) {
    const std::string wanted(checked_text(status, "status"));
    if (wanted != kPromotionActive && wanted != kPromotionArchived)
        throw_invalid("status", "unknown_status", "status must be \"active\" or \"archived\"");
    return change_promotion(engine, session, promotion_id, "promotion.set_status",
                            [&](Transaction& tx, StoredPromotion& stored) {
        stored.status = wanted;
        save_over(tx, stored, stored.version);
    });
}

json get_promotion(Engine& engine, const char* session, const char* promotion_id) {
    const std::string_view id = checked_text(promotion_id, "promotion_id");
    json document;
    read_as(engine, session, permission::promotions_write, [&](Transaction& tx) {
        document = promotion_document(tx, existing_promotion(tx, id));
    });
    return document;
}

json list_promotions(Engine& engine, const char* session, const char* query_json) {
    const json query = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query, "a promotion query", {"status", "limit", "after"});
    PromotionQuery q;
    q.status = optional_string(query, "status", kMaxShortText);
    if (q.status && *q.status != kPromotionActive && *q.status != kPromotionArchived)
        throw_invalid("status", "unknown_status", "status must be \"active\" or \"archived\"");
    q.after_id = optional_string(query, "after", kMaxShortText).value_or("");
    const int64_t limit = optional_integer(query, "limit", 1, 200).value_or(50);
    q.limit = limit + 1;  // the extra row only says that another page follows
    json document;
    read_as(engine, session, permission::promotions_write, [&](Transaction& tx) {
        document = keyset_page("promotion_list", tx.promotions().page(q), limit,
                               [](const StoredPromotion& stored) { return stored.id; },
                               [&](const StoredPromotion& stored) { return promotion_document(tx, stored); });
    });
    return document;
}

json generate_promotion_codes(Engine& engine, const char* session, const char* promotion_id, int64_t count,
                              const char* prefix) {
    const std::string_view id = checked_text(promotion_id, "promotion_id");
    if (count < 1 || count > kMaxCodesPerBatch)
        throw_invalid("count", "out_of_range", fmt::format("count must be between 1 and {}", kMaxCodesPerBatch));
    const std::string head = code_prefix(prefix);
    json document;
    write_as(engine, session, permission::promotions_write, [&](Transaction& tx, const Actor& actor) {
        const StoredPromotion stored = existing_promotion(tx, id);
        if (!stored.requires_code)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "only a promotion with requires_code takes generated codes",
                        {{"field", "promotion_id"}, {"reason", "not_code_only"}});
        const PromotionCode batch{.code = {}, .promotion_id = stored.id, .batch_id = engine.ids().next(),
                                  .created_ms = engine.now_ms()};
        json codes = json::array();
        while (static_cast<int64_t>(codes.size()) < count) {
            PromotionCode code = batch;
            code.code = head + base32_encode(random_bytes(10));
            if (tx.promotions().code_taken(code.code, "")) continue;  // 80 random bits: a collision is a curiosity
            tx.promotions().insert_code(code);
            codes.push_back(code.code);
        }
        document = {{"type", "promotion_code_batch"}, {"schema_version", 1}, {"promotion_id", stored.id},
                    {"batch_id", batch.batch_id}, {"codes", std::move(codes)},
                    {"created_at", format_rfc3339(batch.created_ms)}};
        audit(engine, tx, actor.user_id, "promotion.generate_codes", "promotion", stored.id, nullptr,
              {{"batch_id", batch.batch_id}, {"count", count}});
    });
    return document;
}

}  // namespace commerce::flows
