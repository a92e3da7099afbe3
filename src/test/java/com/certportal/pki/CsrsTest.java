package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.certportal.catalog.Product;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** O2: every refusal at its boundary, with the field and message key the form shows. */
class CsrsTest {

    private static final KeyPair RSA_2048 = TestKeys.rsa(2048);
    private static final KeyPair P256 = TestKeys.ec("secp256r1");

    private static String csr(String subject, String... sans) {
        return TestCsrs.pem(RSA_2048, subject, sans);
    }

    private static List<Problem> refusal(String pem, Product product) {
        CsrRefused refused = catchThrowableOfType(CsrRefused.class, () -> Csrs.check(pem, product));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems();
    }

    private static Problem onlyProblem(String pem, Product product) {
        List<Problem> problems = refusal(pem, product);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static Problem csrProblem(String key, Object... arguments) {
        return new Problem("csr", key, List.of(arguments));
    }

    @Nested
    class Structure {

        @Test
        void textThatIsNotPemIsRefused() {
            assertThat(onlyProblem("hello, I would like a certificate", Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.not-pem"));
            assertThat(onlyProblem("", Product.TLS_DV)).isEqualTo(csrProblem("csr.not-pem"));
            assertThat(onlyProblem(null, Product.TLS_DV)).isEqualTo(csrProblem("csr.not-pem"));
        }

        @Test
        void aCsrCutShortBeforeItsEndLineIsNotPem() {
            String pem = csr("CN=www.example.com");
            String truncated = pem.substring(0, pem.indexOf("-----END"));
            assertThat(onlyProblem(truncated, Product.TLS_DV)).isEqualTo(csrProblem("csr.not-pem"));
        }

        @Test
        void pemThatIsNotACertificateRequestIsRefused() {
            String publicKey = Profiles.pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded());
            assertThat(onlyProblem(publicKey, Product.TLS_DV)).isEqualTo(csrProblem("csr.not-csr"));
        }

        @Test
        void aRequestArmourAroundSomethingElseIsNotACsr() {
            String junk = Profiles.pem("CERTIFICATE REQUEST", "not a request".getBytes(StandardCharsets.US_ASCII));
            assertThat(onlyProblem(junk, Product.TLS_DV)).isEqualTo(csrProblem("csr.not-csr"));
        }

        @Test
        void aPastedPrivateKeyIsRefusedEvenWithTheCsr() {
            String withKey = csr("CN=www.example.com")
                    + Profiles.pem("PRIVATE KEY", RSA_2048.getPrivate().getEncoded());
            assertThat(onlyProblem(withKey, Product.TLS_DV)).isEqualTo(csrProblem("csr.private-key"));
        }

        /** A bad signature stops the check: the names of a forged request are not worth listing. */
        @Test
        void aSignatureThatDoesNotVerifyIsRefusedAlone() {
            String tampered = TestCsrs.withBadSignature(RSA_2048, "CN=bad_name.local", "10.0.0.1");

            assertThat(onlyProblem(tampered, Product.TLS_DV)).isEqualTo(csrProblem("csr.signature-invalid"));
        }

        @Test
        void theCsrIsKeptAsNormalizedPemWhateverSurroundsIt() {
            String pem = csr("CN=www.example.com");
            String pasted = "Here is my CSR:\r\n\r\n" + pem.replace("\n", "\r\n") + "\r\nthanks\r\n";

            CheckedCsr checked = Csrs.check(pasted, Product.TLS_DV);

            assertThat(checked.pem()).isEqualTo(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n");
        }

        @Test
        void theOldNewCertificateRequestHeaderIsAccepted() {
            String old = csr("CN=www.example.com").replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
            assertThat(Csrs.check(old, Product.TLS_DV).names()).containsExactly("www.example.com");
        }

        @Test
        void anUploadedFileSavedAsUtf16IsRead() {
            byte[] utf16 = csr("CN=www.example.com").getBytes(StandardCharsets.UTF_16LE);
            byte[] withBom = new byte[utf16.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(utf16, 0, withBom, 2, utf16.length);

            assertThat(Csrs.check(withBom, Product.TLS_DV).names()).containsExactly("www.example.com");
        }

        @Test
        void anUploadOf64KibIsReadAndOneByteMoreIsRefused() {
            byte[] pem = csr("CN=www.example.com").getBytes(StandardCharsets.US_ASCII);
            byte[] exactly = Arrays.copyOf(pem, Csrs.MAX_UPLOAD_BYTES);
            Arrays.fill(exactly, pem.length, exactly.length, (byte) '\n');
            byte[] oneMore = Arrays.copyOf(exactly, Csrs.MAX_UPLOAD_BYTES + 1);
            oneMore[Csrs.MAX_UPLOAD_BYTES] = '\n';

            assertThat(Csrs.check(exactly, Product.TLS_DV).commonName()).isEqualTo("www.example.com");
            CsrRefused refused = catchThrowableOfType(CsrRefused.class, () -> Csrs.check(oneMore, Product.TLS_DV));
            assertThat(refused.problems()).containsExactly(csrProblem("csr.file-too-large", 64));
        }
    }

    @Nested
    class Keys {

        @Test
        void rsa2047IsRefusedAnd2048Accepted() {
            KeyPair small = TestKeys.rsa(2047);
            assertThat(((RSAPublicKey) small.getPublic()).getModulus().bitLength())
                    .isEqualTo(2047);

            assertThat(onlyProblem(TestCsrs.pem(small, "CN=www.example.com"), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.rsa-too-small", 2047));
            CheckedCsr ok = Csrs.check(csr("CN=www.example.com"), Product.TLS_DV);
            assertThat(ok.keyAlgorithm()).isEqualTo("RSA");
            assertThat(ok.keySize()).isEqualTo(2048);
            assertThat(ok.publicKey()).isEqualTo(RSA_2048.getPublic());
        }

        @Test
        void rsa8192IsAcceptedAnd8193Refused() {
            CheckedCsr largest = Csrs.check(TestCsrs.pem(TestKeys.rsa(8192), "CN=www.example.com"), Product.TLS_OV);
            assertThat(largest.keySize()).isEqualTo(8192);

            assertThat(onlyProblem(TestCsrs.pem(TestKeys.rsa(8193), "CN=www.example.com"), Product.TLS_OV))
                    .isEqualTo(csrProblem("csr.rsa-too-large", 8193));
        }

        @ParameterizedTest
        @EnumSource(names = {"CODE_SIGNING", "EV_CODE_SIGNING"})
        void codeSigningRefusesRsa3071AndAccepts3072(Product product) {
            assertThat(onlyProblem(TestCsrs.pem(TestKeys.rsa(3071), "CN=Example Corp"), product))
                    .isEqualTo(csrProblem("csr.rsa-too-small-code-signing", 3071));
            assertThat(onlyProblem(TestCsrs.pem(RSA_2048, "CN=Example Corp"), product))
                    .isEqualTo(csrProblem("csr.rsa-too-small-code-signing", 2048));
            assertThat(Csrs.check(TestCsrs.pem(TestKeys.rsa(3072), "CN=Example Corp"), product)
                            .keySize())
                    .isEqualTo(3072);
        }

        @Test
        void rsa3071IsFineForEveryOtherProduct() {
            KeyPair keys = TestKeys.rsa(3071);
            assertThat(Csrs.check(TestCsrs.pem(keys, "CN=www.example.com"), Product.TLS_EV)
                            .keySize())
                    .isEqualTo(3071);
            assertThat(Csrs.check(TestCsrs.pem(keys, "CN=Example Corp"), Product.DOCUMENT_SIGNING)
                            .keySize())
                    .isEqualTo(3071);
        }

        @Test
        void ecP256AndP384AreAcceptedForEveryProduct() {
            for (Product product : Product.values()) {
                String subject = product.family() == Product.Family.SERVER || product.family() == Product.Family.PRIVATE
                        ? "CN=www.example.com"
                        : "CN=Example Corp";
                CheckedCsr p256 = Csrs.check(TestCsrs.pem(P256, subject), product);
                CheckedCsr p384 = Csrs.check(TestCsrs.pem(TestKeys.ec("secp384r1"), subject), product);

                assertThat(List.of(p256.keyAlgorithm(), p384.keyAlgorithm())).containsOnly("EC");
                assertThat(List.of(p256.keySize(), p384.keySize())).containsExactly(256, 384);
            }
        }

        @Test
        void ecP521IsRefused() {
            assertThat(onlyProblem(TestCsrs.pem(TestKeys.ec("secp521r1"), "CN=www.example.com"), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.key-unsupported", "EC P-521"));
        }

        @Test
        void dsaAndEd25519AreRefused() {
            assertThat(onlyProblem(TestCsrs.pem(TestKeys.of("DSA", 2048), "CN=www.example.com"), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.key-unsupported", "DSA"));
            assertThat(onlyProblem(TestCsrs.pem(TestKeys.of("Ed25519", 0), "CN=www.example.com"), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.key-unsupported", "Ed25519"));
        }

        @Test
        void aKeyProblemAndNameProblemsAreReportedTogether() {
            String pem = TestCsrs.pem(TestKeys.rsa(2047), "CN=www.example.com", "intranet", "a_b.example.com");

            assertThat(refusal(pem, Product.TLS_DV))
                    .containsExactly(
                            csrProblem("csr.rsa-too-small", 2047),
                            csrProblem("csr.name-internal", "intranet"),
                            csrProblem("csr.name-underscore", "a_b.example.com"));
        }
    }

    @Nested
    class Names {

        @Test
        void namesAreLowerCasedWithTheCnFirstWithoutDuplicatesInCsrOrder() {
            CheckedCsr checked = Csrs.check(
                    csr("CN=WWW.Example.com", "example.com", "www.example.com", "Example.COM", "shop.example.com"),
                    Product.TLS_DV);

            assertThat(checked.commonName()).isEqualTo("www.example.com");
            assertThat(checked.names()).containsExactly("www.example.com", "example.com", "shop.example.com");
        }

        @Test
        void theCnIsAddedWhenTheSansLackIt() {
            assertThat(Csrs.check(csr("CN=www.example.com", "example.com"), Product.TLS_DV)
                            .names())
                    .containsExactly("www.example.com", "example.com");
        }

        @Test
        void withoutACnTheFirstSanIsTheCommonName() {
            CheckedCsr checked = Csrs.check(csr("O=Example Corp", "shop.example.com", "example.com"), Product.TLS_DV);

            assertThat(checked.commonName()).isEqualTo("shop.example.com");
            assertThat(checked.names()).containsExactly("shop.example.com", "example.com");
        }

        @Test
        void withNeitherCnNorSanTheCsrIsRefused() {
            assertThat(onlyProblem(csr("O=Example Corp"), Product.TLS_DV)).isEqualTo(csrProblem("csr.cn-missing"));
        }

        @Test
        void labelsOf63AndNamesOf253CharactersAreAcceptedOneMoreIsNot() {
            String label63 = "a".repeat(63);
            String name253 = String.join(".", "a".repeat(61), "b".repeat(63), "c".repeat(63), "d".repeat(59)) + ".com";
            assertThat(name253).hasSize(253);

            assertThat(Csrs.check(csr("CN=www.example.com", label63 + ".example.com", name253), Product.TLS_DV)
                            .names())
                    .contains(label63 + ".example.com", name253);
            assertThat(refusal(
                            csr("CN=www.example.com", "a" + label63 + ".example.com", "a" + name253), Product.TLS_DV))
                    .containsExactly(
                            csrProblem("csr.name-invalid", "a" + label63 + ".example.com"),
                            csrProblem("csr.name-invalid", "a" + name253));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "-www.example.com",
                    "www-.example.com",
                    "www..example.com",
                    "www.example.com.",
                    ".example.com",
                    "exa mple.com",
                    "exa!mple.com",
                    "xn--zz.example.com"
                })
        void namesThatAreNotDnsNamesAreRefused(String name) {
            assertThat(onlyProblem(csr("CN=www.example.com", name), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.name-invalid", name));
        }

        @Test
        void hyphensInsideALabelAndValidALabelsAreAccepted() {
            assertThat(Csrs.check(csr("CN=my-shop.example.com", "xn--bcher-kva.example.com"), Product.TLS_DV)
                            .names())
                    .containsExactly("my-shop.example.com", "xn--bcher-kva.example.com");
        }

        @Test
        void aUnicodeNameIsRefusedWithItsALabel() {
            assertThat(onlyProblem(csr("CN=www.example.com", "bücher.example.com"), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.name-unicode", "bücher.example.com", "xn--bcher-kva.example.com"));
            assertThat(onlyProblem(csr("CN=例え.jp"), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.name-unicode", "例え.jp", "xn--r8jz45g.jp"));
        }

        @Test
        void aUnicodeNameWithoutAnALabelIsRefusedWithoutOne() {
            String unconvertible = "bücher" + "x".repeat(70) + ".example.com";
            assertThat(onlyProblem(csr("CN=www.example.com", unconvertible), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.name-unicode-unconvertible", unconvertible));
        }

        @Test
        void ipAddressesAreRefusedInTheCnInDnsSansAndAsIpAddressSans() throws Exception {
            GeneralName[] sans = {
                new GeneralName(GeneralName.dNSName, "www.example.com"),
                new GeneralName(GeneralName.dNSName, "2001:db8::1"),
                new GeneralName(
                        GeneralName.iPAddress,
                        new DEROctetString(InetAddress.getByName("198.51.100.7").getAddress())),
                new GeneralName(GeneralName.iPAddress, "2001:db8::2")
            };
            String pem = TestCsrs.pemWithSans(RSA_2048, "CN=192.0.2.1", sans);

            assertThat(refusal(pem, Product.PRIVATE))
                    .containsExactlyInAnyOrder(
                            csrProblem("csr.name-ip-address", "198.51.100.7"),
                            csrProblem("csr.name-ip-address", "2001:db8:0:0:0:0:0:2"),
                            csrProblem("csr.name-ip-address", "192.0.2.1"),
                            csrProblem("csr.name-ip-address", "2001:db8::1"));
        }

        @Test
        void otherSanTypesAreRefused() {
            GeneralName[] sans = {
                new GeneralName(GeneralName.dNSName, "www.example.com"),
                new GeneralName(GeneralName.rfc822Name, "admin@example.com"),
                new GeneralName(GeneralName.uniformResourceIdentifier, "https://example.com/")
            };
            assertThat(refusal(TestCsrs.pemWithSans(RSA_2048, "CN=www.example.com", sans), Product.TLS_DV))
                    .containsExactly(
                            csrProblem("csr.san-type-unsupported", "admin@example.com"),
                            csrProblem("csr.san-type-unsupported", "https://example.com/"));
        }

        @Test
        void underscoresAreRefusedEvenForPrivate() {
            assertThat(onlyProblem(csr("CN=www.example.com", "_dmarc.example.com"), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.name-underscore", "_dmarc.example.com"));
            assertThat(onlyProblem(csr("CN=my_host.corp"), Product.PRIVATE))
                    .isEqualTo(csrProblem("csr.name-underscore", "my_host.corp"));
        }

        @Test
        void aWildcardAsTheWholeLeftmostLabelIsAccepted() {
            assertThat(Csrs.check(csr("CN=*.example.com", "example.com"), Product.TLS_OV)
                            .names())
                    .containsExactly("*.example.com", "example.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a*.example.com", "www.*.example.com", "*.*.example.com", "*", "*example.com"})
        void aWildcardAnywhereElseIsRefused(String name) {
            assertThat(onlyProblem(csr("CN=www.example.com", name), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.name-wildcard-position", name));
        }

        @Test
        void evRefusesWildcardsAndAcceptsPlainNames() {
            assertThat(onlyProblem(csr("CN=www.example.com", "*.example.com"), Product.TLS_EV))
                    .isEqualTo(csrProblem("csr.name-wildcard-ev", "*.example.com"));
            assertThat(Csrs.check(csr("CN=www.example.com", "example.com"), Product.TLS_EV)
                            .names())
                    .hasSize(2);
        }

        @Test
        void aWildcardOverATopLevelDomainOrAPublicSuffixIsRefused() {
            assertThat(refusal(csr("CN=www.example.com", "*.com", "*.co.jp", "co.jp"), Product.TLS_DV))
                    .containsExactly(
                            csrProblem("csr.name-wildcard-tld", "*.com"),
                            csrProblem("csr.name-public-suffix", "*.co.jp"),
                            csrProblem("csr.name-public-suffix", "co.jp"));
            assertThat(onlyProblem(csr("CN=*.corp"), Product.PRIVATE))
                    .isEqualTo(csrProblem("csr.name-wildcard-tld", "*.corp"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "intranet",
                    "server.local",
                    "db.internal",
                    "nas.lan",
                    "app.localhost",
                    "wiki.intranet",
                    "mail.corp",
                    "router.home",
                    "www.test",
                    "www.example",
                    "host.invalid",
                    "*.corp.local"
                })
        void internalNamesAreRefusedForPublicProductsAndAcceptedForPrivate(String name) {
            for (Product product : List.of(Product.TLS_DV, Product.TLS_OV, Product.TLS_EV)) {
                if (name.startsWith("*") && product == Product.TLS_EV) {
                    continue;
                }
                assertThat(onlyProblem(csr("CN=www.example.com", name), product))
                        .isEqualTo(csrProblem("csr.name-internal", name));
            }
            assertThat(Csrs.check(csr("CN=" + name), Product.PRIVATE).names()).containsExactly(name);
        }

        @Test
        void namesUnderPublicSuffixesOfEveryKindAreAccepted() {
            assertThat(Csrs.check(
                                    csr("CN=www.example.co.jp", "example.jp", "shop.example.com.au", "x.example.dev"),
                                    Product.TLS_DV)
                            .names())
                    .hasSize(4);
        }

        @Test
        void everyNameProblemIsReportedNotJustTheFirst() {
            assertThat(refusal(
                            csr("CN=www.example.com", "a_b.example.com", "server.local", "10.1.2.3", "-x.com"),
                            Product.TLS_DV))
                    .containsExactly(
                            csrProblem("csr.name-underscore", "a_b.example.com"),
                            csrProblem("csr.name-internal", "server.local"),
                            csrProblem("csr.name-ip-address", "10.1.2.3"),
                            csrProblem("csr.name-invalid", "-x.com"));
        }

        @Test
        void aCnLongerThan64CharactersIsRefused() {
            String cn64 = "a".repeat(52) + ".example.com";
            String cn65 = "a" + cn64;
            assertThat(cn64).hasSize(64);

            assertThat(Csrs.check(csr("CN=" + cn64), Product.TLS_DV).commonName())
                    .isEqualTo(cn64);
            assertThat(onlyProblem(csr("CN=" + cn65), Product.TLS_DV)).isEqualTo(csrProblem("csr.cn-too-long", 65, 64));
        }

        @Test
        void upTo250NamesAreAcceptedAnd251Refused() {
            assertThat(Csrs.check(csr("CN=www.example.com", names(249)), Product.TLS_DV)
                            .names())
                    .hasSize(250);
            assertThat(onlyProblem(csr("CN=www.example.com", names(250)), Product.TLS_DV))
                    .isEqualTo(csrProblem("csr.too-many-names", 251, 250));
        }
    }

    @Nested
    class OrganizationNames {

        @ParameterizedTest
        @EnumSource(names = {"CODE_SIGNING", "EV_CODE_SIGNING", "DOCUMENT_SIGNING"})
        void theCnNamesAnOrganizationAndNoDnsNamesAreKept(Product product) {
            String pem = TestCsrs.pem(TestKeys.rsa(3072), "CN=Example Corp_ (Japan), O=Example", "www.example.com");

            CheckedCsr checked = Csrs.check(pem, product);

            assertThat(checked.commonName()).isEqualTo("Example Corp_ (Japan)");
            assertThat(checked.names()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(names = {"CODE_SIGNING", "EV_CODE_SIGNING", "DOCUMENT_SIGNING"})
        void theCnMustBePresentAnd1To64CharactersWithoutControlCharacters(Product product) {
            KeyPair keys = TestKeys.rsa(3072);
            String name64 = "例".repeat(64);

            assertThat(Csrs.check(TestCsrs.pem(keys, "CN=" + name64), product).commonName())
                    .isEqualTo(name64);
            assertThat(Csrs.check(TestCsrs.pem(keys, "CN=A"), product).commonName())
                    .isEqualTo("A");
            assertThat(onlyProblem(TestCsrs.pem(keys, "CN=" + name64 + "x"), product))
                    .isEqualTo(csrProblem("csr.cn-too-long", 65, 64));
            assertThat(onlyProblem(TestCsrs.pem(keys, "O=Example Corp"), product))
                    .isEqualTo(csrProblem("csr.cn-missing-name"));
            assertThat(onlyProblem(TestCsrs.pem(keys, "CN=Example\u0007Corp"), product))
                    .isEqualTo(csrProblem("csr.cn-control-characters"));
        }
    }

    @Nested
    class ExtraNames {

        private final CheckedCsr csr = Csrs.check(csr("CN=www.example.com", "example.com"), Product.TLS_DV);

        @Test
        void extraNamesFollowTheCsrNamesLowerCasedWithoutDuplicates() {
            String field = " Shop.Example.com,\r\n\r\nexample.com , api.example.com\n,, SHOP.example.com\n";

            assertThat(Csrs.checkExtraNames(field, csr, Product.TLS_DV))
                    .containsExactly("www.example.com", "example.com", "shop.example.com", "api.example.com");
        }

        @Test
        void aBlankFieldLeavesTheCsrNames() {
            assertThat(Csrs.checkExtraNames(" \n, \n", csr, Product.TLS_DV)).isEqualTo(csr.names());
            assertThat(Csrs.checkExtraNames(null, csr, Product.TLS_DV)).isEqualTo(csr.names());
        }

        @Test
        void extraNamesFollowTheSameRulesOnTheirOwnField() {
            assertThat(catchThrowableOfType(
                                    CsrRefused.class,
                                    () -> Csrs.checkExtraNames(
                                            "a_b.example.com\nserver.local\n*.example.com\nbücher.example.com",
                                            csr,
                                            Product.TLS_EV))
                            .problems())
                    .containsExactly(
                            new Problem("sans", "csr.name-underscore", List.of("a_b.example.com")),
                            new Problem("sans", "csr.name-internal", List.of("server.local")),
                            new Problem("sans", "csr.name-wildcard-ev", List.of("*.example.com")),
                            new Problem(
                                    "sans",
                                    "csr.name-unicode",
                                    List.of("bücher.example.com", "xn--bcher-kva.example.com")));
        }

        @Test
        void csrAndExtraNamesTogetherMayReach250ButNot251() {
            CheckedCsr ten = Csrs.check(csr("CN=www.example.com", names(9)), Product.TLS_DV);
            List<String> extra240 = IntStream.range(100, 340)
                    .mapToObj(i -> "h" + i + ".example.com")
                    .toList();

            assertThat(Csrs.checkExtraNames(String.join("\n", extra240), ten, Product.TLS_DV))
                    .hasSize(250);
            CsrRefused refused = catchThrowableOfType(
                    CsrRefused.class,
                    () -> Csrs.checkExtraNames(
                            String.join("\n", extra240) + "\none-more.example.com", ten, Product.TLS_DV));
            assertThat(refused.problems())
                    .containsExactly(new Problem("sans", "csr.too-many-names", List.of(251, 250)));
        }

        @ParameterizedTest
        @EnumSource(names = {"CODE_SIGNING", "EV_CODE_SIGNING", "DOCUMENT_SIGNING"})
        void codeAndDocumentSigningTakeNoExtraNames(Product product) {
            CheckedCsr organization = Csrs.check(TestCsrs.pem(TestKeys.rsa(3072), "CN=Example Corp"), product);

            assertThat(Csrs.checkExtraNames("", organization, product)).isEmpty();
            assertThat(catchThrowableOfType(
                                    CsrRefused.class,
                                    () -> Csrs.checkExtraNames("www.example.com", organization, product))
                            .problems())
                    .containsExactly(new Problem("sans", "csr.extra-names-not-allowed", List.of()));
        }
    }

    /** {@code count} distinct names under example.com. */
    private static String[] names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("host" + i + ".example.com");
        }
        return names.toArray(String[]::new);
    }
}
