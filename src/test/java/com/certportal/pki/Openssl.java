package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The openssl command line, its output logged so that it can be quoted. */
public final class Openssl {

    private static final Logger log = LoggerFactory.getLogger(Openssl.class);

    /** What a command printed (stdout and stderr together) and how it ended. */
    public record Result(int exit, String output) {}

    private Openssl() {}

    /** Runs {@code openssl arguments...} and requires it to succeed. */
    public static String ok(String... arguments) {
        Result result = run(arguments);
        assertThat(result.exit())
                .as("openssl %s%n%s", String.join(" ", arguments), result.output())
                .isZero();
        return result.output();
    }

    /**
     * O1: what a server administrator runs: `openssl req` makes a new key ({@code newKey}, such as
     * {@code rsa:2048}) into {@code key} and a CSR for {@code /CN=commonName} with these DNS names into
     * {@code csr}. The portal is only ever given the CSR.
     */
    public static String newKeyAndCsr(String newKey, String commonName, List<String> dnsNames, Path key, Path csr) {
        return ok(
                "req",
                "-new",
                "-newkey",
                newKey,
                "-nodes",
                "-subj",
                "/CN=" + commonName,
                "-addext",
                "subjectAltName="
                        + String.join(
                                ",", dnsNames.stream().map(n -> "DNS:" + n).toList()),
                "-keyout",
                key.toString(),
                "-out",
                csr.toString());
    }

    public static Result run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            log.info("$ {}\n{}(exit {})", String.join(" ", command), output, exit);
            return new Result(exit, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
