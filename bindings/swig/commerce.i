/* commerce — the ONE language-neutral SWIG interface (SWIG 4.1) for Python, Node (V8) and Go.
 *
 * The raw C functions of include/commerce/*.h are deliberately NOT wrapped: their out-param-first shape is
 * mis-wrapped for JavaScript (swig#2558), and reading the thread-local last error in a second native call is
 * wrong in Go (a goroutine may change OS thread between two cgo calls). Instead this file defines a tiny C++
 * layer, compiled into every binding module, with two classes:
 *
 *   Outcome  the complete result of ONE native call: status code, stable status name, message, details JSON
 *            and the returned document (JSON text + type), all copied inside that call.
 *   Engine   owns a commerce_engine*; every method returns an Outcome. close() is idempotent and waits for
 *            calls in flight; a call on a closed engine passes a NULL handle to the C ABI, which answers
 *            COMMERCE_ERR_MISUSE.
 *
 * Conventions of this raw layer (the idiomatic per-language layers hide them):
 *   - an optional string argument (session, query_json) is "no value" (NULL for the C ABI) when it is empty:
 *     Python None, JavaScript null/undefined and Go "" are mapped to "" by the idiomatic layers;
 *   - a string argument that contains a NUL character is refused with COMMERCE_ERR_INVALID_ARGUMENT (details
 *     {"field": "<argument>"}) instead of being silently truncated by the C ABI;
 *   - the constructor opens the store; open_outcome() tells whether that worked (the engine is closed if not);
 *   - no C++ exception ever leaves this layer (std::bad_alloc becomes COMMERCE_ERR_NO_MEMORY).
 *
 * The SWIG module is called "native" (Python: commerce.native + commerce._native, Node: commerce_native.node,
 * Go: the internal package commerce.local/commerce/internal/native, built by `go build` from native.swigcxx).
 * Per-language extras live in commerce_<language>.i files. The bodies of the identity, access, outbox, catalog,
 * inventory, search, review, pricing, price list, currency, wishlist and order lifecycle methods live in
 * commerce_identity.i, commerce_access.i, commerce_outbox.i, commerce_catalog.i, commerce_inventory.i,
 * commerce_search.i, commerce_review.i, commerce_pricing.i, commerce_price_list.i, commerce_currency.i,
 * commerce_wishlist.i and commerce_order.i (declared in the class below, defined there, one file per header),
 * included at the end. */

%module native

%include <std_string.i>

%{
#include <commerce/commerce.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <shared_mutex>
#include <string>
#include <utility>
%}

/* Per-language extras (typemaps must precede the declarations they apply to). */
#if defined(SWIGPYTHON)
%include "commerce_python.i"
#endif

/* ------------------------------------------------------------------------------------------------------ */
/* The C++ layer: parsed by SWIG (to generate the wrappers) and compiled into the module.                   */
/* ------------------------------------------------------------------------------------------------------ */

