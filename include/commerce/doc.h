/* commerce — result documents.
 *
 * Every query and mutation returns a commerce_doc: an immutable UTF-8 JSON object with "type" and
 * "schema_version" members, described by docs/schema/<type>.schema.json. A document owns its memory and
 * does not reference the engine, so it may be freed before or after the engine, from any thread. */
#ifndef COMMERCE_DOC_H
#define COMMERCE_DOC_H

#include <stddef.h>
#include <commerce/export.h>

COMMERCE_BEGIN_DECLS

typedef struct commerce_doc commerce_doc;

/* The document as a NUL-terminated JSON text, valid until commerce_doc_free. NULL for a NULL doc. */
COMMERCE_API const char *commerce_doc_json(const commerce_doc *doc);

/* The length in bytes of commerce_doc_json, without the terminator; 0 for a NULL doc. */
COMMERCE_API size_t commerce_doc_size(const commerce_doc *doc);

/* The document's "type" member ("order", "cart", ...). NULL for a NULL doc. */
COMMERCE_API const char *commerce_doc_type(const commerce_doc *doc);

/* Frees a document. Accepts NULL. */
COMMERCE_API void commerce_doc_free(commerce_doc *doc);

COMMERCE_END_DECLS

#endif
