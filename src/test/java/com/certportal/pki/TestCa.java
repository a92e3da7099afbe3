package com.certportal.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** CAs for the tests, their keys under target/ (never the repository, never ./data). */
final class TestCa {

    static final Instant CREATED = Instant.parse("2026-11-25T03:00:00Z");
    static final URI BASE_URL = URI.create("https://pki.certportal.example");

    private TestCa() {}

    /** A fresh directory under target/pki-tests. */
    static Path directory(String purpose) {
        Path directory = Path.of("target", "pki-tests", purpose + "-" + UUID.randomUUID())
                .toAbsolutePath();
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo's configuration: a PKCS#12 file with a generated password. */
    static CaProperties demo(Path directory) {
        return new CaProperties(
                directory.resolve("ca").resolve("ca-keystore.p12"), null, CaProperties.KeystoreType.PKCS12, null, true);
    }

    /** Opens the CA as the start does: waiting for its key store, failing if it cannot be used. */
    static CertificateAuthority open(CaProperties properties, Instant now) {
        CertificateAuthority ca =
                new CertificateAuthority(properties, new PkiProperties(BASE_URL), Clock.fixed(now, ZoneOffset.UTC));
        ca.awaitKeyStore();
        return ca;
    }

    static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    static CertificateAuthority create(String purpose) {
        return open(demo(directory(purpose)), CREATED);
    }
}
