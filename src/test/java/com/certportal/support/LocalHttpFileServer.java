package com.certportal.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web server on 127.0.0.1 (random port) serving {@code /.well-known/pki-validation/fileauth.txt}
 * for the V1 file method. Point the check at it with {@code certportal.validation.http-port=port()}
 * and {@code certportal.validation.resolve=www.example.com:127.0.0.1}. Any other path, and a host
 * given no token, is 404.
 */
public final class LocalHttpFileServer implements AutoCloseable {

    public static final String PATH = "/.well-known/pki-validation/fileauth.txt";

    private static final String ANY_HOST = "";

    private final HttpServer server;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final List<String> hostsSeen = new CopyOnWriteArrayList<>();

    private LocalHttpFileServer(HttpServer server) {
        this.server = server;
    }

    public static LocalHttpFileServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalHttpFileServer files = new LocalHttpFileServer(server);
            server.createContext("/", files::handle);
            server.start();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code content} as the file for every host (the token, or anything else). */
    public LocalHttpFileServer serve(String content) {
        files.put(ANY_HOST, content);
        return this;
    }

    /** Serves {@code content} as the file for one host (by its Host header), ahead of {@link #serve(String)}. */
    public LocalHttpFileServer serve(String host, String content) {
        files.put(host.toLowerCase(Locale.ROOT), content);
        return this;
    }

    /** Back to 404 for every host. */
    public void clear() {
        files.clear();
    }

    /** The Host header of every request, in order. */
    public List<String> hostsSeen() {
        return List.copyOf(hostsSeen);
    }

    public void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            hostsSeen.add(host == null ? "" : host);
            String content = null;
            if (exchange.getRequestURI().getPath().equals(PATH)) {
                content = files.getOrDefault(host == null ? "" : host.toLowerCase(Locale.ROOT), files.get(ANY_HOST));
            }
            if (content == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = content.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
