package com.certportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.demo.DemoSignIns;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal as someone trying it gets it: no profile, no datasource settings, so the embedded H2
 * file database (PostgreSQL mode) with the demo data. Only the data directory moves, into target/,
 * so that the test never touches ./data. Signs in through the real form over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultSmokeTest {

    private static final Path DATA_DIR =
            Path.of("target", "h2-smoke-" + UUID.randomUUID()).toAbsolutePath();
    private static final Pattern CSRF_FIELD = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final Pattern NO_SERVER_NOTE =
            Pattern.compile("<h1>[^<]*</h1>\\s*<p class=\"alert alert-info\">([^<]*)</p>");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("certportal.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void runsOnTheEmbeddedH2FileDatabaseInTheConfiguredDirectory() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            assertThat(database.getDatabaseProductName()).isEqualTo("H2");
            assertThat(database.getURL()).startsWith("jdbc:h2:file:" + DATA_DIR);
        }
    }

    @Test
    void theOrderListAsksAVisitorToSignIn() throws Exception {
        HttpResponse<String> orders = get("/orders");
        assertThat(orders.statusCode()).isEqualTo(302);
        assertThat(orders.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void adminSignsInThroughTheFormAndSeesTheDemoOrders() throws Exception {
        HttpResponse<String> signIn = signIn("admin@example.com");
        // L1: sign-in leads to the order list.
        assertThat(signIn.statusCode()).isEqualTo(302);
        String location = signIn.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).isEqualTo("/orders");

        HttpResponse<String> orders = get("/orders");
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body())
                .contains("pending-ov.example.com", "issued-29d-card.example.com", "revoked-60d.example.com")
                .contains("佐藤 花子")
                .doesNotContain("other-issued.example.org");
    }

    /**
     * Issue 9, finding 6 (T2): with no mail server, as here, the Mail page tells an administrator that
     * mails wait, queued, until the portal's operator sets one up; it names no configuration key.
     */
    @Test
    void withoutAMailServerTheMailPageSaysMailsAreQueuedWithoutNamingConfigurationKeys() throws Exception {
        signIn("admin@example.com");

        HttpResponse<String> english = get("/mail", "en");
        HttpResponse<String> japanese = get("/mail", "ja");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(noServerNote(english.body())).contains("queued").doesNotContain("spring.", "host");
        assertThat(english.body()).doesNotContain("spring.mail");
        assertThat(japanese.statusCode()).isEqualTo(200);
        assertThat(noServerNote(japanese.body())).contains("送信待ち").doesNotContain("spring.", "host");
        assertThat(japanese.body()).doesNotContain("spring.mail");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    /** Signs in through the form, as a visitor who first opens the sign-in page. */
    private HttpResponse<String> signIn(String email) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = get("/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("name=\"username\"", "name=\"password\"");
        return postForm(
                "/login",
                Map.of("username", email, "password", DemoSignIns.PASSWORD, "_csrf", csrfToken(loginPage.body())));
    }

    /** The Mail page's note on the missing mail server. */
    private static String noServerNote(String mailPage) {
        Matcher note = NO_SERVER_NOTE.matcher(mailPage);
        assertThat(note.find()).as("the note that no mail server is set up").isTrue();
        return note.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "en");
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Accept-Language", language)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