%inline %{
namespace commerce_swig {

/* The result of one native call. Immutable once returned. */
class Outcome {
public:
    Outcome() = default;

    /* True when the call succeeded (code() == COMMERCE_OK). */
    bool ok() const { return code_ == COMMERCE_OK; }
    /* The commerce_status returned by the C ABI: 0 or a negative error code (include/commerce/status.h). */
    int code() const { return code_; }
    /* The stable name of the code ("COMMERCE_OK", "COMMERCE_ERR_NOT_FOUND", ... "COMMERCE_ERR_UNKNOWN"). */
    std::string name() const { return name_; }
    /* The UTF-8 message of the failure, "" on success. */
    std::string message() const { return message_; }
    /* The details of the failure as a JSON object text, "{}" when there are none or on success. */
    std::string details() const { return details_; }
    /* The returned document as JSON text, "" when the call returns no document (or failed). */
    std::string json() const { return json_; }
    /* The returned document's "type" member, "" when there is no document. */
    std::string doc_type() const { return type_; }
    /* True when the call returned a document. */
    bool has_document() const { return has_doc_; }

#ifndef SWIG
    /* Captures status, error details and document of the call that just returned, on this same thread.
     * The error strings are copied before any other commerce_* function runs (that would clear them). */
    static Outcome capture(commerce_status status, commerce_doc *doc) noexcept {
        std::unique_ptr<commerce_doc, void (*)(commerce_doc *)> owned(doc, commerce_doc_free);
        Outcome o;
        try {
            o.code_ = status;
            if (status != COMMERCE_OK) {
                const char *m = commerce_last_error_message();
                const char *d = commerce_last_error_details();
                o.message_ = m ? m : "";
                o.details_ = (d && *d) ? d : "{}";
            } else if (doc) {
                const char *j = commerce_doc_json(doc);
                if (j) {
                    o.json_.assign(j, commerce_doc_size(doc));
                    const char *t = commerce_doc_type(doc);
                    o.type_ = t ? t : "";
                    o.has_doc_ = true;
                }
            }
            const char *n = commerce_status_name(status);
            o.name_ = n ? n : "COMMERCE_ERR_UNKNOWN";
        } catch (...) {
            return no_memory();
        }
        return o;
    }

    /* A failure detected by this layer itself (never reached the C ABI). */
    static Outcome local_error(commerce_status status, const char *message, const char *field) noexcept {
        Outcome o;
        try {
            o.code_ = status;
            o.message_ = message;
            o.details_ = field ? std::string("{\"field\":\"") + field + "\"}" : std::string("{}");
            const char *n = commerce_status_name(status);
            o.name_ = n ? n : "COMMERCE_ERR_UNKNOWN";
        } catch (...) {
            return no_memory();
        }
        return o;
    }

    static Outcome no_memory() noexcept {
        Outcome o; /* default-constructed strings do not allocate */
        o.code_ = COMMERCE_ERR_NO_MEMORY;
        return o;
    }
#endif

private:
    int code_ = COMMERCE_OK;
    bool has_doc_ = false;
    std::string name_;
    std::string message_;
    std::string details_ = "{}";
    std::string json_;
    std::string type_;
};

/* An open store. Thread-safe: many threads may call methods at once; close() waits for calls in flight. */
class Engine {
public:
    /* Opens the store described by config_json (see include/commerce/engine.h). Never throws: check
     * open_outcome(); when opening failed the engine is closed and every call answers COMMERCE_ERR_MISUSE. */
    explicit Engine(const std::string &config_json) {
        if (!text_ok(config_json)) {
            open_ = Outcome::local_error(COMMERCE_ERR_INVALID_ARGUMENT, "config contains a NUL character", "config");
            return;
        }
        commerce_engine *e = nullptr;
        commerce_status st = commerce_engine_open(&e, config_json.c_str());
        open_ = Outcome::capture(st, nullptr);
        if (st == COMMERCE_OK) {
            handle_ = e;
        } else if (e) {
            commerce_engine_free(e); /* the ABI promises *out == NULL on failure; be safe anyway */
        }
    }

    ~Engine() { close(); }

    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    /* The outcome of opening the store in the constructor. */
    Outcome open_outcome() const { return open_; }

    /* True once close() ran, or when opening failed. */
    bool closed() const {
        std::shared_lock<std::shared_mutex> lock(mutex_);
        return handle_ == nullptr;
    }

    /* Closes the store. Idempotent; waits for calls running on other threads. */
    void close() {
        commerce_engine *e = nullptr;
        {
            std::unique_lock<std::shared_mutex> lock(mutex_);
            e = handle_;
            handle_ = nullptr;
        }
        commerce_engine_free(e); /* accepts NULL */
    }

    /* identity */
    Outcome register_user(const std::string &email, const std::string &password) {
        return call_doc("email", email, "password", password, [](commerce_doc **out, commerce_engine *e,
                                                                   const char *a, const char *b) {
            return commerce_user_register(out, e, a, b);
        });
    }
    Outcome bootstrap_admin(const std::string &email, const std::string &password) {
        return call_doc("email", email, "password", password, [](commerce_doc **out, commerce_engine *e,
                                                                   const char *a, const char *b) {
            return commerce_user_bootstrap_admin(out, e, a, b);
        });
    }
    Outcome me(const std::string &session) {
        if (!text_ok(session)) return nul_error("session");
        return run([&](commerce_engine *e, commerce_doc **out) { return commerce_user_me(out, e, opt(session)); });
    }
    /* context_json is optional ("" for none): {"ip": "...", "user_agent": "..."}. The document is a "session" or,
     * when the account has a second factor, a "login_challenge". */
    Outcome login(const std::string &email, const std::string &password, const std::string &context_json) {
        if (const char *f = nul_field("email", email, "password", password, "context", context_json))
            return nul_error(f);
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_auth_login(out, e, email.c_str(), password.c_str(), opt(context_json));
        });
    }
    Outcome logout(const std::string &session) {
        if (!text_ok(session)) return nul_error("session");
        return run([&](commerce_engine *e, commerce_doc **) { return commerce_auth_logout(e, opt(session)); });
    }

    /* identity (include/commerce/identity.h), defined in commerce_identity.i. Optional arguments: "" for none. */
    Outcome verify_email(const std::string &token);
    Outcome resend_verification(const std::string &email);
    Outcome update_profile(const std::string &session, const std::string &patch_json);
    Outcome change_password(const std::string &session, const std::string &current_password,
                            const std::string &new_password);
    Outcome request_password_reset(const std::string &email);
    Outcome reset_password(const std::string &token, const std::string &new_password);
    Outcome export_user(const std::string &session, const std::string &user_id /* optional */);
    Outcome erase_user(const std::string &session, const std::string &user_id /* optional */);
    Outcome complete_login(const std::string &challenge, const std::string &method, const std::string &code,
                           const std::string &context_json /* optional */);
    Outcome send_email_otp(const std::string &challenge);
    Outcome social_login(const std::string &provider, const std::string &subject,
                         const std::string &profile_json /* optional */);
    Outcome logout_others(const std::string &session);
    Outcome issue_access_token(const std::string &session);
    Outcome verify_access_token(const std::string &token);
    Outcome enroll_totp(const std::string &session);
    Outcome confirm_totp(const std::string &session, const std::string &code);
    Outcome set_email_otp(const std::string &session, bool enabled);
    Outcome mfa_status(const std::string &session);
    Outcome regenerate_recovery_codes(const std::string &session, const std::string &password);
    Outcome disable_mfa(const std::string &session, const std::string &password);
    Outcome link_identity(const std::string &session, const std::string &provider, const std::string &subject);
    Outcome unlink_identity(const std::string &session, const std::string &provider, const std::string &subject);
    Outcome add_address(const std::string &session, const std::string &address_json);
    Outcome update_address(const std::string &session, const std::string &address_id, const std::string &patch_json);
    Outcome remove_address(const std::string &session, const std::string &address_id);
    Outcome list_addresses(const std::string &session);

    /* access control and administration (include/commerce/access.h), defined in commerce_access.i */
    Outcome list_users(const std::string &session, const std::string &query_json /* optional */);
    Outcome get_user(const std::string &session, const std::string &user_id);
    Outcome suspend_user(const std::string &session, const std::string &user_id,
                         const std::string &reason /* optional */);
    Outcome unsuspend_user(const std::string &session, const std::string &user_id);
    Outcome force_password_reset(const std::string &session, const std::string &user_id);
    Outcome set_roles(const std::string &session, const std::string &user_id, const std::string &roles_json);
    Outcome define_role(const std::string &session, const std::string &role_json);
    Outcome delete_role(const std::string &session, const std::string &name);
    Outcome list_roles(const std::string &session);
    Outcome list_audit(const std::string &session, const std::string &query_json /* optional */);
    Outcome report_logins(const std::string &session, const std::string &query_json /* optional */);

    /* the outbox (include/commerce/outbox.h), defined in commerce_outbox.i */
    Outcome fetch_outbox(const std::string &query_json /* optional */);
    Outcome ack_event(const std::string &event_id);
    Outcome fail_event(const std::string &event_id, const std::string &error /* optional */);

    /* catalog */
    Outcome create_product(const std::string &session, const std::string &product_json) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(product_json)) return nul_error("product");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_product_create(out, e, opt(session), product_json.c_str());
        });
    }
    Outcome update_product(const std::string &session, const std::string &product_id, const std::string &patch_json) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(product_id)) return nul_error("product_id");
        if (!text_ok(patch_json)) return nul_error("patch");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_product_update(out, e, opt(session), product_id.c_str(), patch_json.c_str());
        });
    }
    Outcome get_product(const std::string &product_id) {
        if (!text_ok(product_id)) return nul_error("product_id");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_product_get(out, e, product_id.c_str());
        });
    }
    Outcome list_products(const std::string &query_json) {
        if (!text_ok(query_json)) return nul_error("query");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_product_list(out, e, opt(query_json));
        });
    }
    Outcome delete_product(const std::string &session, const std::string &product_id) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(product_id)) return nul_error("product_id");
        return run([&](commerce_engine *e, commerce_doc **) {
            return commerce_product_delete(e, opt(session), product_id.c_str());
        });
    }

    /* the rest of the catalog (include/commerce/catalog.h), defined in commerce_catalog.i */
    Outcome view_product(const std::string &id_or_slug, const std::string &locale /* optional */);
    Outcome variant_by_barcode(const std::string &barcode);
    Outcome create_category(const std::string &session, const std::string &category_json);
    Outcome update_category(const std::string &session, const std::string &category_id,
                            const std::string &patch_json);
    Outcome move_category(const std::string &session, const std::string &category_id,
                          const std::string &parent_id /* optional: "" for the top level */, long long position);
    Outcome delete_category(const std::string &session, const std::string &category_id);
    Outcome category_tree(const std::string &category_id /* optional: "" for the whole tree */);
    Outcome create_collection(const std::string &session, const std::string &collection_json);
    Outcome update_collection(const std::string &session, const std::string &collection_id,
                              const std::string &patch_json);
    Outcome get_collection(const std::string &id_or_slug);
    Outcome delete_collection(const std::string &session, const std::string &collection_id);
    Outcome import_licence_keys(const std::string &session, const std::string &variant_id,
                                const std::string &keys_json);
    Outcome licence_pool(const std::string &session, const std::string &variant_id);
    Outcome create_product_request(const std::string &session, const std::string &request_json);
    Outcome list_product_requests(const std::string &session, const std::string &query_json /* optional */);
    Outcome fulfill_product_request(const std::string &session, const std::string &request_id,
                                    const std::string &product_id);

    /* inventory (include/commerce/inventory.h), defined in commerce_inventory.i */
    Outcome create_location(const std::string &session, const std::string &location_json);
    Outcome list_locations();
    Outcome adjust_stock(const std::string &session, const std::string &movement_json);
    Outcome transfer_stock(const std::string &session, const std::string &transfer_json);
    Outcome stock_level(const std::string &variant_id);
    Outcome list_stock_movements(const std::string &session, const std::string &query_json /* optional */);
    Outcome reserve_stock(const std::string &session, const std::string &reservation_json);
    Outcome release_reservation(const std::string &session, const std::string &reservation_id);

    /* search (include/commerce/search.h), defined in commerce_search.i */
    Outcome search(const std::string &query_json /* optional: "" lists everything */);

    /* reviews (include/commerce/review.h), defined in commerce_review.i */
    Outcome submit_review(const std::string &session, const std::string &product_id, const std::string &review_json);
    Outcome delete_review(const std::string &session, const std::string &review_id);
    Outcome moderate_review(const std::string &session, const std::string &review_id, const std::string &decision,
                            const std::string &reason /* optional for an approval */);
    Outcome review_queue(const std::string &session, const std::string &query_json /* optional */);
    Outcome list_reviews(const std::string &product_id, const std::string &query_json /* optional */);
    Outcome vote_review(const std::string &session, const std::string &review_id, const std::string &kind,
                        const std::string &reason /* optional */);

    /* promotions and taxes (include/commerce/pricing.h), defined in commerce_pricing.i */
    Outcome create_promotion(const std::string &session, const std::string &definition_json);
    Outcome update_promotion(const std::string &session, const std::string &promotion_id,
                             const std::string &definition_json, long long expected_version);
    Outcome set_promotion_status(const std::string &session, const std::string &promotion_id,
                                 const std::string &status);
    Outcome get_promotion(const std::string &session, const std::string &promotion_id);
    Outcome list_promotions(const std::string &session, const std::string &query_json /* optional */);
    Outcome generate_promotion_codes(const std::string &session, const std::string &promotion_id, long long count,
                                     const std::string &prefix /* optional */);
    Outcome set_tax_definition(const std::string &session, const std::string &definition_json,
                               long long expected_version);
    Outcome get_tax_definition(const std::string &session);
    Outcome set_shipping_definition(const std::string &session, const std::string &definition_json,
                                    long long expected_version);
    Outcome get_shipping_definition(const std::string &session);
    /* price lists (include/commerce/pricing.h) and customer groups (include/commerce/customer_group.h), defined
     * in commerce_price_list.i */
    Outcome create_price_list(const std::string &session, const std::string &definition_json);
    Outcome update_price_list(const std::string &session, const std::string &price_list_id,
                              const std::string &definition_json, long long expected_version);
    Outcome set_price_list_status(const std::string &session, const std::string &price_list_id,
                                  const std::string &status);
    Outcome get_price_list(const std::string &session, const std::string &price_list_id);
    Outcome list_price_lists(const std::string &session, const std::string &query_json /* optional */);
    Outcome create_customer_group(const std::string &session, const std::string &definition_json);
    Outcome update_customer_group(const std::string &session, const std::string &group_id,
                                  const std::string &definition_json, long long expected_version);
    Outcome delete_customer_group(const std::string &session, const std::string &group_id);
    Outcome get_customer_group(const std::string &session, const std::string &group_id);
    Outcome list_customer_groups(const std::string &session, const std::string &query_json /* optional */);
    Outcome change_customer_group_members(const std::string &session, const std::string &group_id,
                                          const std::string &change_json);
    Outcome customer_group_members(const std::string &session, const std::string &group_id,
                                   const std::string &query_json /* optional */);
    /* currencies (include/commerce/currency.h), defined in commerce_currency.i */
    Outcome set_currency_settings(const std::string &session, const std::string &settings_json,
                                  long long expected_version);
    Outcome get_currency_settings(const std::string &session);
    Outcome set_exchange_rate(const std::string &session, const std::string &rate_json);
    Outcome list_exchange_rates(const std::string &session, const std::string &query_json /* optional */);
    Outcome convert_currency(const std::string &session, const std::string &amount, const std::string &currency,
                             const std::string &to_currency, const std::string &at /* optional: now */);
    Outcome report_sales_in_base(const std::string &session, const std::string &query_json);
    /* the pricing inputs of a cart (include/commerce/cart.h), defined in commerce_pricing.i */
    Outcome apply_coupon(const std::string &session, const std::string &cart_id, const std::string &code);
    Outcome remove_coupon(const std::string &session, const std::string &cart_id, const std::string &code);
    Outcome update_cart(const std::string &session, const std::string &cart_id, const std::string &changes_json);

    /* wishlists (include/commerce/wishlist.h), defined in commerce_wishlist.i */
    Outcome create_wishlist(const std::string &session, const std::string &name);
    Outcome rename_wishlist(const std::string &session, const std::string &wishlist_id, const std::string &name);
    Outcome delete_wishlist(const std::string &session, const std::string &wishlist_id);
    Outcome list_wishlists(const std::string &session);
    Outcome get_wishlist(const std::string &session, const std::string &wishlist_id,
                         const std::string &currency /* optional */);
    Outcome add_wishlist_item(const std::string &session, const std::string &wishlist_id, const std::string &item_id,
                              const std::string &note /* optional */);
    Outcome remove_wishlist_item(const std::string &session, const std::string &wishlist_id,
                                 const std::string &item_id);
    Outcome move_wishlist_item_to_cart(const std::string &session, const std::string &wishlist_id,
                                       const std::string &item_id, const std::string &cart_id, long long quantity);
    Outcome share_wishlist(const std::string &session, const std::string &wishlist_id);
    Outcome unshare_wishlist(const std::string &session, const std::string &wishlist_id);
    Outcome shared_wishlist(const std::string &token, const std::string &currency /* optional */);

    /* carts */
    Outcome create_cart(const std::string &session, const std::string &currency) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(currency)) return nul_error("currency");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_create(out, e, opt(session), currency.c_str());
        });
    }
    Outcome get_cart(const std::string &session, const std::string &cart_id) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(cart_id)) return nul_error("cart_id");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_get(out, e, opt(session), cart_id.c_str());
        });
    }
    Outcome find_open_cart(const std::string &session, const std::string &currency) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(currency)) return nul_error("currency");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_find_open(out, e, opt(session), currency.c_str());
        });
    }
    Outcome get_cart_totals(const std::string &session, const std::string &cart_id) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(cart_id)) return nul_error("cart_id");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_get_totals(out, e, opt(session), cart_id.c_str());
        });
    }
    /* item_id is a variant id, or the id of a product that has exactly one variant */
    Outcome add_item(const std::string &session, const std::string &cart_id, const std::string &item_id,
                     long long quantity) {
        if (const char *f = nul_field("session", session, "cart_id", cart_id, "item_id", item_id)) return nul_error(f);
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_add_item(out, e, opt(session), cart_id.c_str(), item_id.c_str(),
                                          static_cast<int64_t>(quantity));
        });
    }
    Outcome update_item(const std::string &session, const std::string &cart_id, const std::string &item_id,
                        long long quantity) {
        if (const char *f = nul_field("session", session, "cart_id", cart_id, "item_id", item_id)) return nul_error(f);
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_update_item(out, e, opt(session), cart_id.c_str(), item_id.c_str(),
                                             static_cast<int64_t>(quantity));
        });
    }
    Outcome remove_item(const std::string &session, const std::string &cart_id, const std::string &item_id) {
        if (const char *f = nul_field("session", session, "cart_id", cart_id, "item_id", item_id)) return nul_error(f);
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_remove_item(out, e, opt(session), cart_id.c_str(), item_id.c_str());
        });
    }
    Outcome set_item_details(const std::string &session, const std::string &cart_id, const std::string &item_id,
                             const std::string &details_json) {
        if (const char *f = nul_field("session", session, "cart_id", cart_id, "item_id", item_id, "details",
                                      details_json))
            return nul_error(f);
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_set_item_details(out, e, opt(session), cart_id.c_str(), item_id.c_str(),
                                                  details_json.c_str());
        });
    }
    Outcome merge_cart(const std::string &session, const std::string &guest_cart_id) {
        if (const char *f = nul_field("session", session, "cart_id", guest_cart_id)) return nul_error(f);
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_merge(out, e, opt(session), guest_cart_id.c_str());
        });
    }
    Outcome sweep_carts(long long limit) {
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_cart_sweep(out, e, static_cast<int64_t>(limit));
        });
    }
    Outcome recover_cart(const std::string &token) {
        if (!text_ok(token)) return nul_error("token");
        return run([&](commerce_engine *e, commerce_doc **out) { return commerce_cart_recover(out, e, token.c_str()); });
    }

    /* checkout and orders */
    Outcome place_order(const std::string &session, const std::string &cart_id, const std::string &request_json) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(cart_id)) return nul_error("cart_id");
        if (!text_ok(request_json)) return nul_error("request");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_checkout_place_order(out, e, opt(session), cart_id.c_str(), request_json.c_str());
        });
    }
    Outcome get_order(const std::string &session, const std::string &order_id) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(order_id)) return nul_error("order_id");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_order_get(out, e, opt(session), order_id.c_str());
        });
    }
    Outcome list_orders(const std::string &session, const std::string &query_json) {
        if (!text_ok(session)) return nul_error("session");
        if (!text_ok(query_json)) return nul_error("query");
        return run([&](commerce_engine *e, commerce_doc **out) {
            return commerce_order_list(out, e, opt(session), opt(query_json));
        });
    }
    /* the order lifecycle (include/commerce/order.h), defined in commerce_order.i */
    Outcome capture_payment(const std::string &session, const std::string &order_id,
                            const std::string &request_json /* optional: capture everything left */);
    Outcome refund_order(const std::string &session, const std::string &order_id, const std::string &request_json);
    Outcome cancel_order(const std::string &session, const std::string &order_id,
                         const std::string &request_json /* optional */);
    Outcome ship_order(const std::string &session, const std::string &order_id,
                       const std::string &request_json /* optional: every unit not shipped yet */);
    Outcome update_shipment(const std::string &session, const std::string &order_id, const std::string &shipment_id,
                            const std::string &request_json);
    Outcome complete_order(const std::string &session, const std::string &order_id,
                           const std::string &request_json /* optional */);
    Outcome sweep_orders(long long limit);
    /* finding orders, receipts and invoices (include/commerce/order.h), defined in commerce_order.i */
    Outcome search_orders(const std::string &session, const std::string &query_json /* optional: every order */);
    Outcome order_receipt(const std::string &session, const std::string &order_id,
                          const std::string &options_json /* optional: the default locale, 42 wide */);
    Outcome order_invoice(const std::string &session, const std::string &order_id,
                          const std::string &options_json /* optional: the default locale */);

    /* engine */
    Outcome rekey(const std::string &new_key) {
        if (!text_ok(new_key)) return nul_error("new_key");
        return run([&](commerce_engine *e, commerce_doc **) { return commerce_engine_rekey(e, new_key.c_str()); });
    }
    Outcome info() {
        return run([&](commerce_engine *e, commerce_doc **out) { return commerce_engine_info(out, e); });
    }
    /* the manual clock ("clock": "manual" in the config) */
    Outcome set_time(long long unix_ms) {
        return run([&](commerce_engine *e, commerce_doc **) {
            return commerce_engine_set_time(e, static_cast<int64_t>(unix_ms));
        });
    }
    Outcome advance_time(long long delta_ms) {
        return run([&](commerce_engine *e, commerce_doc **) {
            return commerce_engine_advance_time(e, static_cast<int64_t>(delta_ms));
        });
    }

