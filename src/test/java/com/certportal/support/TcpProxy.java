package com.certportal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the application and a server (PostgreSQL) that a test turns into the faults
 * a network shows: a server that is gone (connections refused) or a partition (a black hole: connections
 * are accepted, or stay open, and nothing goes through in either direction), and back to normal.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode {
        FORWARD,
        REFUSE,
        BLACK_HOLE
    }

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket listening;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listening = listen(0);
        this.port = listening.getLocalPort();
        accept(listening);
    }

    /** A proxy on a free local port, forwarding to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(host, port);
    }

    public int port() {
        return port;
    }

    /** The server is gone: every connection is closed, new ones are refused. */
    public synchronized void refuse() {
        mode = Mode.REFUSE;
        closeQuietly(listening);
        dropConnections();
    }

    /**
     * A network partition: open connections stay open but nothing reaches the other side, and new
     * connections are accepted and then never answered.
     */
    public synchronized void blackHole() {
        mode = Mode.BLACK_HOLE;
        ensureListening();
    }

    /**
     * The server is back (nothing changes if it never went away). Connections opened before are closed (whatever crossed them during a black
     * hole was lost, so the protocol on them is broken), as a peer that restarted would close them.
     */
    public synchronized void forward() {
        if (mode == Mode.FORWARD) {
            return;
        }
        dropConnections();
        mode = Mode.FORWARD;
        ensureListening();
    }

    @Override
    public synchronized void close() {
        mode = Mode.REFUSE;
        closeQuietly(listening);
        dropConnections();
    }

    private void ensureListening() {
        if (listening.isClosed()) {
            listening = listen(port);
            accept(listening);
        }
    }

    private void accept(ServerSocket server) {
        daemon("proxy-accept-" + port, () -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    return;
                }
                sockets.add(client);
                if (mode == Mode.FORWARD) {
                    connect(client);
                } else {
                    daemon("proxy-swallow", () -> pump(client, null));
                }
            }
        });
    }

    private void connect(Socket client) {
        try {
            Socket server = new Socket(targetHost, targetPort);
            sockets.add(server);
            daemon("proxy-up", () -> pump(client, server));
            daemon("proxy-down", () -> pump(server, client));
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Copies {@code from} to {@code to} while forwarding; swallows what arrives otherwise. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to == null ? null : to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (out != null && mode == Mode.FORWARD) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // one side went away: so does the other
        } finally {
            closeQuietly(from);
            if (to != null && mode == Mode.FORWARD) {
                closeQuietly(to);
            }
        }
    }

    private void dropConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
