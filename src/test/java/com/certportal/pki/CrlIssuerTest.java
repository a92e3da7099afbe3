package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.support.MutableClock;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

/** D2, R2: the issuing CAs' and the roots' CRLs: number, dates, entries, reasons, signature. */
class CrlIssuerTest {

    private static final CertificateAuthority CA = TestCa.create("crl");
    private static final CrlIssuer CRLS = new CrlIssuer(CA);
    private static final Instant THIS_UPDATE = Instant.parse("2026-12-01T10:00:00.750Z");
    private static final Instant NEXT_UPDATE = Instant.parse("2026-12-02T10:00:00Z");
    private static final BigInteger KEY_COMPROMISED = new BigInteger("7F15BADE4D6FAF35234E87C896BBB1B2138FD5E9", 16);
    private static final BigInteger SUPERSEDED = new BigInteger("1A2B3C4D5E6F", 16);
    private static final BigInteger UNSPECIFIED = new BigInteger("0102030405060708090A", 16);
    private static final Instant COMPROMISED_AT = Instant.parse("2026-11-28T08:15:00Z");

    private static byte[] threeRevocations() {
        return CRLS.crl(
                CaFamily.TLS,
                BigInteger.valueOf(42),
                THIS_UPDATE,
                NEXT_UPDATE,
                List.of(
                        new RevokedEntry(KEY_COMPROMISED, Instant.parse("2026-11-30T12:00:00.999Z"), 1, COMPROMISED_AT),
                        new RevokedEntry(SUPERSEDED, Instant.parse("2026-11-29T00:00:00Z"), 4),
                        new RevokedEntry(UNSPECIFIED, Instant.parse("2026-12-01T10:00:00Z"), 0)));
    }

