package com.certportal.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMTP servers that misbehave the way real ones do, for the outbox's fault tests (T2): one that
 * accepts the connection and never says a word, and one that takes the whole mail and then answers
 * "try again later".
 */
public final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final boolean silent;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    private FakeSmtpServer(int port, boolean silent) {
        this.silent = silent;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "fake-smtp-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts every connection and stays silent: no greeting, no reply, until it is closed. */
    public static FakeSmtpServer silent(int port) {
        return new FakeSmtpServer(port, true);
    }

    /** Speaks SMTP, reads each mail to its end, and refuses it with a temporary failure (451). */
    public static FakeSmtpServer refusingAfterData(int port) {
        return new FakeSmtpServer(port, false);
    }

    /** How many connections were opened to this server. */
    public int connections() {
        return connections.get();
    }

    /** The mails read to their end (headers and body, as sent), oldest first. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closed already
        }
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            connections.incrementAndGet();
            clients.add(client);
            if (!silent) {
                Thread session = new Thread(() -> converse(client), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = client.getOutputStream();
            reply(out, "220 fake.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 fake.test");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder message = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        message.append(line.startsWith("..") ? line.substring(1) : line)
                                .append("\r\n");
                    }
                    messages.add(message.toString());
                    reply(out, "451 4.3.0 try again later");
                } else if (command.startsWith("QUIT")) {
                    // The client closes first, so that the port is not left in TIME_WAIT for the real
                    // server a test starts on it next.
                    reply(out, "221 bye");
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
