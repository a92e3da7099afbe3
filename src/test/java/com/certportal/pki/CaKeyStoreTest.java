package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.cluster.ClusterLock;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** I1: the CA is created once at first start, loaded unchanged afterwards, and its key store is guarded. */
class CaKeyStoreTest {

    private static final Instant LATER = TestCa.CREATED.plusSeconds(86_400 * 40);

    @Test
    void theFirstStartCreatesEveryFamilyAndLaterStartsLoadThemUnchanged() throws Exception {
        CaProperties demo = TestCa.demo(TestCa.directory("restart"));
        CertificateAuthority first = TestCa.open(demo, TestCa.CREATED);
        byte[] written = Files.readAllBytes(demo.keystore());

        CertificateAuthority second = TestCa.open(demo, LATER);

        for (CaFamily family : CaFamily.values()) {
            assertThat(second.root(family)).isEqualTo(first.root(family));
            assertThat(second.issuing(family)).isEqualTo(first.issuing(family));
            assertThat(second.ocspResponder(family)).isEqualTo(first.ocspResponder(family));
            assertThat(second.chain(family)).isEqualTo(first.chain(family));
        }
        assertThat(Files.readAllBytes(demo.keystore())).as("not rewritten").isEqualTo(written);
        assertThat(second.root(CaFamily.TLS).getNotBefore().toInstant()).isEqualTo(TestCa.CREATED);
    }

    /** The four families have twelve distinct keys. */
    @Test
    void everyCaCertificateHasItsOwnKey() {
        CertificateAuthority ca = TestCa.create("keys");
        long distinct = java.util.Arrays.stream(CaFamily.values())
                .flatMap(f -> java.util.stream.Stream.of(ca.root(f), ca.issuing(f), ca.ocspResponder(f)))
                .map(X509Certificate::getPublicKey)
                .distinct()
                .count();
        assertThat(distinct).isEqualTo(12);
    }

