package commerce_test

// Tests of the Go binding's identity, access and outbox calls (identity.h, access.h, outbox.h). Every engine
// runs on a manual clock, so that TOTP codes, session expiry and outbox backoff are deterministic.

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"commerce.local/commerce"
)

const (
	startMS       = int64(1794000000000) // 2026-11-06T21:20:00Z
	today         = "2026-11-06"
	newPassword   = "new correct horse battery"
	newerPassword = "newer correct horse battery"
	jwtSecret     = "0123456789abcdef0123456789abcdef"
)

var loginContext = &commerce.LoginContext{IP: "203.0.113.7", UserAgent: "go test"}

var home = commerce.NewAddress{Name: "Alice Liddell", Line1: "1 Main St", City: "Zürich", Region: "ZH",
	PostalCode: "8001", Country: "CH", DefaultShipping: true}

var work = commerce.NewAddress{Name: "Alice Liddell", Company: "Wonderland AG", Line1: "2 Side St", City: "Basel",
	Country: "CH", DefaultBilling: true}

// totp is RFC 6238 (HMAC-SHA1, 6 digits, 30 s) of a base32 secret without padding.
func totp(t *testing.T, secret string, unixMS int64) string {
	t.Helper()
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ToUpper(secret))
	if err != nil {
		t.Fatalf("secret %q: %v", secret, err)
	}
	var counter [8]byte
	binary.BigEndian.PutUint64(counter[:], uint64(unixMS/30000))
	mac := hmac.New(sha1.New, key)
	mac.Write(counter[:])
	sum := mac.Sum(nil)
	offset := sum[len(sum)-1] & 0x0f
	return fmt.Sprintf("%06d", (binary.BigEndian.Uint32(sum[offset:offset+4])&0x7fffffff)%1000000)
}

