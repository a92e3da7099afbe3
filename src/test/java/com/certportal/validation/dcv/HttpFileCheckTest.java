package com.certportal.validation.dcv;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.support.LocalHttpFileServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** V1 file method against a local web server reached through a resolve override. */
class HttpFileCheckTest {

    private static final String NAME = "www.example.com";
    private static final String TOKEN = "9c1f0e7a4b2d4f6e8a0b1c2d3e4f5a6b";

    private final LocalHttpFileServer files = LocalHttpFileServer.start();

    @AfterEach
    void stopServer() {
        files.stop();
    }

    @Test
    void theTokenAsTheFilePasses() {
        files.serve(TOKEN + "\n");

        CheckResult result = checkAt(files.port()).check(NAME, TOKEN);

        assertThat(result).isEqualTo(CheckResult.pass());
        assertThat(result.messageKey()).isEqualTo("validation.check.passed");
    }

    @Test
    void theTokenOnAnyLineWithSurroundingSpacesPasses() {
        files.serve("\uFEFFfirst line\r\n   " + TOKEN + "  \r\nlast line");

        assertThat(checkAt(files.port()).check(NAME, TOKEN).passed()).isTrue();
    }

    @Test
    void aFileWithoutTheTokenIsWrongContent() {
        files.serve("another-token\n");

        assertThat(checkAt(files.port()).check(NAME, TOKEN)).isEqualTo(CheckResult.fail(CheckResult.WRONG_CONTENT));
    }

    @Test
    void theTokenInsideALongerLineIsWrongContent() {
        files.serve("token=" + TOKEN + "\n");

        assertThat(checkAt(files.port()).check(NAME, TOKEN).outcomeKey()).isEqualTo(CheckResult.WRONG_CONTENT);
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThat(checkAt(files.port()).check(NAME, TOKEN)).isEqualTo(CheckResult.fail(CheckResult.NOT_FOUND));
    }

    @Test
    void theServerSeesTheNameAsHostNotTheAddressNorThePort() {
        files.serve(NAME, TOKEN);

        assertThat(checkAt(files.port()).check(NAME, TOKEN).passed()).isTrue();
        assertThat(files.hostsSeen()).containsExactly(NAME);
    }

    @Test
    void aWildcardIsCheckedOnItsBaseDomain() {
        files.serve("example.com", TOKEN);
        HttpFileCheck check =
                new HttpFileCheck(properties(files.port(), "example.com:127.0.0.1", Duration.ofSeconds(2)));

        assertThat(check.check("*.example.com", TOKEN).passed()).isTrue();
        assertThat(files.hostsSeen()).containsExactly("example.com");
        assertThat(HttpFileCheck.url("*.example.com"))
                .isEqualTo("http://example.com/.well-known/pki-validation/fileauth.txt");
    }

    @Test
    void theFileMethodIsNotSuitableForAWildcard() {
        assertThat(HttpFileCheck.suitableFor("*.example.com")).isFalse();
        assertThat(HttpFileCheck.suitableFor("www.example.com")).isTrue();
    }

    @Test
    void onlyTheFirst8KiBAreReadSoATokenAfterThemIsNotSeen() {
        String filler = "x".repeat(100) + "\n";
        files.serve(filler.repeat(90) + TOKEN + "\n");

        assertThat(checkAt(files.port()).check(NAME, TOKEN).outcomeKey()).isEqualTo(CheckResult.WRONG_CONTENT);

        files.serve(TOKEN + "\n" + filler.repeat(90));
        assertThat(checkAt(files.port()).check(NAME, TOKEN).passed()).isTrue();
    }

    /** BR 3.2.2.4.18 allows redirects only under conditions; the check stays strict and follows none. */
    @Test
    void aRedirectIsNotFollowed() throws IOException {
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirecting.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().equals("/token.txt")) {
                    respond(exchange, 200, TOKEN);
                } else {
                    exchange.getResponseHeaders().set("Location", "/token.txt");
                    exchange.sendResponseHeaders(302, -1);
                }
            }
        });
        redirecting.start();
        try {
            assertThat(checkAt(redirecting.getAddress().getPort())
                            .check(NAME, TOKEN)
                            .outcomeKey())
                    .isEqualTo(CheckResult.NOT_FOUND);
        } finally {
            redirecting.stop(0);
        }
    }

    @Test
    void aChunkedResponseIsRead() throws IOException {
        HttpServer chunked = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        chunked.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 0); // length unknown: chunked transfer coding
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("first\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    out.write((TOKEN + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
        });
        chunked.start();
        try {
            assertThat(checkAt(chunked.getAddress().getPort())
                            .check(NAME, TOKEN)
                            .passed())
                    .isTrue();
        } finally {
            chunked.stop(0);
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(checkAt(closedPort).check(NAME, TOKEN)).isEqualTo(CheckResult.fail(CheckResult.UNREACHABLE));
    }

    /** The kernel completes the connection for a listening socket that never accepts: no answer comes. */
    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOutWithinTheReadTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            HttpFileCheck check =
                    new HttpFileCheck(properties(silent.getLocalPort(), NAME + ":127.0.0.1", Duration.ofMillis(800)));

            long started = System.nanoTime();
            CheckResult result = check.check(NAME, TOKEN);

            assertThat(result).isEqualTo(CheckResult.fail(CheckResult.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static HttpFileCheck checkAt(int port) {
        return new HttpFileCheck(properties(port, NAME + ":127.0.0.1", Duration.ofSeconds(2)));
    }

    private static ValidationProperties properties(int port, String resolve, Duration readTimeout) {
        return new ValidationProperties(
                port, List.of(resolve), "", Duration.ofSeconds(1), readTimeout, Duration.ofSeconds(1));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
