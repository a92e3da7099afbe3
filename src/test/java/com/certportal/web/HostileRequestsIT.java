package com.certportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.demo.DemoSignIns;
import com.certportal.support.BrowserJourneyTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.LogCapture;
import com.certportal.support.OrderForm;
import com.certportal.support.RawHttp;
import com.certportal.support.RawHttp.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, findings 1 and 3, against the real server (Tomcat's own parsing and redirects included):
 * a hostile or broken client gets a 4xx answer, never a 500, and leaves no server error in the log; the
 * Host header is never reflected in a redirect; what the actuator and /error show.
 */
class HostileRequestsIT extends BrowserJourneyTest {

    /** Issue 10: the session cookie of the shared sessions (server.servlet.session.cookie.name). */
    private static final String SESSION_COOKIE = "certportal-session";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile(SESSION_COOKIE + "=([^;]+)");

    private LogCapture log;

    @BeforeEach
    void captureLog() {
        log = LogCapture.capture();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    /** Finding 1: the cookie is ignored (the browser's language is used) and cleared; nothing is a 500. */
    @ParameterizedTest(name = "certportal-lang={0}")
    @ValueSource(strings = {"%3C", "ja%0d", "ja%", "%E3%81", "x-\"y\"", "en_ZZZZZZZZZZ"})
    void aMalformedLanguageCookieIsIgnoredAndClearedOnEveryKindOfPage(String cookie) {
        for (String path : List.of("/login", "/orders", "/actuator/health", "/css/app.css", "/no-such-page")) {
            Response response = RawHttp.get(port(), path, "Cookie: certportal-lang=" + cookie, "Accept-Language: ja");

            assertThat(response.status()).as(path).isLessThan(500);
            assertThat(response.headers("set-cookie"))
                    .as(path + " clears the cookie")
                    .anySatisfy(
                            c -> assertThat(c).startsWith("certportal-lang=;").contains("Max-Age=0"));
        }
        Response login = RawHttp.get(port(), "/login", "Cookie: certportal-lang=" + cookie, "Accept-Language: ja");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("<html lang=\"ja\">");
        assertThat(log.serverErrors()).isEmpty();
    }

    @Test
    void aValidLanguageCookieIsKept() {
        Response response = RawHttp.get(port(), "/login", "Cookie: certportal-lang=ja", "Accept-Language: en");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<html lang=\"ja\">");
        assertThat(response.headers("set-cookie"))
                .noneSatisfy(c -> assertThat(c).startsWith("certportal-lang="));
    }

    /** Finding 1: broken percent-encoding is the client's mistake, a 400, not a logged server error. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/orders?q=%zz", "/login?lang=%E3%81", "/orders?q=%E3%81%", "/orders/%zz", "/login?%=x"})
    void badPercentEncodingIsABadRequestAndNoServerError(String target) {
        Response response = RawHttp.get(port(), target);

        assertThat(response.status()).as(target).isBetween(400, 499);
        assertThat(log.serverErrors()).isEmpty();
    }

    /** Finding 1: a form body beyond Tomcat's limit is refused without a server error. */
    @Test
    void anOversizedFormBodyIsRefusedWithoutAServerError() {
        byte[] body = ("username=a%40example.com&password=" + "x".repeat(3 * 1024 * 1024))
                .getBytes(StandardCharsets.US_ASCII);

        Response response =
                RawHttp.send(port(), "POST", "/login", body, "Content-Type: application/x-www-form-urlencoded");

        assertThat(response.status()).isBetween(400, 499);
        assertThat(log.serverErrors()).isEmpty();
    }

    /**
     * O1, O2, issue 6: a CSR file of a mebibyte (a key, an archive, anything but a CSR) sent to the request
     * form. Within Tomcat's multipart limit (1 MiB) the form says why on the CSR field (400); beyond it, the
     * translated "file too large" page (413). Never a 500 or a blank answer, and nothing is stored.
     */
    @ParameterizedTest(name = "{0} bytes")
    @CsvSource(
            delimiter = '|',
            value = {
                "1048576 | 400 | The file is larger than 64 KiB, so it cannot be a CSR.",
                "1048577 | 413 | <title>The file is too large | CertPortal</title>"
            })
    void aCsrFileOfAMebibyteIsRefusedAsTheClientsMistake_O2(int size, int status, String shown) {
        TestAccount account = fixtures.newAccount();
        String session = signedInSession(account.admin().email(), "secret");
        Response form = RawHttp.get(port(), "/orders/new", cookie(session), "Accept-Language: en");
        assertThat(form.status()).isEqualTo(200);
        String boundary = "----certportal" + size;
        byte[] upload = new byte[size];
        Arrays.fill(upload, (byte) 'A');
        long ordersBefore = fixtures.countOrders(account.id());

        Response response = RawHttp.send(
                port(),
                "POST",
                "/orders/new",
                multipart(
                        boundary,
                        upload,
                        OrderForm.submitting("")
                                .without("csr")
                                .with("_csrf", csrf(form))
                                .pairs()),
                cookie(session),
                "Accept-Language: en",
                "Content-Type: multipart/form-data; boundary=" + boundary);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.body()).contains(shown).doesNotContain("Exception");
        assertThat(fixtures.countOrders(account.id())).isEqualTo(ordersBefore);
        assertThat(log.serverErrors()).isEmpty();
    }

    /** Finding 3: the entry point's redirect to the sign-in page does not name the forged host. */
    @Test
    void theRedirectToSignInDoesNotReflectAForgedHost() {
        Response response = RawHttp.get(port(), "/orders?status=issued", "Host: evil.example");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("location")).isEqualTo("/login");
    }

    /** Finding 3: neither the way back to a bookmarked page after sign-in nor sign-out names the forged host. */
    @Test
    void signingInAndOutUnderAForgedHostRedirectsRelatively() {
        String host = "Host: evil.example";
        Response bookmarked = RawHttp.get(port(), "/orders?status=issued&q=shop", host);
        String session = session(bookmarked);
        Response loginPage = RawHttp.get(port(), "/login", host, "Cookie: " + SESSION_COOKIE + "=" + session);
        String token = csrf(loginPage);

        Response signedIn = RawHttp.send(
                port(),
                "POST",
                "/login",
                form("username", "user@example.com", "password", DemoSignIns.PASSWORD, "_csrf", token),
                host,
                "Cookie: " + SESSION_COOKIE + "=" + session,
                "Content-Type: application/x-www-form-urlencoded");

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("location")).isEqualTo("/orders?status=issued&q=shop");
        String signedInSession = session(signedIn);
        Response page = RawHttp.get(port(), "/orders", host, "Cookie: " + SESSION_COOKIE + "=" + signedInSession);
        assertThat(page.status()).isEqualTo(200);

        Response signedOut = RawHttp.send(
                port(),
                "POST",
                "/logout",
                form("_csrf", csrf(page)),
                host,
                "Cookie: " + SESSION_COOKIE + "=" + signedInSession,
                "Content-Type: application/x-www-form-urlencoded");
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("location")).isEqualTo("/login?signed-out");
    }

    @Test
    void aFailedSignInUnderAForgedHostRedirectsRelatively() {
        String host = "Host: evil.example";
        Response loginPage = RawHttp.get(port(), "/login", host);
        Response failed = RawHttp.send(
                port(),
                "POST",
                "/login",
                form("username", "nobody@example.com", "password", "wrong", "_csrf", csrf(loginPage)),
                host,
                "Cookie: " + SESSION_COOKIE + "=" + session(loginPage),
                "Content-Type: application/x-www-form-urlencoded");

        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.header("location")).isEqualTo("/login?error");
    }

    /** Finding 3: the actuator answers health and nothing else, without listing its endpoints, to anyone. */
    @Test
    void theActuatorShowsHealthOnly() {
        Response health = RawHttp.get(port(), "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");

        String signedIn = signedInSession("admin@example.com");
        for (String path : List.of("/actuator", "/actuator/", "/actuator/info", "/actuator/env", "/actuator/beans")) {
            Response response = RawHttp.get(port(), path, "Cookie: " + SESSION_COOKIE + "=" + signedIn);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("_links", "href");
        }
    }

    /** Finding 3: /error asked for directly is the "not found" page, not an error page with status 999 or 200. */
    @Test
    void theErrorPathAskedForDirectlyIsTheNotFoundPage() {
        Response response = RawHttp.get(port(), "/error", "Accept-Language: en", "Accept: text/html");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("<title>Not found | CertPortal</title>");
        assertThat(log.serverErrors()).isEmpty();
    }

    /** Finding 3: the headers of a page, as the browser receives them. */
    @Test
    void pagesCarryTheSecurityHeaders() {
        Response response = RawHttp.get(port(), "/login");

        assertThat(response.header("content-security-policy"))
                .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                        + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        assertThat(response.header("referrer-policy")).isEqualTo("same-origin");
        assertThat(response.header("permissions-policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
    }

    private String signedInSession(String email) {
        return signedInSession(email, DemoSignIns.PASSWORD);
    }

    private String signedInSession(String email, String password) {
        Response loginPage = RawHttp.get(port(), "/login");
        Response signedIn = RawHttp.send(
                port(),
                "POST",
                "/login",
                form("username", email, "password", password, "_csrf", csrf(loginPage)),
                "Cookie: " + SESSION_COOKIE + "=" + session(loginPage),
                "Content-Type: application/x-www-form-urlencoded");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("location")).isEqualTo("/orders");
        return session(signedIn);
    }

    private static byte[] form(String... nameValuePairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (i > 0) {
                form.append('&');
            }
            form.append(nameValuePairs[i])
                    .append('=')
                    .append(java.net.URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String cookie(String session) {
        return "Cookie: " + SESSION_COOKIE + "=" + session;
    }

    /** A multipart form: the fields, then {@code csrFile} holding {@code file}. */
    private static byte[] multipart(String boundary, byte[] file, String... nameValuePairs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + nameValuePairs[i]
                            + "\"\r\n\r\n" + nameValuePairs[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"csrFile\"; filename=\"www.csr\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static String csrf(Response page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("csrf token in page").isTrue();
        return matcher.group(1);
    }

    private static String session(Response response) {
        return response.headers("set-cookie").stream()
                .map(SESSION::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }
}