    @Test
    void theDemoPasswordIsGeneratedOnceIntoAnOwnerOnlyFileNextToTheKeyStore() throws Exception {
        CaProperties demo = TestCa.demo(TestCa.directory("password"));
        TestCa.open(demo, TestCa.CREATED);
        Path passwordFile = demo.keystore().resolveSibling("ca-keystore.password");
        String password = Files.readString(passwordFile).strip();

        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demo.keystore())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(demo.keystore().getParent())))
                .isEqualTo("rwx------");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(demo.keystore())) {
            store.load(in, password.toCharArray());
        }
        assertThat(store.isKeyEntry("tls-issuing")).isTrue();

        TestCa.open(demo, LATER);
        assertThat(Files.readString(passwordFile).strip()).as("reused").isEqualTo(password);
    }

    @Test
    void aConfiguredPasswordIsUsedAndNoPasswordFileIsWritten() throws Exception {
        Path directory = TestCa.directory("configured");
        CaProperties configured = withPassword(directory, "correct horse battery staple", false);

        CertificateAuthority first = TestCa.open(configured, TestCa.CREATED);

        assertThat(configured.keystore().resolveSibling("ca-keystore.password")).doesNotExist();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(configured.keystore())) {
            store.load(in, "correct horse battery staple".toCharArray());
        }
        assertThat(TestCa.open(configured, LATER).root(CaFamily.PRIVATE)).isEqualTo(first.root(CaFamily.PRIVATE));
    }

    @Test
    void aWrongPasswordStopsTheStartWithoutTouchingTheKeyStore() throws Exception {
        Path directory = TestCa.directory("wrong");
        TestCa.open(withPassword(directory, "the right one", false), TestCa.CREATED);
        byte[] before = Files.readAllBytes(directory.resolve("ca").resolve("ca-keystore.p12"));

        assertThatThrownBy(() -> TestCa.open(withPassword(directory, "a wrong one", false), LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open with the configured password")
                .hasMessageContaining("CERTPORTAL_CA_KEYSTORE_PASSWORD")
                .hasMessageNotContaining("a wrong one");
        assertThat(Files.readAllBytes(directory.resolve("ca").resolve("ca-keystore.p12")))
                .isEqualTo(before);
    }

    /** I1: production never makes up a password; it names the variable to set. */
    @Test
    void withoutAPasswordProductionRefusesToStartAndCreatesNothing() {
        Path directory = TestCa.directory("production");
        CaProperties production = withPassword(directory, null, false);

        assertThatThrownBy(() -> TestCa.open(production, TestCa.CREATED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The CA key store needs a password: set the environment variable"
                        + " CERTPORTAL_CA_KEYSTORE_PASSWORD (property certportal.ca.keystore-password).");
        assertThat(directory.resolve("ca")).doesNotExist();
    }

    @Test
    void aKeyStoreWhosePasswordFileIsLostIsNotReplaced() throws Exception {
        CaProperties demo = TestCa.demo(TestCa.directory("lost-password"));
        TestCa.open(demo, TestCa.CREATED);
        Files.delete(demo.keystore().resolveSibling("ca-keystore.password"));

        assertThatThrownBy(() -> TestCa.open(demo, LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists but its password file")
                .hasMessageContaining("CERTPORTAL_CA_KEYSTORE_PASSWORD");
        assertThat(demo.keystore()).exists();
    }

    /** Replacing half a CA would orphan what it issued: an incomplete family stops the start. */
    @Test
    void aKeyStoreHoldingPartOfAFamilyStopsTheStart() throws Exception {
        Path directory = TestCa.directory("partial");
        CaProperties configured = withPassword(directory, "partial", false);
        TestCa.open(configured, TestCa.CREATED);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(configured.keystore())) {
            store.load(in, "partial".toCharArray());
        }
        store.deleteEntry("code-signing-ocsp");
        try (OutputStream out = Files.newOutputStream(configured.keystore())) {
            store.store(out, "partial".toCharArray());
        }

        assertThatThrownBy(() -> TestCa.open(configured, LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds only part of the CODE_SIGNING CA");
    }

    @Test
    void thePasswordNeverShowsInTheProperties() {
        assertThat(withPassword(TestCa.directory("to-string"), "s3cret-value", false)
                        .toString())
                .doesNotContain("s3cret-value")
                .contains("keystorePassword=(set)");
    }

    @Test
    void pkcs11WithoutItsConfigurationOrPinRefusesToStart() {
        Path directory = TestCa.directory("pkcs11-misconfigured");
        CaProperties noConfig = new CaProperties(null, "1234", CaProperties.KeystoreType.PKCS11, null, true);
        CaProperties noPin =
                new CaProperties(null, null, CaProperties.KeystoreType.PKCS11, directory.resolve("pkcs11.cfg"), true);

        assertThatThrownBy(() -> TestCa.open(noConfig, TestCa.CREATED))
                .hasMessageContaining("certportal.ca.pkcs11-config");
        assertThatThrownBy(() -> TestCa.open(noPin, TestCa.CREATED))
                .hasMessageContaining("CERTPORTAL_CA_KEYSTORE_PASSWORD");
    }

    /** The Spring wiring: properties bound from certportal.ca.* and certportal.pki.*, the clock injected. */
    @Test
    void springCreatesTheCaFromItsPropertiesAndRefusesToStartWithoutAPassword() {
        Path directory = TestCa.directory("spring");
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(CaWiring.class);

        runner.withPropertyValues(
                        "certportal.ca.keystore=" + directory.resolve("demo/ca-keystore.p12"),
                        "certportal.ca.generate-password=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CertificateAuthority.class);
                    assertThat(context.getBean(PkiProperties.class).baseUrl()).hasToString("http://localhost:8080");
                    assertThat(context.getBean(CertificateAuthority.class)
                                    .root(CaFamily.TLS)
                                    .getNotBefore()
                                    .toInstant())
                            .isEqualTo(TestCa.CREATED);
                });
        runner.withPropertyValues(
                        "certportal.ca.keystore=" + directory.resolve("prod/ca-keystore.p12"),
                        "certportal.ca.generate-password=false")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("set the environment variable CERTPORTAL_CA_KEYSTORE_PASSWORD"));
    }

    /** The shipped settings: the demo makes up its password, production must be given one. */
    @Test
    void onlyTheDemoSettingsGenerateAPassword() throws Exception {
        Properties defaults = load("application.properties");
        Properties production = load("application-prod.properties");

        assertThat(defaults.getProperty("certportal.ca.generate-password")).isEqualTo("true");
        assertThat(defaults.getProperty("certportal.ca.keystore-password"))
                .isEqualTo("${CERTPORTAL_CA_KEYSTORE_PASSWORD:}");
        assertThat(defaults.getProperty("certportal.ca.keystore"))
                .isEqualTo("${certportal.data-dir}/ca/ca-keystore.p12");
        assertThat(production.getProperty("certportal.ca.generate-password")).isEqualTo("false");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CaProperties.class, PkiProperties.class})
    @Import(CertificateAuthority.class)
    static class CaWiring {

        @Bean
        Clock clock() {
            return Clock.fixed(TestCa.CREATED, ZoneOffset.UTC);
        }

        /** No database here: the first-start lock of one JVM (CaFirstStartTest takes PostgreSQL's). */
        @Bean
        ClusterLock clusterLock() {
            return ClusterLock.inThisJvm();
        }
    }

    private static CaProperties withPassword(Path directory, String password, boolean generate) {
        return new CaProperties(
                directory.resolve("ca").resolve("ca-keystore.p12"),
                password,
                CaProperties.KeystoreType.PKCS12,
                null,
                generate);
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name))) {
            properties.load(reader);
        }
        return properties;
    }
}
