// Identity and access through the flows, on a manual clock: tokens, sessions, second factors, throttling,
// administration, data rights, and the security checks (no secret in the file, bad input writes nothing).
#include "failure_of.h"
#include "core/encoding.h"
#include "core/error.h"
#include "core/otp.h"
#include "engine/engine.h"
#include "flows/accounts.h"
#include "flows/admin.h"
#include "flows/data_rights.h"
#include "flows/mfa.h"
#include "flows/outbox.h"
#include "flows/sessions.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace commerce;
using json = nlohmann::json;

namespace {

constexpr int64_t kStart = 1'794'000'000'000;  // 2026-11-06T21:20:00Z
constexpr const char* kPassword = "correct horse battery";

json config(const std::string& path = ":memory:") {
    return {{"path", path},
            {"clock", "manual"},
            {"clock_start_ms", kStart},
            {"secret_key", "an example secret key of at least thirty-two bytes"},
            {"password_hashing", {{"memory_kib", 64}, {"iterations", 1}, {"parallelism", 1}}},
            {"identity", {{"session_idle_seconds", 3600}, {"session_absolute_seconds", 86400}}}};
}

std::unique_ptr<Engine> open_engine(const json& cfg = config()) { return Engine::open(cfg.dump().c_str()); }

std::string reason_of(const std::function<void()>& call) {
    try {
        call();
    } catch (const Error& error) {
        return error.details().value("reason", "");
    }
    return "";
}

// The payload of the newest undelivered event of a topic (and acknowledges every event fetched).
json take_event(Engine& engine, const std::string& topic) {
    json found;
    const json batch = flows::fetch_events(engine, R"({"limit": 1000})");
    for (const auto& event : batch["events"]) {
        if (event["topic"] == topic) found = event["payload"];
        flows::acknowledge_event(engine, event["id"].get<std::string>().c_str());
    }
    REQUIRE_MESSAGE(!found.is_null(), "no event " << topic);
    return found;
}

std::string login_token(Engine& engine, const char* email, const char* password = kPassword) {
    return flows::login(engine, email, password, nullptr)["token"];
}

std::string totp_now(Engine& engine, const std::string& secret_base32, int64_t offset_steps = 0) {
    return totp(base32_decode(secret_base32), engine.now_ms() / 1000 + offset_steps * 30);
}

}  // namespace

TEST_CASE("identity: production password hashing defaults are OWASP's") {
    const EngineConfig parsed = EngineConfig::parse(R"({"path": ":memory:"})");
    CHECK(parsed.identity.hashing.memory_kib == 19456);
    CHECK(parsed.identity.hashing.iterations == 2);
    CHECK(parsed.identity.hashing.parallelism == 1);
    CHECK(hash_password("a production password", parsed.identity.hashing).rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0) == 0);
}

TEST_CASE("identity: registration, verification token single use and expiry, resend invalidates") {
    auto engine = open_engine();
    const json user = flows::register_customer(*engine, "  Ada@Example.COM ", kPassword);
    CHECK(user["email"] == "ada@example.com");
    CHECK(user["email_verified"] == false);
    CHECK(code_of([&] { flows::register_customer(*engine, "ada@example.com", kPassword); }) == COMMERCE_ERR_EXISTS);
    const std::string first = take_event(*engine, "user.verification_requested")["token"];
    flows::resend_verification(*engine, "ada@example.com");
    const std::string second = take_event(*engine, "user.verification_requested")["token"];
    CHECK(first != second);
    CHECK(reason_of([&] { flows::verify_email(*engine, first.c_str()); }) == "unknown_token");
    engine->manual_clock().advance(25LL * 3600 * 1000);
    CHECK(reason_of([&] { flows::verify_email(*engine, second.c_str()); }) == "expired");
    flows::resend_verification(*engine, "ada@example.com");
    flows::resend_verification(*engine, "nobody@example.com");  // same result: no enumeration
    const std::string third = take_event(*engine, "user.verification_requested")["token"];
    CHECK(flows::verify_email(*engine, third.c_str())["email_verified"] == true);
    CHECK(reason_of([&] { flows::verify_email(*engine, third.c_str()); }) == "used");
}