func at(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// shop is an engine on a manual clock with an admin; it keeps the clock's time and delivers the outbox.
type shop struct {
	t         *testing.T
	e         *commerce.Engine
	now       int64
	adminUser *commerce.User
	admin     string
}

func newShop(t *testing.T, identity *commerce.IdentityConfig) *shop {
	t.Helper()
	return openShop(t, shopConfig(identity))
}

// shopConfig is the config of newShop: in memory, fast password hashing, a manual clock started at startMS.
func shopConfig(identity *commerce.IdentityConfig) commerce.Config {
	return commerce.Config{Path: ":memory:", PasswordHashing: hashing, Clock: "manual", ClockStartMS: startMS,
		Identity: identity}
}

// openShop is newShop with a config of its own, which must start its manual clock at startMS.
func openShop(t *testing.T, cfg commerce.Config) *shop {
	t.Helper()
	e := must(commerce.Open(cfg))
	t.Cleanup(func() { e.Close() })
	s := &shop{t: t, e: e, now: startMS}
	s.adminUser = must(e.BootstrapAdmin("admin@example.com", password))
	s.admin = s.login("admin@example.com", password).Token
	s.drain()
	return s
}

func (s *shop) advance(d time.Duration) {
	s.t.Helper()
	noErr(s.t, s.e.AdvanceTime(d))
	s.now += d.Milliseconds()
}

// login logs in an account without a second factor.
func (s *shop) login(email, pw string) *commerce.Session {
	s.t.Helper()
	res := must(s.e.Login(email, pw, loginContext))
	if res.Session == nil || res.Challenge != nil || res.Session.Type != "session" {
		s.t.Fatalf("login of %s: %+v", email, res)
	}
	return res.Session
}

// drain fetches and acknowledges every due event.
func (s *shop) drain() []commerce.OutboxEvent {
	s.t.Helper()
	var events []commerce.OutboxEvent
	for {
		batch := must(s.e.FetchOutbox(&commerce.OutboxQuery{Limit: 100}))
		if batch.Type != "outbox_batch" {
			s.t.Fatalf("batch %+v", batch)
		}
		if len(batch.Events) == 0 {
			return events
		}
		for _, ev := range batch.Events {
			noErr(s.t, s.e.AckEvent(ev.ID))
		}
		events = append(events, batch.Events...)
	}
}

// event returns the one delivered event of that topic for that email.
func (s *shop) event(topic, email string) commerce.OutboxEvent {
	s.t.Helper()
	var found []commerce.OutboxEvent
	for _, ev := range s.drain() {
		if ev.Topic == topic && ev.PayloadString("email") == email {
			found = append(found, ev)
		}
	}
	if len(found) != 1 {
		s.t.Fatalf("%s for %s: %+v", topic, email, found)
	}
	return found[0]
}

// customer registers and verifies a customer and logs them in.
func (s *shop) customer(email string) (*commerce.User, string) {
	s.t.Helper()
	u := must(s.e.RegisterUser(email, password))
	must(s.e.VerifyEmail(s.event(commerce.TopicUserVerificationRequested, email).PayloadString("token")))
	return u, s.login(email, password).Token
}

func (s *shop) userCount() int {
	return len(must(s.e.ListUsers(s.admin, &commerce.UserListQuery{Limit: 100})).Items)
}

func (s *shop) nothingWritten(usersBefore int) {
	s.t.Helper()
	if n := s.userCount(); n != usersBefore {
		s.t.Fatalf("users %d, want %d", n, usersBefore)
	}
	if b := must(s.e.FetchOutbox(nil)); len(b.Events) != 0 {
		s.t.Fatalf("events written: %+v", b.Events)
	}
}

// ---------------------------------------------------------------------------------------------------------------

func TestRegisterVerifyLoginProfile(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	u := must(e.RegisterUser("  Alice@Example.com ", password))
	if u.Type != "user" || u.Email != "alice@example.com" || u.EmailVerified || u.Status != "active" ||
		!reflect.DeepEqual(u.Roles, []string{"customer"}) || u.Profile.Name != nil || u.MFA.TOTP {
		t.Fatalf("registered: %+v", u)
	}
	events := s.drain()
	var topics []string
	token := ""
	for _, ev := range events {
		topics = append(topics, ev.Topic)
		if ev.PayloadString("user_id") != u.ID || ev.Attempts != 0 {
			t.Fatalf("event %+v", ev)
		}
		if ev.Topic == commerce.TopicUserVerificationRequested {
			token = ev.PayloadString("token")
		}
	}
	sort.Strings(topics)
	if !reflect.DeepEqual(topics, []string{"user.registered", "user.verification_requested"}) || token == "" {
		t.Fatalf("topics %v token %q", topics, token)
	}
	if v := must(e.VerifyEmail(token)); !v.EmailVerified || v.ID != u.ID {
		t.Fatalf("verified: %+v", v)
	}
	_, err := e.VerifyEmail(token)
	expectErr(t, err, commerce.ErrUnauthorized)
	noErr(t, e.ResendVerification("nobody@example.com"))

	res := must(e.Login("alice@example.com", password, loginContext))
	sess := res.Session
	if res.Challenge != nil || sess == nil || sess.UserID != u.ID || len(sess.Token) != 64 || sess.AccessToken != "" ||
		sess.IdleExpiresAt.After(sess.ExpiresAt) {
		t.Fatalf("session: %+v", res)
	}
	if me := must(e.Me(sess.Token)); me.ID != u.ID || !me.EmailVerified {
		t.Fatalf("me: %+v", me)
	}
	me := must(e.UpdateProfile(sess.Token, commerce.ProfilePatch{Name: commerce.Ptr("Alice Liddell"),
		Phone: commerce.Ptr("+41 44 000 00 00"), Locale: commerce.Ptr("de-CH"), Currency: commerce.Ptr("CHF")}))
	if me.Profile.Name == nil || *me.Profile.Name != "Alice Liddell" || me.Profile.Currency == nil ||
		*me.Profile.Currency != "CHF" {
		t.Fatalf("profile: %+v", me.Profile)
	}
	me = must(e.UpdateProfile(sess.Token, map[string]any{"phone": nil})) // null clears, absent keeps
	if me.Profile.Phone != nil || me.Profile.Name == nil {
		t.Fatalf("profile after clearing the phone: %+v", me.Profile)
	}
}

func TestAddresses(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	u, sess := s.customer("alice@example.com")
	h := must(e.AddAddress(sess, home))
	if h.Type != "address" || h.UserID != u.ID || h.City != "Zürich" || !h.DefaultShipping || h.Company != "" {
		t.Fatalf("home: %+v", h)
	}
	w := must(e.AddAddress(sess, work))
	me := must(e.Me(sess))
	if me.DefaultShippingAddressID == nil || *me.DefaultShippingAddressID != h.ID ||
		me.DefaultBillingAddressID == nil || *me.DefaultBillingAddressID != w.ID {
		t.Fatalf("defaults: %+v", me)
	}
	if l := must(e.ListAddresses(sess)); l.Type != "address_list" || len(l.Items) != 2 {
		t.Fatalf("list: %+v", l)
	}
	w = must(e.UpdateAddress(sess, w.ID, commerce.AddressPatch{DefaultShipping: commerce.Ptr(true),
		Line2: commerce.Ptr("Floor 3")}))
	if !w.DefaultShipping || w.Line2 != "Floor 3" || w.City != "Basel" {
		t.Fatalf("updated: %+v", w)
	}
	for _, a := range must(e.ListAddresses(sess)).Items {
		if a.ID == h.ID && a.DefaultShipping {
			t.Fatalf("two default shipping addresses")
		}
	}
	noErr(t, e.RemoveAddress(sess, w.ID))
	if l := must(e.ListAddresses(sess)); len(l.Items) != 1 || l.Items[0].ID != h.ID {
		t.Fatalf("after remove: %+v", l)
	}
	if me := must(e.Me(sess)); me.DefaultShippingAddressID != nil || me.DefaultBillingAddressID != nil {
		t.Fatalf("a removed default is still a default: %+v", me)
	}
	before := must(e.ListAddresses(sess))
	bad := home
	bad.Country = "Switzerland"
	_, err := e.AddAddress(sess, bad)
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.AddAddress(sess, commerce.NewAddress{City: "Bern", Country: "CH"})
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, mallory := s.customer("mallory@example.com")
	if _, err := e.UpdateAddress(mallory, h.ID, commerce.AddressPatch{City: commerce.Ptr("x")}); err == nil {
		t.Fatalf("another customer changed the address")
	}
	if after := must(e.ListAddresses(sess)); !reflect.DeepEqual(before, after) {
		t.Fatalf("addresses changed: %+v", after)
	}
}

func TestChangePasswordAndReset(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	_, s1 := s.customer("alice@example.com")
	s2 := s.login("alice@example.com", password).Token
	expectErr(t, e.ChangePassword(s1, "wrong password", newPassword), commerce.ErrUnauthorized)
	noErr(t, e.ChangePassword(s1, password, newPassword))
	must(e.Me(s1))
	_, err := e.Me(s2)
	expectErr(t, err, commerce.ErrUnauthorized)
	_, err = e.Login("alice@example.com", password, nil)
	expectErr(t, err, commerce.ErrUnauthorized)
	s3 := s.login("alice@example.com", newPassword).Token

	noErr(t, e.RequestPasswordReset("nobody@example.com"))
	if evs := s.drain(); len(evs) != 0 {
		t.Fatalf("an unknown email emitted %+v", evs)
	}
	noErr(t, e.RequestPasswordReset("alice@example.com"))
	ev := s.event(commerce.TopicUserPasswordResetRequested, "alice@example.com")
	if ev.PayloadString("reason") != "requested" {
		t.Fatalf("reset event %+v", ev)
	}
	noErr(t, e.ResetPassword(ev.PayloadString("token"), newerPassword))
	for _, old := range []string{s1, s3} {
		_, err := e.Me(old)
		expectErr(t, err, commerce.ErrUnauthorized)
	}
	expectErr(t, e.ResetPassword(ev.PayloadString("token"), "yet another password"), commerce.ErrUnauthorized)
	s.login("alice@example.com", newerPassword)
}

func TestTOTPAndRecoveryCodes(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	u, sess := s.customer("alice@example.com")
	enr := must(e.EnrollTOTP(sess))
	if enr.Type != "totp_enrollment" || !strings.HasPrefix(enr.OtpauthURI, "otpauth://totp/") ||
		enr.Algorithm != "SHA1" || enr.Digits != 6 || enr.Period != 30 {
		t.Fatalf("enrollment %+v", enr)
	}
	if st := must(e.MFAStatus(sess)); st.TOTP {
		t.Fatalf("TOTP on before confirmation")
	}
	codes := must(e.ConfirmTOTP(sess, totp(t, enr.Secret, s.now)))
	if codes.Type != "recovery_codes" || len(codes.Codes) != 10 {
		t.Fatalf("codes %+v", codes)
	}
	if st := must(e.MFAStatus(sess)); !st.TOTP || st.EmailOTP || st.RecoveryCodesLeft != 10 {
		t.Fatalf("status %+v", st)
	}

	s.advance(30 * time.Second) // the confirmation used this time step's code
	res := must(e.Login("alice@example.com", password, loginContext))
	ch := res.Challenge
	if res.Session != nil || ch == nil || ch.Type != "login_challenge" || len(ch.Challenge) != 64 {
		t.Fatalf("challenge %+v", res)
	}
	code := totp(t, enr.Secret, s.now)
	sess2 := must(e.CompleteLogin(ch.Challenge, commerce.MethodTOTP, code, loginContext))
	if sess2.UserID != u.ID || must(e.Me(sess2.Token)).ID != u.ID {
		t.Fatalf("session %+v", sess2)
	}
	second := must(e.Login("alice@example.com", password, nil)).Challenge
	_, err := e.CompleteLogin(second.Challenge, commerce.MethodTOTP, code, nil) // replay
	expectErr(t, err, commerce.ErrUnauthorized)
	must(e.CompleteLogin(second.Challenge, commerce.MethodRecoveryCode, codes.Codes[0], nil))
	third := must(e.Login("alice@example.com", password, nil)).Challenge
	_, err = e.CompleteLogin(third.Challenge, commerce.MethodRecoveryCode, codes.Codes[0], nil) // used
	expectErr(t, err, commerce.ErrUnauthorized)
	if st := must(e.MFAStatus(sess)); st.RecoveryCodesLeft != 9 {
		t.Fatalf("left %d", st.RecoveryCodesLeft)
	}
	if fresh := must(e.RegenerateRecoveryCodes(sess, password)); len(fresh.Codes) != 10 {
		t.Fatalf("fresh %+v", fresh)
	}

	if st := must(e.SetEmailOTP(sess, true)); !st.EmailOTP {
		t.Fatalf("email otp %+v", st)
	}
	viaEmail := must(e.Login("alice@example.com", password, nil)).Challenge
	s.drain()
	noErr(t, e.SendEmailOTP(viaEmail.Challenge))
	otp := s.event(commerce.TopicUserOTPRequested, "alice@example.com").PayloadString("code")
	if len(otp) != 6 {
		t.Fatalf("otp %q", otp)
	}
	must(e.CompleteLogin(viaEmail.Challenge, commerce.MethodEmailOTP, otp, nil))

	expectErr(t, e.DisableMFA(sess, "wrong password"), commerce.ErrUnauthorized)
	noErr(t, e.DisableMFA(sess, password))
	s.login("alice@example.com", password)
}

func TestSessionExpiry(t *testing.T) {
	s := newShop(t, &commerce.IdentityConfig{SessionIdleSeconds: 600, SessionAbsoluteSeconds: 3600})
	e := s.e
	s.customer("alice@example.com")
	sess := s.login("alice@example.com", password)
	if !sess.ExpiresAt.Equal(at(s.now+3600_000)) || !sess.IdleExpiresAt.Equal(at(s.now+600_000)) {
		t.Fatalf("expiry %+v", sess)
	}
	for i := 0; i < 7; i++ { // used every 500 s: never idle, 3500 s old
		s.advance(500 * time.Second)
		must(e.Me(sess.Token))
	}
	s.advance(200 * time.Second)
	_, err := e.Me(sess.Token)
	expectErr(t, err, commerce.ErrUnauthorized)
	idle := s.login("alice@example.com", password)
	s.advance(601 * time.Second)
	_, err = e.Me(idle.Token)
	expectErr(t, err, commerce.ErrUnauthorized)
}

func TestLogoutOthersAndClock(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	_, a := s.customer("alice@example.com")
	b := s.login("alice@example.com", password).Token
	noErr(t, e.LogoutOthers(a))
	must(e.Me(a))
	_, err := e.Me(b)
	expectErr(t, err, commerce.ErrUnauthorized)

	expectErr(t, e.SetTime(at(s.now-1)), commerce.ErrInvalidArgument)
	expectErr(t, e.AdvanceTime(-time.Millisecond), commerce.ErrInvalidArgument)
	noErr(t, e.SetTime(at(s.now+1000)))
	noErr(t, e.AdvanceTime(time.Second))
	system := must(commerce.OpenJSON(memoryConfig))
	defer system.Close()
	expectErr(t, system.SetTime(time.Now()), commerce.ErrMisuse)
}

func TestAdminUsersRolesAudit(t *testing.T) {
	s := newShop(t, nil)
	e, admin := s.e, s.admin
	for i := 1; i <= 3; i++ {
		must(e.RegisterUser(fmt.Sprintf("ada%d@example.com", i), password))
	}
	bob, bobSess := s.customer("bob@example.com")

	page := must(e.ListUsers(admin, &commerce.UserListQuery{Search: "ada", Limit: 2}))
	if page.Type != "user_list" || len(page.Items) != 2 || page.Next == nil {
		t.Fatalf("page %+v", page)
	}
	rest := must(e.ListUsers(admin, &commerce.UserListQuery{Search: "ada", Limit: 2, After: *page.Next}))
	if len(rest.Items) != 1 || rest.Next != nil {
		t.Fatalf("rest %+v", rest)
	}
	if got := must(e.GetUser(admin, bob.ID)); got.Email != "bob@example.com" {
		t.Fatalf("get %+v", got)
	}

	_, err := e.ListUsers(bobSess, nil)
	if ce := expectErr(t, err, commerce.ErrForbidden); ce.Details["required_permission"] != "users.read" {
		t.Fatalf("details %v", ce.Details)
	}
	_, err = e.SuspendUser(bobSess, s.adminUser.ID, "")
	expectErr(t, err, commerce.ErrForbidden)
	_, err = e.DefineRole(bobSess, commerce.RoleInput{Name: "x", Permissions: []string{}})
	expectErr(t, err, commerce.ErrForbidden)
	_, err = e.ListAudit(bobSess, nil)
	expectErr(t, err, commerce.ErrForbidden)
	_, err = e.ReportLogins(bobSess, commerce.LoginReportQuery{From: today, To: today})
	expectErr(t, err, commerce.ErrForbidden)

	if u := must(e.SuspendUser(admin, bob.ID, "chargebacks")); u.Status != "suspended" {
		t.Fatalf("suspended %+v", u)
	}
	_, err = e.Me(bobSess)
	expectErr(t, err, commerce.ErrUnauthorized)
	_, err = e.Login("bob@example.com", password, nil)
	if ce := expectErr(t, err, commerce.ErrForbidden); ce.Details["reason"] != "suspended" {
		t.Fatalf("details %v", ce.Details)
	}
	if u := must(e.UnsuspendUser(admin, bob.ID)); u.Status != "active" {
		t.Fatalf("unsuspended %+v", u)
	}
	s.login("bob@example.com", password)

	staff := must(e.SetRoles(admin, bob.ID, []string{"customer", "staff"}))
	if !staff.HasRole("staff") || !staff.HasPermission("catalog.write") || !sort.StringsAreSorted(staff.Permissions) {
		t.Fatalf("staff %+v", staff)
	}
	role := must(e.DefineRole(admin, commerce.RoleInput{Name: "support", Description: "Support desk",
		Permissions: []string{"orders.read", "users.read"}}))
	if role.Type != "role" || role.Builtin || !reflect.DeepEqual(role.Permissions, []string{"orders.read", "users.read"}) {
		t.Fatalf("role %+v", role)
	}
	roles := must(e.ListRoles(admin))
	for _, name := range []string{"admin", "staff", "vendor", "customer", "support"} {
		if _, ok := roles.Find(name); !ok {
			t.Fatalf("role %s missing from %+v", name, roles)
		}
	}
	if r, _ := roles.Find("admin"); !r.Builtin {
		t.Fatalf("admin is built in")
	}
	must(e.SetRoles(admin, bob.ID, []string{"support"}))
	expectErr(t, e.DeleteRole(admin, "support"), commerce.ErrIllegalState)
	must(e.SetRoles(admin, bob.ID, []string{"customer"}))
	noErr(t, e.DeleteRole(admin, "support"))
	if _, ok := must(e.ListRoles(admin)).Find("support"); ok {
		t.Fatalf("support still defined")
	}

	noErr(t, e.ForcePasswordReset(admin, bob.ID))
	if ev := s.event(commerce.TopicUserPasswordResetRequested, "bob@example.com"); ev.PayloadString("reason") != "forced" {
		t.Fatalf("forced reset %+v", ev)
	}
	if u := must(e.GetUser(admin, bob.ID)); !u.PasswordResetRequired {
		t.Fatalf("reset not required %+v", u)
	}

	audit := must(e.ListAudit(admin, nil))
	found := false
	for _, entry := range audit.Items {
		found = found || entry.Action == "user.suspend"
	}
	if audit.Type != "audit_list" || !found {
		t.Fatalf("audit %+v", audit)
	}
	suspends := must(e.ListAudit(admin, &commerce.AuditQuery{Action: "user.suspend"})).Items
	if len(suspends) != 1 || suspends[0].TargetID != bob.ID || suspends[0].ActorID == nil ||
		*suspends[0].ActorID != s.adminUser.ID {
		t.Fatalf("suspends %+v", suspends)
	}
}

func TestReportLogins(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	s.customer("alice@example.com")
	q := commerce.LoginReportQuery{From: today, To: today}
	before := must(e.ReportLogins(s.admin, q))
	s.login("alice@example.com", password)
	s.login("alice@example.com", password)
	_, err := e.Login("alice@example.com", "wrong password", nil)
	expectErr(t, err, commerce.ErrUnauthorized)
	after := must(e.ReportLogins(s.admin, q))
	if after.Type != "login_report" || after.Totals.Logins != before.Totals.Logins+2 ||
		after.Totals.Failures != before.Totals.Failures+1 || len(after.Days) != 1 || after.Days[0].Date != today {
		t.Fatalf("report before %+v after %+v", before, after)
	}
}

func TestExportAndErase(t *testing.T) {
	s := newShop(t, nil)
	e, admin := s.e, s.admin
	product := must(e.CreateProduct(admin, commerce.NewProduct{SKU: "SOAP", Title: "Soap",
		Prices: []commerce.Money{eur("2.50")}, Stock: 5}))
	alice, sess := s.customer("alice@example.com")
	must(e.AddAddress(sess, home))
	cart := must(e.CreateCart(sess, "EUR"))
	cart = must(e.AddItem(sess, cart.ID, product.ID, 2))
	order := must(e.PlaceOrder(sess, cart.ID, commerce.PlaceOrderRequest{
		Payment: commerce.PaymentRequest{Method: "manual", Kind: "cash_on_delivery"}}))

	ex := must(e.ExportUser(sess, ""))
	if ex.Type != "user_export" || ex.User.Email != "alice@example.com" || len(ex.Addresses) != 1 ||
		len(ex.Orders) != 1 || ex.Orders[0].ID != order.ID || len(ex.Sessions) == 0 || len(ex.LoginEvents) == 0 {
		t.Fatalf("export %+v", ex)
	}
	if got := must(e.ExportUser(admin, alice.ID)); got.User.ID != alice.ID {
		t.Fatalf("admin export %+v", got.User)
	}
	_, bob := s.customer("bob@example.com")
	_, err := e.ExportUser(bob, alice.ID)
	expectErr(t, err, commerce.ErrForbidden)

	noErr(t, e.EraseUser(sess, ""))
	_, err = e.Me(sess)
	expectErr(t, err, commerce.ErrUnauthorized)
	erased := must(e.GetUser(admin, alice.ID))
	if erased.Status != "erased" || strings.Contains(string(must(json.Marshal(erased))), "alice@example.com") {
		t.Fatalf("erased %+v", erased)
	}
	if l := must(e.ListUsers(admin, &commerce.UserListQuery{Search: "alice"})); len(l.Items) != 0 {
		t.Fatalf("erased user still found: %+v", l)
	}
	if got := must(e.GetOrder(admin, order.ID)); got.ID != order.ID {
		t.Fatalf("order %+v", got)
	}
}

func TestOutboxAckFail(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	must(e.RegisterUser("carol@example.com", password))
	reg := &commerce.OutboxQuery{Topics: []string{commerce.TopicUserRegistered}, LeaseSeconds: 60}
	batch := must(e.FetchOutbox(reg))
	if len(batch.Events) != 1 || batch.Events[0].Topic != commerce.TopicUserRegistered {
		t.Fatalf("batch %+v", batch)
	}
	ev := batch.Events[0]
	if b := must(e.FetchOutbox(reg)); len(b.Events) != 0 {
		t.Fatalf("a leased event was handed out again")
	}
	noErr(t, e.FailEvent(ev.ID, "smtp: connection refused"))
	if b := must(e.FetchOutbox(reg)); len(b.Events) != 0 {
		t.Fatalf("a failed event was handed out before its backoff")
	}
	s.advance(time.Hour + time.Second)
	b := must(e.FetchOutbox(reg))
	if len(b.Events) != 1 || b.Events[0].ID != ev.ID || b.Events[0].Attempts != 1 {
		t.Fatalf("retry %+v", b)
	}
	noErr(t, e.AckEvent(ev.ID))
	noErr(t, e.AckEvent(ev.ID)) // twice is fine
	s.advance(2 * time.Hour)
	if b := must(e.FetchOutbox(reg)); len(b.Events) != 0 {
		t.Fatalf("an acknowledged event came back: %+v", b)
	}
}

func TestSocialLogin(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	first := must(e.SocialLogin("google", "g-1", &commerce.SocialProfile{Email: "sam@example.com",
		EmailVerified: true, Name: "Sam", IP: "203.0.113.7"}))
	if first.Session == nil {
		t.Fatalf("social login %+v", first)
	}
	sam := must(e.Me(first.Session.Token))
	if sam.Email != "sam@example.com" {
		t.Fatalf("sam %+v", sam)
	}
	if again := must(e.SocialLogin("google", "g-1", nil)); again.Session == nil || again.Session.UserID != sam.ID {
		t.Fatalf("again %+v", again)
	}
	expectErr(t, e.UnlinkIdentity(first.Session.Token, "google", "g-1"), commerce.ErrIllegalState)
	alice, sess := s.customer("alice@example.com")
	expectErr(t, e.LinkIdentity(sess, "google", "g-1"), commerce.ErrExists)
	_, err := e.SocialLogin("github", "gh-9", &commerce.SocialProfile{Email: "alice@example.com"})
	expectErr(t, err, commerce.ErrExists)
	noErr(t, e.LinkIdentity(sess, "github", "gh-9"))
	if r := must(e.SocialLogin("github", "gh-9", nil)); r.Session == nil || r.Session.UserID != alice.ID {
		t.Fatalf("linked login %+v", r)
	}
	noErr(t, e.UnlinkIdentity(sess, "github", "gh-9"))
}

func TestJWT(t *testing.T) {
	s := newShop(t, &commerce.IdentityConfig{JWT: &commerce.JWTConfig{
		Keys: []commerce.JWTKey{{Kid: "k1", Secret: jwtSecret}}, SigningKid: "k1"}})
	e := s.e
	alice, _ := s.customer("alice@example.com")
	sess := s.login("alice@example.com", password)
	if strings.Count(sess.AccessToken, ".") != 2 || sess.AccessTokenExpiresAt == nil {
		t.Fatalf("session without an access token: %+v", sess)
	}
	tok := must(e.IssueAccessToken(sess.Token))
	if tok.Type != "access_token" || tok.Kid != "k1" || !tok.ExpiresAt.Equal(at(s.now+900_000)) {
		t.Fatalf("token %+v", tok)
	}
	claims := must(e.VerifyAccessToken(tok.Token))
	if claims.Type != "access_token_claims" || claims.Sub != alice.ID || claims.Kid != "k1" || claims.Iss != "commerce" ||
		claims.Iat != s.now/1000 || claims.Exp-claims.Iat != 900 || !claims.ExpiresAt().Equal(at(s.now+900_000)) {
		t.Fatalf("claims %+v", claims)
	}
	if c := must(e.VerifyAccessToken(sess.AccessToken)); c.Sub != alice.ID {
		t.Fatalf("login token claims %+v", c)
	}

	parts := strings.Split(tok.Token, ".")
	sig := []byte(parts[2])
	if sig[len(sig)-2] == 'A' {
		sig[len(sig)-2] = 'B'
	} else {
		sig[len(sig)-2] = 'A'
	}
	_, err := e.VerifyAccessToken(parts[0] + "." + parts[1] + "." + string(sig))
	expectErr(t, err, commerce.ErrUnauthorized)
	body := map[string]any{}
	noErr(t, json.Unmarshal(must(base64.RawURLEncoding.DecodeString(parts[1])), &body))
	body["sub"] = s.adminUser.ID
	forged := base64.RawURLEncoding.EncodeToString(must(json.Marshal(body)))
	_, err = e.VerifyAccessToken(parts[0] + "." + forged + "." + parts[2])
	expectErr(t, err, commerce.ErrUnauthorized)
	_, err = e.VerifyAccessToken("not-a-jwt")
	expectErr(t, err, commerce.ErrUnauthorized)
	s.advance(901 * time.Second)
	_, err = e.VerifyAccessToken(tok.Token)
	if ce := expectErr(t, err, commerce.ErrUnauthorized); ce.Details["reason"] == nil {
		t.Fatalf("no reason: %v", ce.Details)
	}

	plain := newShop(t, nil)
	_, err = plain.e.IssueAccessToken(plain.admin)
	expectErr(t, err, commerce.ErrMisuse)
}

func TestIdentityBadInput(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	before := s.userCount()
	for _, email := range []string{"not-an-email", "", "a@", "@example.com", "two@@example.com", "\xff@example.com"} {
		_, err := e.RegisterUser(email, password)
		if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "email" {
			t.Fatalf("%q: details %v", email, ce.Details)
		}
	}
	for _, pw := range []string{"", "short", strings.Repeat("x", 10240), "\xff\xff\xff\xff\xff\xff\xff\xff", "password"} {
		_, err := e.RegisterUser("eve@example.com", pw)
		ce := expectErr(t, err, commerce.ErrInvalidArgument)
		if ce.Details["field"] != "password" || (pw == "password" && ce.Details["reason"] != "common") {
			t.Fatalf("password %.10q: details %v", pw, ce.Details)
		}
	}
	s.nothingWritten(before)

	_, sess := s.customer("alice@example.com")
	before = s.userCount()
	me := must(e.Me(sess))
	_, err := e.Login("\xff", password, nil)
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.Login("alice@example.com", strings.Repeat("x", 10240), nil)
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.UpdateProfile(sess, "{\"name\":\"\xff\"}")
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.UpdateProfile(sess, commerce.ProfilePatch{Name: commerce.Ptr("bad \xff")}) // refused by the binding
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "patch.Name" {
		t.Fatalf("details %v", ce.Details)
	}
	_, err = e.UpdateProfile(sess, `{"locale": 42}`)
	expectErr(t, err, commerce.ErrInvalidArgument)
	expectErr(t, e.ChangePassword(sess, password, ""), commerce.ErrInvalidArgument)
	expectErr(t, e.ChangePassword(sess, password, strings.Repeat("x", 10240)), commerce.ErrInvalidArgument)
	_, err = e.AddAddress(sess, "{\"line1\":\"\xff\",\"city\":\"Bern\",\"country\":\"CH\"}")
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.Login("alice@example.com", password, &commerce.LoginContext{UserAgent: "bad \xff"})
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.VerifyEmail("abc\x00def")
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "token" {
		t.Fatalf("details %v", ce.Details)
	}
	_, err = e.SetRoles(s.admin, me.ID, []string{"bad \xff"})
	expectErr(t, err, commerce.ErrInvalidArgument)
	if after := must(e.Me(sess)); !reflect.DeepEqual(after, me) {
		t.Fatalf("user changed: %+v", after)
	}
	if l := must(e.ListAddresses(sess)); len(l.Items) != 0 {
		t.Fatalf("addresses %+v", l)
	}
	s.nothingWritten(before)
}

func TestClosedEngineIdentity(t *testing.T) {
	e := must(commerce.OpenJSON(memoryConfig))
	e.Close()
	_, err := e.FetchOutbox(nil)
	expectErr(t, err, commerce.ErrMisuse)
	expectErr(t, e.AdvanceTime(time.Second), commerce.ErrMisuse)
	_, err = e.SocialLogin("google", "g-1", nil)
	expectErr(t, err, commerce.ErrMisuse)
	_, err = e.ListRoles("s")
	expectErr(t, err, commerce.ErrMisuse)
}
