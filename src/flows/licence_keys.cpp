#include "flows/licence_keys.h"

#include "core/error.h"
#include "core/text.h"
#include "domain/licence/licence_keys.h"
#include "flows/access.h"
#include "flows/identity_support.h"
#include "flows/wishlist_events.h"

namespace commerce::flows {

nlohmann::json import_licence_keys(Engine& engine, const char* session, const char* variant_id, const char* keys_json) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(variant_id, "variant_id");
    const std::string_view text = checked_text(keys_json, "keys", kMaxDocumentText * 4);
    const nlohmann::json keys = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (keys.is_discarded()) throw_invalid("keys", "keys is not valid JSON");
    const LicenceKeyring keyring{.seal = engine.keys().seal, .digest = engine.keys().licence_digest};
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        LicenceImport import;
        watching_restocks(engine, tx, {std::string(id)}, [&] {
            import = import_licence_keys(tx, engine.ids(), engine.now_ms(), keyring, actor, id, keys);
        });
        audit(engine, tx, actor.user_id, "licence_keys.import", "variant", id, nullptr,
              {{"imported", import.imported}, {"skipped", import.skipped}});
        document = licence_pool_document(id, tx.licence_keys().counts(id), &import);
    });
    return document;
}

nlohmann::json licence_pool(Engine& engine, const char* session, const char* variant_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(variant_id, "variant_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = licence_pool_document(id, commerce::licence_pool(tx, session_actor(engine, tx, token), id), nullptr);
    });
    return document;
}

}  // namespace commerce::flows
