#include "capi/handles.h"

#include <commerce/doc.h>

extern "C" {

const char* commerce_doc_json(const commerce_doc* doc) { return doc ? doc->json.c_str() : nullptr; }
size_t commerce_doc_size(const commerce_doc* doc) { return doc ? doc->json.size() : 0; }
const char* commerce_doc_type(const commerce_doc* doc) { return doc ? doc->type.c_str() : nullptr; }
void commerce_doc_free(commerce_doc* doc) { delete doc; }

}
