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
     * D2: {@code openssl verify} as a relying party runs it with a CRL: the root as the trust anchor,
     * the issuing CA as an untrusted intermediate, the CRLs as fetched ({@code crlCheck} is
     * {@code -crl_check} for the leaf's, {@code -crl_check_all} for the whole chain's).
     */
    public static Result verifyWithCrl(String crlCheck, Path root, Path issuing, Path crls, Path leaf) {
        return run(
                "verify",
                crlCheck,
                "-CAfile",
                root.toString(),
                "-untrusted",
                issuing.toString(),
                "-CRLfile",
                crls.toString(),
                leaf.toString());
    }

    /** D2: {@code openssl ocsp} asks the responder at {@code url} about {@code leaf}; the answer must verify. */
    public static String ocsp(Path issuing, Path leaf, String url, Path root) {
        return ok(
                "ocsp",
                "-issuer",
                issuing.toString(),
                "-cert",
                leaf.toString(),
                "-url",
                url,
                "-CAfile",
                root.toString());
    }

    /** A DER file as PEM, converted by openssl: {@code kind} is {@code x509} or {@code crl}. */
    public static Path pemFromDer(String kind, Path der, Path pem) {
        ok(kind, "-inform", "DER", "-in", der.toString(), "-out", pem.toString());
        return pem;
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
