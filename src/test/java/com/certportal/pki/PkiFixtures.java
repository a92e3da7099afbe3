package com.certportal.pki;

import com.certportal.catalog.Product;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** CAs and certificates for tests outside this package (the public endpoints' tests in pki.web). */
public final class PkiFixtures {

    private PkiFixtures() {}

    /** A CA created at {@link TestCa#CREATED}, its keys under target/. */
    public static CertificateAuthority ca(String purpose) {
        return TestCa.create(purpose);
    }

    /** A CA created now on {@code clock}: for openssl and the JDK, which judge dates by the real time. */
    public static CertificateAuthority ca(String purpose, Clock clock) {
        return new CertificateAuthority(
                TestCa.demo(TestCa.directory(purpose)), new PkiProperties(TestCa.BASE_URL), clock);
    }

    /** A TLS DV certificate for {@code name}, valid for 90 days from {@code notBefore}. */
    public static X509Certificate tls(CertificateAuthority ca, String name, Instant notBefore) {
        return issue(ca, Product.TLS_DV, TestKeys.ec("secp256r1"), name, List.of(name), null, notBefore);
    }

    static X509Certificate issue(
            CertificateAuthority ca,
            Product product,
            KeyPair keys,
            String commonName,
            List<String> names,
            String organization,
            Instant notBefore) {
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        return Profiles.parse(ca.issue(new IssueRequest(
                        product,
                        keys.getPublic(),
                        commonName,
                        names,
                        organization,
                        from,
                        from.plus(Duration.ofDays(90))))
                .pem());
    }

    public static String pem(X509Certificate certificate) {
        return Profiles.pem(certificate);
    }
}
