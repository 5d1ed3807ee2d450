/* commerce — export and calling-convention macros. */
#ifndef COMMERCE_EXPORT_H
#define COMMERCE_EXPORT_H

#if defined(COMMERCE_STATIC)
#  define COMMERCE_API
#elif defined(_WIN32)
#  if defined(COMMERCE_BUILDING)
#    define COMMERCE_API __declspec(dllexport)
#  else
#    define COMMERCE_API __declspec(dllimport)
#  endif
#else
#  define COMMERCE_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
#  define COMMERCE_BEGIN_DECLS extern "C" {
#  define COMMERCE_END_DECLS }
#else
#  define COMMERCE_BEGIN_DECLS
#  define COMMERCE_END_DECLS
#endif

#endif