#ifndef SWIG
private:
    static bool text_ok(const std::string &s) noexcept { return s.find('\0') == std::string::npos; }
    static const char *opt(const std::string &s) noexcept { return s.empty() ? nullptr : s.c_str(); }
    /* The name of the first (name, value) pair whose value holds a NUL character, or nullptr. */
    static const char *nul_field() noexcept { return nullptr; }
    template <class... Rest>
    static const char *nul_field(const char *name, const std::string &value, const Rest &...rest) noexcept {
        return text_ok(value) ? nul_field(rest...) : name;
    }
    static Outcome nul_error(const char *field) noexcept {
        return Outcome::local_error(COMMERCE_ERR_INVALID_ARGUMENT, "a string argument contains a NUL character",
                                    field);
    }

    /* Runs one C call under the shared lock (so close() cannot free the handle meanwhile) and captures its
     * outcome on the same thread. A closed engine passes NULL: the C ABI answers COMMERCE_ERR_MISUSE. */
    template <class F> Outcome run(F &&f) noexcept {
        try {
            std::shared_lock<std::shared_mutex> lock(mutex_);
            commerce_doc *doc = nullptr;
            commerce_status st = f(handle_, &doc);
            return Outcome::capture(st, doc);
        } catch (...) {
            return Outcome::no_memory();
        }
    }
    template <class F>
    Outcome call_doc(const char *fa, const std::string &a, const char *fb, const std::string &b, F f) noexcept {
        if (!text_ok(a)) return nul_error(fa);
        if (!text_ok(b)) return nul_error(fb);
        return run([&](commerce_engine *e, commerce_doc **out) { return f(out, e, a.c_str(), b.c_str()); });
    }
    /* A call of order.h on one order with an optional JSON argument named `what` (capture, cancel, ship, complete,
     * receipt, invoice); defined in commerce_order.i. */
    using OrderCall = commerce_status (*)(commerce_doc **, commerce_engine *, const char *, const char *,
                                          const char *);
    Outcome order_call(OrderCall f, const std::string &session, const std::string &order_id, const char *what,
                       const std::string &json);

    mutable std::shared_mutex mutex_;
    commerce_engine *handle_ = nullptr;
    Outcome open_;
#endif
};

/* The version of the library actually loaded ("1.2.3") and its number (MAJOR*1000000 + MINOR*1000 + PATCH). */
inline std::string version() { const char *v = commerce_version(); return v ? v : ""; }
inline int version_number() { return commerce_version_number(); }
/* The version of the headers this binding was compiled against; the idiomatic layers compare the majors. */
inline int binding_version_number() { return COMMERCE_VERSION_NUMBER; }
/* The stable name of a status code; "COMMERCE_ERR_UNKNOWN" for a code the library does not know. */
inline std::string status_name(int code) { const char *n = commerce_status_name(code); return n ? n : "COMMERCE_ERR_UNKNOWN"; }

} /* namespace commerce_swig */
%}

/* The out-of-line Engine methods, one file per header (plain C++ for the wrapper; SWIG wraps the declarations
 * above). */
%include "commerce_identity.i"
%include "commerce_access.i"
%include "commerce_outbox.i"
%include "commerce_catalog.i"
%include "commerce_inventory.i"
%include "commerce_search.i"
%include "commerce_review.i"
%include "commerce_pricing.i"
%include "commerce_price_list.i"
%include "commerce_currency.i"
%include "commerce_wishlist.i"
%include "commerce_order.i"

