# A private SQLCipher compiled into libcommerce.
#
# Linking the system libsqlcipher/libsqlite3 dynamically is unsafe: when the host process already has the
# system libsqlite3 loaded, our sqlite3_* calls bind to that copy and the database is written in plaintext with
# no error. So the amalgamation is compiled here with -fPIC and hidden visibility; the library's version
# script exports only commerce_* and links with -Bsymbolic.
set(COMMERCE_SQLCIPHER_DIR "${PROJECT_SOURCE_DIR}/.deps/sqlcipher-4.6.1" CACHE PATH
    "Directory holding the SQLCipher 4.6.1 amalgamation (created by scripts/fetch-sqlcipher when missing)")

if(NOT EXISTS "${COMMERCE_SQLCIPHER_DIR}/sqlite3.c")
  message(STATUS "commerce: generating the SQLCipher amalgamation in ${COMMERCE_SQLCIPHER_DIR}")
  execute_process(COMMAND "${PROJECT_SOURCE_DIR}/scripts/fetch-sqlcipher" "${COMMERCE_SQLCIPHER_DIR}"
                  RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(FATAL_ERROR "commerce: could not produce the SQLCipher amalgamation (scripts/fetch-sqlcipher)")
  endif()
endif()

find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)

add_library(commerce_sqlcipher OBJECT "${COMMERCE_SQLCIPHER_DIR}/sqlite3.c")
set_target_properties(commerce_sqlcipher PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  C_VISIBILITY_PRESET hidden)
target_include_directories(commerce_sqlcipher PUBLIC "${COMMERCE_SQLCIPHER_DIR}")
# SQLITE_TEMP_STORE=2 is required by SQLCipher: temporary tables stay in memory, never on disk in clear.
target_compile_definitions(commerce_sqlcipher PUBLIC
  SQLITE_HAS_CODEC
  SQLITE_TEMP_STORE=2
  SQLCIPHER_CRYPTO_OPENSSL
  SQLITE_THREADSAFE=1
  SQLITE_ENABLE_FTS5
  SQLITE_ENABLE_MATH_FUNCTIONS
  SQLITE_OMIT_LOAD_EXTENSION
  SQLITE_OMIT_DEPRECATED
  SQLITE_DQS=0
  SQLITE_DEFAULT_FOREIGN_KEYS=1
  # No allocation statistics: with them every allocation takes one process-wide mutex, which serializes the
  # engine's parallel readers (SQLite's recommended compile-time options; nothing here reads the statistics).
  SQLITE_DEFAULT_MEMSTATUS=0
  SQLITE_OMIT_SHARED_CACHE)
target_compile_options(commerce_sqlcipher PRIVATE -w)   # third-party code: its warnings are not ours to fix
target_link_libraries(commerce_sqlcipher PUBLIC OpenSSL::Crypto)