TEST_CASE("identity: password rules") {
    auto engine = open_engine();
    CHECK(reason_of([&] { flows::register_customer(*engine, "a@example.com", "password123"); }) == "common");
    CHECK(reason_of([&] { flows::register_customer(*engine, "a@example.com", "short"); }) == "length");
    CHECK(code_of([&] { flows::register_customer(*engine, "a@example.com", ""); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    const std::string ten_kb(10 * 1024, 'x');
    CHECK(code_of([&] { flows::register_customer(*engine, "a@example.com", ten_kb.c_str()); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::register_customer(*engine, "not an email", kPassword); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::register_customer(*engine, "a@example.com", "pass\xff\xfeword!"); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    // Unicode, spaces and 128 characters are fine, and nothing is truncated: 129 characters are refused.
    CHECK_NOTHROW(flows::register_customer(*engine, "u@example.com", "pässwörd mit Ümläuten 🔑"));
    CHECK_NOTHROW(login_token(*engine, "u@example.com", "pässwörd mit Ümläuten 🔑"));
    CHECK(code_of([&] { login_token(*engine, "u@example.com", "pässwörd mit Ümläuten"); }) == COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] { flows::register_customer(*engine, "l@example.com", std::string(129, 'z').c_str()); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_NOTHROW(flows::register_customer(*engine, "l@example.com", std::string(128, 'z').c_str()));
    // None of the refused registrations wrote anything.
    flows::bootstrap_admin(*engine, "admin@example.com", kPassword);
    const std::string admin = login_token(*engine, "admin@example.com");
    CHECK(flows::list_users(*engine, admin.c_str(), nullptr)["items"].size() == 3);
}

TEST_CASE("identity: sessions expire when idle or old, and end on logout, password change and reset") {
    auto engine = open_engine();
    flows::register_customer(*engine, "bo@example.com", kPassword);
    const std::string s1 = login_token(*engine, "bo@example.com");
    const std::string s2 = login_token(*engine, "bo@example.com");
    CHECK(s1 != s2);
    // Used every 50 minutes, a session outlives its one-hour idle limit...
    for (int i = 0; i < 5; ++i) {
        engine->manual_clock().advance(50 * 60 * 1000);
        CHECK_NOTHROW(flows::current_user(*engine, s1.c_str()));
    }
    // ...while the unused one is gone.
    CHECK(reason_of([&] { flows::current_user(*engine, s2.c_str()); }) == "idle");
    // The absolute limit (one day) ends even a busy session.
    for (int i = 0; i < 25; ++i) engine->manual_clock().advance(50 * 60 * 1000), (void)code_of([&] { flows::current_user(*engine, s1.c_str()); });
    CHECK(reason_of([&] { flows::current_user(*engine, s1.c_str()); }) == "expired");

    const std::string a = login_token(*engine, "bo@example.com");
    const std::string b = login_token(*engine, "bo@example.com");
    flows::change_password(*engine, a.c_str(), kPassword, "a new correct horse");
    CHECK_NOTHROW(flows::current_user(*engine, a.c_str()));
    CHECK(code_of([&] { flows::current_user(*engine, b.c_str()); }) == COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] { flows::change_password(*engine, a.c_str(), "wrong current", "another new one"); }) ==
          COMMERCE_ERR_UNAUTHORIZED);

    flows::request_password_reset(*engine, "bo@example.com");
    flows::request_password_reset(*engine, "nobody@example.com");
    const std::string reset = take_event(*engine, "user.password_reset_requested")["token"];
    flows::reset_password(*engine, reset.c_str(), "reset correct horse");
    CHECK(code_of([&] { flows::current_user(*engine, a.c_str()); }) == COMMERCE_ERR_UNAUTHORIZED);
    CHECK(reason_of([&] { flows::reset_password(*engine, reset.c_str(), "again a password"); }) == "used");
    const std::string c = login_token(*engine, "bo@example.com", "reset correct horse");
    flows::logout(*engine, c.c_str());
    CHECK(code_of([&] { flows::current_user(*engine, c.c_str()); }) == COMMERCE_ERR_UNAUTHORIZED);
}

TEST_CASE("identity: TOTP with RFC 6238 codes, replay refused, recovery codes single use, reset keeps 2FA") {
    auto engine = open_engine();
    flows::register_customer(*engine, "cy@example.com", kPassword);
    const std::string session = login_token(*engine, "cy@example.com");
    const json enrollment = flows::totp_enroll(*engine, session.c_str());
    const std::string secret = enrollment["secret"];
    CHECK(enrollment["otpauth_uri"].get<std::string>().rfind("otpauth://totp/commerce:cy%40example.com?secret=" + secret, 0) == 0);
    CHECK(code_of([&] { flows::totp_confirm(*engine, session.c_str(), "000000"); }) == COMMERCE_ERR_UNAUTHORIZED);
    const json codes = flows::totp_confirm(*engine, session.c_str(), totp_now(*engine, secret).c_str())["codes"];
    REQUIRE(codes.size() == 10);

    const json challenge = flows::login(*engine, "cy@example.com", kPassword, nullptr);
    REQUIRE(challenge["type"] == "login_challenge");
    const std::string id = challenge["challenge"];
    // The code used to confirm is burnt; the next step's code works once.
    engine->manual_clock().advance(30'000);
    const std::string code = totp_now(*engine, secret);
    CHECK(flows::complete_login(*engine, id.c_str(), "totp", code.c_str(), nullptr)["type"] == "session");
    const std::string again = flows::login(*engine, "cy@example.com", kPassword, nullptr)["challenge"];
    CHECK(reason_of([&] { flows::complete_login(*engine, again.c_str(), "totp", code.c_str(), nullptr); }) == "code");
    const std::string recovery = codes[0];
    CHECK(flows::complete_login(*engine, again.c_str(), "recovery_code", recovery.c_str(), nullptr)["type"] == "session");
    const std::string third = flows::login(*engine, "cy@example.com", kPassword, nullptr)["challenge"];
    CHECK(code_of([&] { flows::complete_login(*engine, third.c_str(), "recovery_code", recovery.c_str(), nullptr); }) ==
          COMMERCE_ERR_UNAUTHORIZED);
    // A password reset does not log in and does not switch the second factor off.
    flows::request_password_reset(*engine, "cy@example.com");
    const std::string reset = take_event(*engine, "user.password_reset_requested")["token"];
    flows::reset_password(*engine, reset.c_str(), "reset correct horse");
    CHECK(flows::login(*engine, "cy@example.com", "reset correct horse", nullptr)["type"] == "login_challenge");
}

TEST_CASE("identity: email codes for a login challenge") {
    auto engine = open_engine();
    flows::register_customer(*engine, "di@example.com", kPassword);
    const std::string session = login_token(*engine, "di@example.com");
    CHECK(flows::set_email_otp(*engine, session.c_str(), true)["email_otp"] == true);
    const std::string challenge = flows::login(*engine, "di@example.com", kPassword, nullptr)["challenge"];
    flows::send_email_otp(*engine, challenge.c_str());
    const std::string old_code = take_event(*engine, "user.otp_requested")["code"];
    flows::send_email_otp(*engine, challenge.c_str());
    const std::string code = take_event(*engine, "user.otp_requested")["code"];
    if (old_code != code)
        CHECK(code_of([&] { flows::complete_login(*engine, challenge.c_str(), "email_otp", old_code.c_str(), nullptr); }) ==
              COMMERCE_ERR_UNAUTHORIZED);
    const std::string signed_in =
        flows::complete_login(*engine, challenge.c_str(), "email_otp", code.c_str(), nullptr)["token"];
    // A session alone cannot switch the only second factor off; the password can.
    CHECK(reason_of([&] { flows::set_email_otp(*engine, signed_in.c_str(), false); }) == "password_required");
    CHECK(flows::mfa_status(*engine, signed_in.c_str())["email_otp"] == true);
    flows::disable_mfa(*engine, signed_in.c_str(), kPassword);
    CHECK(flows::login(*engine, "di@example.com", kPassword, nullptr)["type"] == "session");
}

TEST_CASE("identity: brute force stays under 100 failures an hour and never locks the owner out for good") {
    auto engine = open_engine();
    flows::register_customer(*engine, "ed@example.com", kPassword);
    int password_checked = 0, locked = 0;
    for (int attempt = 0; attempt < 360; ++attempt) {  // one guess every 10 s for an hour
        const std::string reason = reason_of([&] { flows::login(*engine, "ed@example.com", "wrong guess!", nullptr); });
        password_checked += reason == "credentials";
        locked += reason == "locked";
        engine->manual_clock().advance(10'000);
    }
    CHECK(password_checked <= 100);
    CHECK(locked > 0);
    CHECK(take_event(*engine, "user.locked")["failures"] == 5);
    engine->manual_clock().advance(16 * 60 * 1000);  // longer than the longest lock
    CHECK_NOTHROW(login_token(*engine, "ed@example.com"));
}

TEST_CASE("identity: knowing the password does not buy more guesses at the second factor") {
    auto engine = open_engine();
    flows::register_customer(*engine, "fa@example.com", kPassword);
    const std::string session = login_token(*engine, "fa@example.com");
    const std::string secret = flows::totp_enroll(*engine, session.c_str())["secret"];
    flows::totp_confirm(*engine, session.c_str(), totp_now(*engine, secret).c_str());
    int codes_checked = 0;
    for (int attempt = 0; attempt < 360; ++attempt) {  // a fresh challenge and a wrong code every 10 s for an hour
        const std::string reason = reason_of([&] {
            const std::string challenge = flows::login(*engine, "fa@example.com", kPassword, nullptr)["challenge"];
            flows::complete_login(*engine, challenge.c_str(), "totp", "000000", nullptr);
        });
        codes_checked += reason == "code";
        engine->manual_clock().advance(10'000);
    }
    CHECK(codes_checked <= 100);
    CHECK(codes_checked >= 5);
    engine->manual_clock().advance(16 * 60 * 1000);
    const std::string challenge = flows::login(*engine, "fa@example.com", kPassword, nullptr)["challenge"];
    CHECK(flows::complete_login(*engine, challenge.c_str(), "totp", totp_now(*engine, secret).c_str(), nullptr)["type"] ==
          "session");
}

TEST_CASE("identity: admin suspends, forces a reset, manages roles; everything is audited and counted") {
    auto engine = open_engine();
    flows::bootstrap_admin(*engine, "admin@example.com", kPassword);
    const std::string admin = login_token(*engine, "admin@example.com");
    const std::string fay = flows::register_customer(*engine, "fay@example.com", kPassword)["id"];
    const std::string fay_session = login_token(*engine, "fay@example.com");
    CHECK(code_of([&] { flows::list_users(*engine, fay_session.c_str(), nullptr); }) == COMMERCE_ERR_FORBIDDEN);

    flows::suspend_user(*engine, admin.c_str(), fay.c_str(), "chargebacks");
    CHECK(code_of([&] { flows::current_user(*engine, fay_session.c_str()); }) == COMMERCE_ERR_UNAUTHORIZED);
    CHECK(reason_of([&] { login_token(*engine, "fay@example.com"); }) == "suspended");
    flows::unsuspend_user(*engine, admin.c_str(), fay.c_str());
    CHECK_NOTHROW(login_token(*engine, "fay@example.com"));

    flows::force_password_reset(*engine, admin.c_str(), fay.c_str());
    CHECK(reason_of([&] { login_token(*engine, "fay@example.com"); }) == "password_reset_required");
    const json reset = take_event(*engine, "user.password_reset_requested");
    CHECK(reset["reason"] == "forced");
    flows::reset_password(*engine, reset["token"].get<std::string>().c_str(), "fresh correct horse");
    const std::string fresh = login_token(*engine, "fay@example.com", "fresh correct horse");

    flows::define_role(*engine, admin.c_str(), R"({"name": "support", "permissions": ["users.read", "orders.read"]})");
    CHECK(code_of([&] { flows::define_role(*engine, admin.c_str(), R"({"name": "x", "permissions": ["fly"]})"); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    flows::set_user_roles(*engine, admin.c_str(), fay.c_str(), R"(["customer", "support"])");
    CHECK(flows::list_users(*engine, fresh.c_str(), R"({"search": "FAY"})")["items"].size() == 1);
    CHECK(code_of([&] { flows::delete_role(*engine, admin.c_str(), "support"); }) == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(code_of([&] { flows::suspend_user(*engine, fresh.c_str(), fay.c_str(), nullptr); }) == COMMERCE_ERR_FORBIDDEN);
    const std::string admin_id = flows::current_user(*engine, admin.c_str())["id"];
    CHECK(code_of([&] { flows::set_user_roles(*engine, admin.c_str(), admin_id.c_str(), R"(["customer"])"); }) ==
          COMMERCE_ERR_ILLEGAL_STATE);

    // Someone who may manage users but not roles cannot touch an admin, and the last admin stays.
    flows::define_role(*engine, admin.c_str(), R"({"name": "moderator", "permissions": ["users.manage"]})");
    const std::string gus = flows::register_customer(*engine, "gus@example.com", kPassword)["id"];
    flows::set_user_roles(*engine, admin.c_str(), gus.c_str(), R"(["moderator"])");
    const std::string gus_session = login_token(*engine, "gus@example.com");
    CHECK(code_of([&] { flows::suspend_user(*engine, gus_session.c_str(), admin_id.c_str(), nullptr); }) ==
          COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::force_password_reset(*engine, gus_session.c_str(), admin_id.c_str()); }) ==
          COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::erase_user(*engine, gus_session.c_str(), admin_id.c_str()); }) == COMMERCE_ERR_FORBIDDEN);
    const std::string second_admin = flows::register_customer(*engine, "hal@example.com", kPassword)["id"];
    flows::set_user_roles(*engine, admin.c_str(), second_admin.c_str(), R"(["admin"])");
    flows::suspend_user(*engine, admin.c_str(), second_admin.c_str(), nullptr);
    CHECK(code_of([&] { flows::bootstrap_admin(*engine, "intruder@example.com", kPassword); }) ==
          COMMERCE_ERR_ILLEGAL_STATE);
    flows::unsuspend_user(*engine, admin.c_str(), second_admin.c_str());

    const std::string audit_query = R"({"target_id": ")" + fay + R"("})";
    const json audit = flows::list_audit(*engine, admin.c_str(), audit_query.c_str());
    std::vector<std::string> actions;
    for (const auto& entry : audit["items"]) actions.push_back(entry["action"]);
    CHECK(actions == std::vector<std::string>{"user.set_roles", "user.force_password_reset", "user.unsuspend",
                                              "user.suspend"});
    CHECK(audit["items"][3]["before"]["status"] == "active");
    CHECK(audit["items"][3]["after"]["status"] == "suspended");

    const json report = flows::login_report(*engine, admin.c_str(), R"({"from": "2026-11-06", "to": "2026-11-07"})");
    CHECK(report["days"].size() == 2);
    CHECK(report["days"][0]["logins"] == 5);   // admin, fay, fay after unsuspend, fay after reset, gus
    CHECK(report["days"][0]["failures"] == 2);  // suspended, reset required
    CHECK(report["days"][0]["unique_users"] == 3);
    CHECK(report["days"][1]["logins"] == 0);
    CHECK(report["totals"]["unique_users"] == 3);
}

TEST_CASE("identity: social login creates, links, and refuses someone else's identity") {
    auto engine = open_engine();
    const json first = flows::social_login(*engine, "google", "sub-1", R"({"email": "gil@example.com", "email_verified": true})");
    CHECK(first["type"] == "session");
    CHECK(flows::current_user(*engine, first["token"].get<std::string>().c_str())["email_verified"] == true);
    CHECK(flows::social_login(*engine, "google", "sub-1", nullptr)["user_id"] == first["user_id"]);
    flows::register_customer(*engine, "hal@example.com", kPassword);
    CHECK(reason_of([&] { flows::social_login(*engine, "google", "sub-2", R"({"email": "hal@example.com"})"); }) ==
          "email_taken");
    const std::string hal = login_token(*engine, "hal@example.com");
    CHECK(code_of([&] { flows::link_identity(*engine, hal.c_str(), "google", "sub-1"); }) == COMMERCE_ERR_EXISTS);
    flows::link_identity(*engine, hal.c_str(), "google", "sub-2");
    CHECK(flows::social_login(*engine, "google", "sub-2", nullptr)["user_id"] ==
          flows::current_user(*engine, hal.c_str())["id"]);
}

TEST_CASE("identity: JWT access tokens verify by kid and refuse tampering") {
    json cfg = config();
    cfg["identity"]["jwt"] = {{"keys", {{{"kid", "k2"}, {"secret", std::string(32, 'b')}},
                                        {{"kid", "k1"}, {"secret", std::string(32, 'a')}}}},
                              {"signing_kid", "k2"}};
    auto engine = open_engine(cfg);
    flows::register_customer(*engine, "ida@example.com", kPassword);
    const json session = flows::login(*engine, "ida@example.com", kPassword, nullptr);
    const std::string token = session["access_token"];
    const json claims = flows::verify_access_token(*engine, token.c_str());
    CHECK(claims["sub"] == session["user_id"]);
    CHECK(claims["kid"] == "k2");
    std::string tampered = token;
    tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
    CHECK(reason_of([&] { flows::verify_access_token(*engine, tampered.c_str()); }) == "signature");
    engine->manual_clock().advance(901'000);
    CHECK(reason_of([&] { flows::verify_access_token(*engine, token.c_str()); }) == "expired");
}

TEST_CASE("identity: export and erase keep nothing personal but the orders") {
    auto engine = open_engine();
    flows::bootstrap_admin(*engine, "admin@example.com", kPassword);
    const std::string jo = flows::register_customer(*engine, "jo@example.com", kPassword)["id"];
    const std::string session = login_token(*engine, "jo@example.com", kPassword);
    const json exported = flows::export_user(*engine, session.c_str(), nullptr);
    CHECK(exported["user"]["email"] == "jo@example.com");
    CHECK(exported["sessions"].size() == 1);
    CHECK(exported["login_events"].size() == 1);
    flows::erase_user(*engine, session.c_str(), nullptr);
    const std::string admin = login_token(*engine, "admin@example.com");
    const json after = flows::export_user(*engine, admin.c_str(), jo.c_str());
    CHECK(after["user"]["email"] == "erased+" + jo + "@invalid");
    CHECK(after["user"]["status"] == "erased");
    CHECK(after["sessions"].empty());
    CHECK(after["login_events"][0]["ip"] == "");
    CHECK(code_of([&] { login_token(*engine, "jo@example.com"); }) == COMMERCE_ERR_UNAUTHORIZED);
}

TEST_CASE("identity: no plaintext password, token, code or TOTP secret anywhere in the database file") {
    const auto path = std::filesystem::temp_directory_path() / ("commerce-secrets-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    std::vector<std::string> secrets = {kPassword, "reset correct horse"};
    {
        auto engine = open_engine(config(path.string()));
        flows::register_customer(*engine, "kim@example.com", kPassword);
        const std::string session = login_token(*engine, "kim@example.com");
        secrets.push_back(session);
        const json enrollment = flows::totp_enroll(*engine, session.c_str());
        secrets.push_back(enrollment["secret"]);
        secrets.push_back(base32_decode(enrollment["secret"].get<std::string>()));
        const json codes = flows::totp_confirm(*engine, session.c_str(), totp_now(*engine, enrollment["secret"]).c_str());
        for (const auto& code : codes["codes"]) secrets.push_back(code);
        flows::request_password_reset(*engine, "kim@example.com");
        // Fetched but not acknowledged: the token still waits, sealed, for its delivery.
        const json batch = flows::fetch_events(*engine, nullptr);
        for (const auto& event : batch["events"])
            if (event["payload"].contains("token")) secrets.push_back(event["payload"]["token"]);
        flows::set_email_otp(*engine, session.c_str(), true);
        const std::string challenge = flows::login(*engine, "kim@example.com", kPassword, nullptr)["challenge"];
        secrets.push_back(challenge);
        flows::send_email_otp(*engine, challenge.c_str());
        secrets.push_back(take_event(*engine, "user.otp_requested")["code"]);
    }
    std::string bytes;
    for (const char* suffix : {"", "-wal"}) {
        std::ifstream file(path.string() + suffix, std::ios::binary);
        bytes.append(std::istreambuf_iterator<char>(file), {});
    }
    REQUIRE(bytes.find("kim@example.com") != std::string::npos);  // the file is plain: the grep can see text
    CHECK(secrets.size() > 15);
    for (const auto& secret : secrets) CHECK_MESSAGE(bytes.find(secret) == std::string::npos, "found " << secret);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}
