package com.certportal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The SMTP port the application sends to in tests: one that was free when this test JVM started, so
 * that test runs side by side on one machine (other checkouts, CI jobs) never deliver into each
 * other's mail servers. Mail tests start GreenMail, or a misbehaving server, on it; every other test
 * finds nothing there, which is "the mail server is down" (T2).
 */
public final class TestSmtpPort {

    public static final int PORT = free();

    private TestSmtpPort() {}

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