    @Test
    void theIssuingCaSignsAVersion2CrlWithItsNumberDatesAndKeyIdentifier() throws Exception {
        X509CRL crl = jdk(threeRevocations());
        X509Certificate issuing = CA.issuing(CaFamily.TLS);

        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getIssuerX500Principal()).isEqualTo(issuing.getSubjectX500Principal());
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NEXT_UPDATE);
        X509CRLHolder holder = new X509CRLHolder(crl.getEncoded());
        assertThat(ASN1Integer.getInstance(
                                holder.getExtension(Extension.cRLNumber).getParsedValue())
                        .getValue())
                .isEqualTo(BigInteger.valueOf(42));
        assertThat(holder.getExtension(Extension.cRLNumber).isCritical()).isFalse();
        assertThat(AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(
                                Profiles.holder(issuing).getExtensions())
                        .getKeyIdentifier());

        crl.verify(issuing.getPublicKey());
        assertThat(holder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing)))
                .isTrue();
        assertThat(holder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(CA.root(CaFamily.TLS))))
                .isFalse();
    }

    @Test
    void everyRevokedCertificateIsListedWithItsTimeToTheSecond() throws Exception {
        X509CRL crl = jdk(threeRevocations());

        assertThat(crl.getRevokedCertificates())
                .extracting(X509CRLEntry::getSerialNumber)
                .containsExactlyInAnyOrder(KEY_COMPROMISED, SUPERSEDED, UNSPECIFIED);
        assertThat(crl.getRevokedCertificate(KEY_COMPROMISED)
                        .getRevocationDate()
                        .toInstant())
                .isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(crl.getRevokedCertificate(SUPERSEDED).getRevocationDate().toInstant())
                .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void reasonsAreWrittenButUnspecifiedIsLeftOutAsTheBaselineRequirementsSay() throws Exception {
        X509CRL crl = jdk(threeRevocations());

        assertThat(crl.getRevokedCertificate(KEY_COMPROMISED).getRevocationReason())
                .isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificate(SUPERSEDED).getRevocationReason()).isEqualTo(CRLReason.SUPERSEDED);
        X509CRLEntry unspecified = crl.getRevokedCertificate(UNSPECIFIED);
        assertThat(unspecified.getRevocationReason()).isNull();
        assertThat(unspecified.hasExtensions())
                .as("R2: no reasonCode extension at all")
                .isFalse();
        assertThat(unspecified.getExtensionValue(Extension.reasonCode.getId())).isNull();
    }

    @Test
    void theInvalidityDateIsWrittenOnlyWhereTheMemberGaveOne() throws Exception {
        X509CRLHolder holder = new X509CRLHolder(threeRevocations());

        Extension invalidity = holder.getRevokedCertificate(KEY_COMPROMISED).getExtension(Extension.invalidityDate);
        assertThat(invalidity.isCritical()).isFalse();
        assertThat(ASN1GeneralizedTime.getInstance(invalidity.getParsedValue()).getDate())
                .isEqualTo(Date.from(COMPROMISED_AT));
        assertThat(holder.getRevokedCertificate(SUPERSEDED).getExtension(Extension.invalidityDate))
                .isNull();
    }

    @Test
    void everyPortalReasonIsAcceptedAndNoOther() {
        for (int reason : List.of(0, 1, 3, 4, 5)) {
            assertThat(new RevokedEntry(SUPERSEDED, THIS_UPDATE, reason).reasonCode())
                    .isEqualTo(reason);
        }
        for (int reason : List.of(-1, 2, 6, 7, 8, 9, 10)) {
            assertThatThrownBy(() -> new RevokedEntry(SUPERSEDED, THIS_UPDATE, reason))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("R2");
        }
    }

    @Test
    void anEmptyCrlListsNothing() throws Exception {
        X509CRL crl = jdk(CRLS.crl(CaFamily.PRIVATE, BigInteger.ONE, THIS_UPDATE, NEXT_UPDATE, List.of()));

        assertThat(crl.getRevokedCertificates()).isNull();
        crl.verify(CA.issuing(CaFamily.PRIVATE).getPublicKey());
    }

    @Test
    void nextUpdateIsAtMostSevenDaysAfterThisUpdate() {
        Instant from = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(CRLS.crl(CaFamily.TLS, BigInteger.TWO, from, from.plus(Duration.ofDays(7)), List.of()))
                .isNotEmpty();
        assertThatThrownBy(() -> CRLS.crl(
                        CaFamily.TLS,
                        BigInteger.TWO,
                        from,
                        from.plus(Duration.ofDays(7).plusSeconds(1)),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 7 days");
        assertThatThrownBy(() -> CRLS.crl(CaFamily.TLS, BigInteger.TWO, from, from, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after thisUpdate");
        assertThatThrownBy(() -> CRLS.rootCrl(CaFamily.TLS, BigInteger.TWO, from, from.plus(Duration.ofDays(8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCrlCannotListTheFutureNorACertificateTwiceNorBreakTheNumberRules() {
        Instant from = Instant.parse("2026-12-01T10:00:00Z");
        Instant until = from.plus(Duration.ofDays(1));

        assertThatThrownBy(() -> CRLS.crl(
                        CaFamily.TLS,
                        BigInteger.TEN,
                        from,
                        until,
                        List.of(new RevokedEntry(SUPERSEDED, from.plusSeconds(1), 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after this CRL's thisUpdate");
        assertThatThrownBy(() -> CRLS.crl(
                        CaFamily.TLS,
                        BigInteger.TEN,
                        from,
                        until,
                        List.of(new RevokedEntry(SUPERSEDED, from, 4), new RevokedEntry(SUPERSEDED, from, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> CRLS.crl(CaFamily.TLS, BigInteger.valueOf(-1), from, until, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CRLS.crl(CaFamily.TLS, BigInteger.ONE.shiftLeft(160), from, until, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20 octets");
    }

    @Test
    void theRootSignsAnEmptyCrlForItsIssuingCa() throws Exception {
        X509CRL crl = jdk(CRLS.rootCrl(CaFamily.CODE_SIGNING, BigInteger.valueOf(7), THIS_UPDATE, NEXT_UPDATE));
        X509Certificate root = CA.root(CaFamily.CODE_SIGNING);

        assertThat(crl.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(crl.getRevokedCertificates()).isNull();
        assertThat(crl.isRevoked(CA.issuing(CaFamily.CODE_SIGNING))).isFalse();
        crl.verify(root.getPublicKey());
        X509CRLHolder holder = new X509CRLHolder(crl.getEncoded());
        assertThat(AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(
                                Profiles.holder(root).getExtensions())
                        .getKeyIdentifier());
    }

    /** D2, issue 10: every instance signs the day's root CRL under the same number, so it never goes back. */
    @Test
    void rootCrlsAreSignedForTheUtcDayAndNumberedByItSoEveryInstanceAgrees_D2() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00.400Z"));
        RootCrls roots = new RootCrls(CRLS, clock);
        MutableClock laterClock = new MutableClock(Instant.parse("2026-12-01T22:30:00Z"));
        RootCrls anotherInstance = new RootCrls(CRLS, laterClock);

        byte[] first = roots.currentCrl(CaFamily.TLS);
        byte[] signedLaterElsewhere = anotherInstance.currentCrl(CaFamily.TLS);
        clock.advance(Duration.ofHours(13).plusMinutes(59));
        byte[] sameDay = roots.currentCrl(CaFamily.TLS);
        clock.advance(Duration.ofMinutes(1));
        byte[] nextDay = roots.currentCrl(CaFamily.TLS);

        assertThat(sameDay).isEqualTo(first);
        BigInteger midnight =
                BigInteger.valueOf(Instant.parse("2026-12-01T00:00:00Z").getEpochSecond());
        assertThat(number(first)).isEqualTo(midnight);
        assertThat(number(signedLaterElsewhere)).isEqualTo(midnight);
        assertThat(jdk(signedLaterElsewhere).getThisUpdate())
                .isEqualTo(jdk(first).getThisUpdate());
        assertThat(number(nextDay)).isGreaterThan(number(first));
        X509CRL crl = jdk(nextDay);
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(Instant.parse("2026-12-09T00:00:00Z"));
        crl.verify(CA.root(CaFamily.TLS).getPublicKey());
        assertThat(jdk(roots.currentCrl(CaFamily.PRIVATE)).getIssuerX500Principal())
                .isEqualTo(CA.root(CaFamily.PRIVATE).getSubjectX500Principal());
    }

    @Test
    void opensslReadsTheCrlWithItsReasons() throws Exception {
        Path der = Files.write(TestCa.directory("crl-text").resolve("tls.crl"), threeRevocations());

        String text = Openssl.ok("crl", "-inform", "DER", "-in", der.toString(), "-noout", "-text");

        assertThat(text)
                .contains("Certificate Revocation List (CRL):")
                .contains("Version 2 (0x1)")
                .contains("Issuer: C = JP, O = CertPortal Demo, CN = CertPortal TLS Issuing CA 2026")
                .contains("Last Update: Dec  1 10:00:00 2026 GMT")
                .contains("Next Update: Dec  2 10:00:00 2026 GMT")
                .contains("X509v3 CRL Number: \n                42")
                .contains("X509v3 Authority Key Identifier:")
                .contains("Serial Number: " + Profiles.serialHex(KEY_COMPROMISED))
                .contains("Key Compromise")
                .contains("Invalidity Date: \n                Nov 28 08:15:00 2026 GMT")
                .contains("Superseded")
                .contains("Serial Number: " + Profiles.serialHex(UNSPECIFIED))
                .contains("Signature Algorithm: ecdsa-with-SHA384");
        // The unspecified entry, up to the next entry: a date and nothing else.
        String unspecifiedEntry = text.substring(text.indexOf("Serial Number: " + Profiles.serialHex(UNSPECIFIED)));
        unspecifiedEntry = unspecifiedEntry.substring(0, unspecifiedEntry.indexOf("Serial Number:", 1));
        assertThat(unspecifiedEntry.strip().lines().map(String::strip))
                .containsExactly(
                        "Serial Number: " + Profiles.serialHex(UNSPECIFIED),
                        "Revocation Date: Dec  1 10:00:00 2026 GMT");
    }

    private static BigInteger number(byte[] crl) throws Exception {
        return ASN1Integer.getInstance(
                        new X509CRLHolder(crl).getExtension(Extension.cRLNumber).getParsedValue())
                .getValue();
    }

    private static X509CRL jdk(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }
}
