package com.certportal.validation.dcv;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * V1 file method (Baseline Requirements 3.2.2.4.18): the token must be a line of
 * {@code http://{name}/.well-known/pki-validation/fileauth.txt}.
 *
 * <p>The request is a minimal HTTP/1.1 GET written over a plain {@link Socket} rather than the JDK
 * {@code HttpClient}: a {@code resolve} override must connect to one address while the
 * {@code Host} header names the domain, and the JDK client only allows setting {@code Host} through
 * the JVM-wide {@code jdk.httpclient.allowRestrictedHeaders} property, read once when the client
 * classes load, so it would silently depend on start-up order and change every other client in the
 * process. The socket also gives what the rule needs and a client hides: one deadline for the whole
 * response, a hard cap on what is read, and no redirect handling at all.
 *
 * <p>Redirects are not followed: BR 3.2.2.4.18 allows them only within the same host's scheme and
 * port limits, and a 3xx counts as "file not found" here, which keeps the check strict.
 *
 * <p>The {@code Host} header is the bare name even when {@code certportal.validation.http-port} is not
 * 80: the port setting stands in for port 80 (tests, the demo), so the server must see the request a
 * real check would send.
 */
public class HttpFileCheck {

    public static final String PATH = "/.well-known/pki-validation/fileauth.txt";

    /** At most this much of the file is read; a token file is one short line. */
    static final int MAX_BODY_BYTES = 8 * 1024;

    private static final int MAX_HEAD_BYTES = 8 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final int port;
    private final Map<String, List<InetAddress>> overrides;
    private final int connectTimeoutMillis;
    private final long readTimeoutNanos;

    public HttpFileCheck(ValidationProperties properties) {
        this.port = properties.httpPort();
        this.overrides = properties.resolveOverrides();
        this.connectTimeoutMillis =
                (int) Math.max(1, properties.connectTimeout().toMillis());
        this.readTimeoutNanos = properties.readTimeout().toNanos();
    }

    /**
     * Whether the file method may validate {@code dnsName}: BR 3.2.2.4.18 says it is "NOT suitable for
     * validating Wildcard Domain Names", so a wildcard should be offered email or DNS only, even though
     * {@link #check} would look at the base domain's file.
     */
    public static boolean suitableFor(String dnsName) {
        return !dnsName.startsWith("*.");
    }

    /** The URL the customer publishes the token at, for the page's instructions (V4). */
    public static String url(String dnsName) {
        return "http://" + ApproverEmails.baseDomain(dnsName) + PATH;
    }

    /**
     * Fetches the file of {@code dnsName} (its base domain for a wildcard) and passes when a line of
     * it, trimmed, equals {@code token}.
     */
    public CheckResult check(String dnsName, String token) {
        String host = ApproverEmails.baseDomain(dnsName).toLowerCase(Locale.ROOT);
        requireToken(token);
        List<InetAddress> addresses;
        try {
            addresses = addressesOf(host);
        } catch (UnknownHostException e) {
            return CheckResult.fail(CheckResult.UNREACHABLE);
        }
        try (Socket socket = connect(addresses)) {
            Response response = fetch(socket, host);
            if (response.status() != 200) {
                return CheckResult.fail(CheckResult.NOT_FOUND);
            }
            return holdsToken(response.body(), response.truncated(), token)
                    ? CheckResult.pass()
                    : CheckResult.fail(CheckResult.WRONG_CONTENT);
        } catch (SocketTimeoutException e) {
            return CheckResult.fail(CheckResult.TIMEOUT);
        } catch (ProtocolException e) {
            // Whatever answered is not serving the file over HTTP.
            return CheckResult.fail(CheckResult.NOT_FOUND);
        } catch (IOException e) {
            return CheckResult.fail(CheckResult.UNREACHABLE);
        }
    }

    static void requireToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank() || !token.equals(token.trim())) {
            throw new IllegalArgumentException("a validation token is not blank and has no surrounding spaces");
        }
    }

    private List<InetAddress> addressesOf(String host) throws UnknownHostException {
        List<InetAddress> overridden = overrides.get(host);
        return overridden != null ? overridden : List.of(InetAddress.getAllByName(host));
    }

    /** Tries each address in turn; the last failure tells why none answered. */
    private Socket connect(List<InetAddress> addresses) throws IOException {
        IOException last = new UnknownHostException("no address");
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last;
    }

    private Response fetch(Socket socket, String host) throws IOException {
        long deadline = System.nanoTime() + readTimeoutNanos;
        OutputStream out = socket.getOutputStream();
        String request = "GET " + PATH + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: CertPortal-DCV\r\n"
                + "Accept: text/plain, */*\r\n"
                + "Connection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();

        DeadlineReader in = new DeadlineReader(socket, deadline);
        int status = statusOf(in.line());
        long contentLength = -1;
        boolean chunked = false;
        for (String header = in.line(); !header.isEmpty(); header = in.line()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header");
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equals("content-length")) {
                contentLength = parseLength(value, 10);
            }
        }
        if (status != 200) {
            return new Response(status, new byte[0], false);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated;
        if (chunked) {
            truncated = readChunked(in, body);
        } else if (contentLength >= 0) {
            truncated = in.copy(body, contentLength);
        } else {
            truncated = in.copy(body, Long.MAX_VALUE);
        }
        return new Response(status, body.toByteArray(), truncated);
    }

    private static boolean readChunked(DeadlineReader in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = in.line();
            int extension = sizeLine.indexOf(';');
            long size = parseLength(extension < 0 ? sizeLine : sizeLine.substring(0, extension), 16);
            if (size == 0) {
                return false;
            }
            if (in.copy(body, size)) {
                return true;
            }
            in.line(); // the CRLF after the chunk's data
        }
    }

    private static int statusOf(String statusLine) throws ProtocolException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        return (int) parseLength(parts[1], 10);
    }

    private static long parseLength(String value, int radix) throws ProtocolException {
        try {
            long length = Long.parseLong(value.trim(), radix);
            if (length < 0) {
                throw new ProtocolException("negative length");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed number: " + value);
        }
    }

    /**
     * A line of the file equals the token. When the read stopped at the cap, the last line may be cut
     * short, so it does not count.
     */
    private static boolean holdsToken(byte[] body, boolean truncated, String token) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        if (truncated) {
            lines = lines.subList(0, lines.size() - 1);
        }
        return lines.stream().map(String::trim).anyMatch(token::equals);
    }

    private record Response(int status, byte[] body, boolean truncated) {}

    /** Reads a response under one deadline, so a server that trickles bytes cannot hold a check open. */
    private static final class DeadlineReader {

        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private int headBytes;

        DeadlineReader(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.deadline = deadline;
        }

        private int read() throws IOException {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new SocketTimeoutException("response deadline passed");
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            return in.read();
        }

        /** One CRLF- (or LF-) terminated line of the head or of chunk framing, within the head cap. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = read();
                if (b < 0 && headBytes == 0) {
                    // Accepted and closed without a word: nothing there serves HTTP.
                    throw new EOFException("connection closed before any response");
                }
                if (b < 0) {
                    throw new ProtocolException("connection closed inside the response head");
                }
                if (++headBytes > MAX_HEAD_BYTES) {
                    throw new ProtocolException("response head too long");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        /**
         * Copies up to {@code length} bytes (or to the end of the stream) into {@code body}, never
         * beyond {@link #MAX_BODY_BYTES} in all; true when it stopped at the cap.
         */
        boolean copy(ByteArrayOutputStream body, long length) throws IOException {
            for (long copied = 0; copied < length; copied++) {
                if (body.size() >= MAX_BODY_BYTES) {
                    return true;
                }
                int b = read();
                if (b < 0) {
                    return false;
                }
                body.write(b);
            }
            return false;
        }
    }
}
