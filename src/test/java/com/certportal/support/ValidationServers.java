package com.certportal.support;

import java.util.List;
import java.util.stream.Collectors;

/**
 * V1: the web server and the DNS server that the shared test context's file and DNS checks go to, one
 * of each per test JVM, started when the context reads its settings ({@link PostgresIntegrationTest}).
 * The file check reaches {@link #files()} for the names of {@link #HTTP_FILE_NAMES} only (a resolve
 * override each, as curl's {@code --resolve}); the DNS check asks {@link #dns()} for every name.
 * Tests publish what they need and take it away again ({@code clear()}), so one test's token never
 * validates another's name.
 */
public final class ValidationServers {

    /** The names an order validated by the file method may carry in the shared context. */
    public static final List<String> HTTP_FILE_NAMES = List.of("files-dcv.example.net", "www.files-dcv.example.net");

    private ValidationServers() {}

    public static LocalHttpFileServer files() {
        return Files.SERVER;
    }

    public static LocalDnsServer dns() {
        return Dns.SERVER;
    }

    /** {@code certportal.validation.resolve}: each file-method name to 127.0.0.1. */
    static String resolveOverrides() {
        return HTTP_FILE_NAMES.stream().map(name -> name + ":127.0.0.1").collect(Collectors.joining(","));
    }

    /** Started on first use (holder idiom), and stopped with the JVM. */
    private static final class Files {
        static final LocalHttpFileServer SERVER = stopAtExit(LocalHttpFileServer.start());
    }

    private static final class Dns {
        static final LocalDnsServer SERVER = stopAtExit(LocalDnsServer.start());
    }

    private static <T extends AutoCloseable> T stopAtExit(T server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // the JVM is ending; nothing to do
            }
        }));
        return server;
    }
}
