/* A host that already uses the system libsqlite3: the engine's private SQLCipher must not bind to it, and
 * the file it writes must be encrypted. */
#define _POSIX_C_SOURCE 200809L
#include <commerce/commerce.h>
#include <sqlite3.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    char path[512], config[700], header[16];
    sqlite3 *host_db = NULL;
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    FILE *file;
    int passed = 0, failed = 0;
#define EXPECT(cond) do { if (cond) passed++; else { failed++; fprintf(stderr, "FAILED: %s\n", #cond); } } while (0)

    snprintf(path, sizeof path, "%s/hostile-host.db", argc > 1 ? argv[1] : ".");
    remove(path);
    /* The host's own SQLite is loaded and in use before the engine opens. */
    EXPECT(sqlite3_open(":memory:", &host_db) == SQLITE_OK);
    EXPECT(sqlite3_exec(host_db, "CREATE TABLE t(x)", NULL, NULL, NULL) == SQLITE_OK);

    snprintf(config, sizeof config, "{\"path\":\"%s\",\"key\":\"kiosk secret\","
             "\"password_hashing\":{\"memory_kib\":64,\"iterations\":1,\"parallelism\":1}}", path);
    EXPECT(commerce_engine_open(&engine, config) == COMMERCE_OK);
    EXPECT(commerce_user_register(&doc, engine, "host@example.test", "a long passphrase") == COMMERCE_OK);
    commerce_doc_free(doc);
    commerce_engine_free(engine);

    file = fopen(path, "rb");
    EXPECT(file != NULL);
    if (file) {
        EXPECT(fread(header, 1, sizeof header, file) == sizeof header);
        fclose(file);
        EXPECT(memcmp(header, "SQLite format 3", 16) != 0);
    }
    /* The system SQLite cannot read it either. */
    {
        sqlite3 *reader = NULL;
        int rc = sqlite3_open_v2(path, &reader, SQLITE_OPEN_READONLY, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(reader, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
        EXPECT(rc == SQLITE_NOTADB);
        sqlite3_close(reader);
    }
    sqlite3_close(host_db);
    remove(path);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
