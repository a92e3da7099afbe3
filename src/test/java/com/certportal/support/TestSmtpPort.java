package com.certportal.support;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The SMTP port the application sends to in tests: one that was free when this test JVM started, so
 * that test runs side by side on one machine (other checkouts, CI jobs) never deliver into each
 * other's mail servers. Mail tests start GreenMail, or a misbehaving server, on it; every other test
 * finds nothing there, which is "the mail server is down" (T2).
 *
 * <p>The port is drawn below the kernel's ephemeral range: a port the kernel handed out (port 0) is
 * also what it hands to outgoing connections, and one of those (to PostgreSQL, to ChromeDriver) took
 * the mail server's port now and then ("Address already in use" when GreenMail started).
 */
public final class TestSmtpPort {

    public static final int PORT = free();

    private TestSmtpPort() {}

    private static int free() {
        int ceiling = Math.min(ephemeralRangeStart(), 32768);
        int floor = Math.max(1024, Math.min(20000, ceiling - 1000));
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(floor, ceiling);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Someone listens there; draw again.
            }
        }
        throw new IllegalStateException(
                "no free port between " + floor + " and " + ceiling + " for the test mail server");
    }

    private static int ephemeralRangeStart() {
        try {
            // Read as a stream: on some kernels' sandboxes Files.readString gets "3" from this file
            // (its size as procfs reports it), which made every integration test fail to start.
            String range;
            try (InputStream in = new FileInputStream("/proc/sys/net/ipv4/ip_local_port_range")) {
                range = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > 2048 ? start : 32768;
        } catch (IOException | RuntimeException notLinux) {
            return 32768;
        }
    }
}
