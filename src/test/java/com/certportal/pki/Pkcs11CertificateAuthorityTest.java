package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * I1: the production key store, a PKCS#11 token through the JDK's SunPKCS11 provider, against a
 * SoftHSM2 token made under target/. Part of the normal suite and never skipped: without
 * softhsm2 it fails and says what to install ({@code .ci/run} installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pkcs11CertificateAuthorityTest {

    private static final Logger log = LoggerFactory.getLogger(Pkcs11CertificateAuthorityTest.class);
    private static final String PIN = "246810";
    private static final List<Path> LIBRARIES = Stream.of(
                    "/usr/lib/softhsm/libsofthsm2.so",
                    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
                    "/usr/local/lib/softhsm/libsofthsm2.so",
                    "/opt/homebrew/lib/softhsm/libsofthsm2.so")
            .map(Path::of)
            .toList();

    private static Path pkcs11Config;

    @BeforeAll
    static void aFreshSoftHsmTokenUnderTarget() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        assertThat(conf)
                .as("SOFTHSM2_CONF must point into target/ (the pom's surefire settings set it): run through Maven")
                .isNotNull()
                .endsWith(Path.of("target", "softhsm", "softhsm2.conf").toString());
        Path library = LIBRARIES.stream()
                .filter(Files::isReadable)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "libsofthsm2.so not found in " + LIBRARIES + ": apt-get install -y softhsm2 (.ci/run does)"));

        Path home = Path.of(conf).getParent();
        deleteRecursively(home);
        Path tokens = Files.createDirectories(home.resolve("tokens"));
        Files.writeString(
                Path.of(conf),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        run("softhsm2-util", "--init-token", "--free", "--label", "certportal", "--pin", PIN, "--so-pin", "13579");

        // Keys generated in the token stay in it: token objects, sensitive, never extractable.
        pkcs11Config = home.resolve("pkcs11.cfg");
        Files.writeString(pkcs11Config, """
                name = CertPortalTest
                library = %s
                slotListIndex = 0
                attributes(generate, CKO_PRIVATE_KEY, *) = {
                  CKA_TOKEN = true
                  CKA_PRIVATE = true
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                }
                """.formatted(library));
    }

    @Test
    @Order(1)
    void theCaIsCreatedInTheTokenIssuesAndIsLoadedUnchangedOnTheNextStart() throws Exception {
        CaProperties token = new CaProperties(null, PIN, CaProperties.KeystoreType.PKCS11, pkcs11Config, false);

        assertThat(aliases()).as("a fresh token").isEmpty();

        CertificateAuthority first = TestCa.open(token, TestCa.CREATED);
        assertThat(aliases()).hasSize(12);
        CertificateAuthority second = TestCa.open(token, TestCa.CREATED.plus(Duration.ofDays(3)));

        for (CaFamily family : CaFamily.values()) {
            assertThat(second.root(family)).isEqualTo(first.root(family));
            assertThat(second.issuing(family)).isEqualTo(first.issuing(family));
            assertThat(second.ocspResponder(family)).isEqualTo(first.ocspResponder(family));
            first.issuing(family).verify(first.root(family).getPublicKey());
            first.ocspResponder(family).verify(first.issuing(family).getPublicKey());
        }
        assertValidUnder(second, issueTls(second));
        assertValidUnder(first, issueTls(first));
    }

    @Test
    @Order(2)
    void thePrivateKeysInTheTokenCannotBeExtracted() throws Exception {
        TestCa.open(new CaProperties(null, PIN, CaProperties.KeystoreType.PKCS11, pkcs11Config, false), TestCa.CREATED);
        Provider provider = Security.getProvider("SunPKCS11").configure(pkcs11Config.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, PIN.toCharArray());

        List<String> aliases = Collections.list(store.aliases());
        log.info("Entries in the SoftHSM2 token: {}", aliases);
        assertThat(aliases).contains("tls-root", "tls-issuing", "tls-ocsp", "private-issuing", "document-signing-ocsp");
        for (CaFamily family : CaFamily.values()) {
            Key key = store.getKey(CaAliases.issuing(family), null);
            assertThat(key.getEncoded())
                    .as("sensitive key material stays in the token")
                    .isNull();
            assertThat(key.getAlgorithm()).isEqualTo("EC");
        }
    }

    private static KeyStore token() throws Exception {
        Provider provider = Security.getProvider("SunPKCS11").configure(pkcs11Config.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, PIN.toCharArray());
        return store;
    }

    private static List<String> aliases() throws Exception {
        return Collections.list(token().aliases());
    }

    private static X509Certificate issueTls(CertificateAuthority ca) {
        Instant notBefore = TestCa.CREATED.plus(Duration.ofDays(1));
        IssuedCertificate issued = ca.issue(new IssueRequest(
                Product.TLS_DV,
                TestKeys.ec("secp256r1").getPublic(),
                "www.example.com",
                List.of("www.example.com"),
                null,
                notBefore,
                notBefore.plus(Duration.ofDays(90))));
        return TestCa.parse(issued.pem());
    }

    private static void assertValidUnder(CertificateAuthority ca, X509Certificate leaf) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.root(CaFamily.TLS), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(TestCa.CREATED.plus(Duration.ofDays(2))));
        CertPathValidator.getInstance("PKIX")
                .validate(
                        CertificateFactory.getInstance("X.509")
                                .generateCertPath(List.of(leaf, ca.issuing(CaFamily.TLS))),
                        parameters);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SOFTHSM2_CONF", System.getenv("SOFTHSM2_CONF")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            throw new AssertionError(
                    command[0] + " is not installed: apt-get install -y softhsm2 (.ci/run installs it)", notInstalled);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
