/* commerce — the engine: one store over one database file.
 *
 * An engine may be used from many threads at once: reads run in parallel on their own connections, writes are
 * serialized inside the engine. See docs/threading.md. */
#ifndef COMMERCE_ENGINE_H
#define COMMERCE_ENGINE_H

#include <commerce/doc.h>
#include <commerce/status.h>

#include <stdint.h>

COMMERCE_BEGIN_DECLS

typedef struct commerce_engine commerce_engine;

/* Opens (creating if needed) the store described by config_json and migrates its schema forward:
 *
 *   {"path": "shop.db" | ":memory:",       required
 *    "key": "secret",                       optional; encrypts the file with SQLCipher. Absent or "": plain file
 *    "durability": "full" | "normal",       default "full" (synchronous=FULL: a committed order survives power loss)
 *    "cache_size_kib": 32768,               page cache per connection
 *    "busy_timeout_ms": 5000,
 *    "read_connections": 4,                 parallel readers for file databases
 *    "password_hashing": {"memory_kib": 19456, "iterations": 2, "parallelism": 1},
 *    "secret_key": "...",                   32+ bytes; seals secrets at rest (TOTP secrets, outbox tokens).
 *                                           Absent: a key generated once and kept in the store
 *    "clock": "system" | "manual",          default "system"; "manual" starts at "clock_start_ms" (default: now)
 *                                           and moves only by commerce_engine_set_time/advance_time
 *    "clock_start_ms": 1767225600000,
 *    "identity": { ... },                   sessions, verification, lockout, JWT: see docs/identity.md
 *    "catalog": {"default_locale": "en", "locales": ["en", "pt-BR"]}}   see docs/catalog.md
 *
 * Errors: COMMERCE_ERR_INVALID_ARGUMENT (bad config), COMMERCE_ERR_BAD_KEY (wrong or missing key),
 * COMMERCE_ERR_VERSION (file written by a newer library), COMMERCE_ERR_STORAGE. *out is NULL on failure. */
COMMERCE_API commerce_status commerce_engine_open(commerce_engine **out, const char *config_json);

/* Closes the store and frees the engine. Accepts NULL. Documents already returned stay valid. */
COMMERCE_API void commerce_engine_free(commerce_engine *engine);

/* Re-encrypts an encrypted store with new_key. COMMERCE_ERR_MISUSE for a plain or in-memory store. */
COMMERCE_API commerce_status commerce_engine_rekey(commerce_engine *engine, const char *new_key);

/* A document of type "engine_info": library version, schema version, path, encryption and cipher version. */
COMMERCE_API commerce_status commerce_engine_info(commerce_doc **out, commerce_engine *engine);

/* Moves the clock of an engine opened with "clock": "manual" to unix_ms (milliseconds since 1970, UTC).
 * COMMERCE_ERR_MISUSE for a system clock; COMMERCE_ERR_INVALID_ARGUMENT for a time before the current one
 * (time never runs backwards, so expiry and ordering stay consistent). */
COMMERCE_API commerce_status commerce_engine_set_time(commerce_engine *engine, int64_t unix_ms);

/* Moves a manual clock forward by delta_ms (>= 0). Same errors as commerce_engine_set_time. */
COMMERCE_API commerce_status commerce_engine_advance_time(commerce_engine *engine, int64_t delta_ms);

COMMERCE_END_DECLS

#endif
