package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** D2, R2: the OCSP responder's answers (RFC 6960), parsed back with BouncyCastle. */
class OcspResponderTest {

    private static final CertificateAuthority CA = TestCa.create("ocsp");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final BigInteger GOOD = new BigInteger("11AA22BB33CC44DD55EE", 16);
    private static final BigInteger REVOKED = new BigInteger("7F15BADE4D6FAF35234E87C896BBB1B2138FD5E9", 16);
    private static final BigInteger UNSPECIFIED = new BigInteger("0102030405060708090A", 16);
    private static final BigInteger NEVER_ISSUED = new BigInteger("0DEADBEEF0", 16);
    private static final Instant REVOKED_AT = Instant.parse("2026-11-30T12:34:56Z");

    private final OcspResponder responder = new OcspResponder(CA, new PkiProperties(TestCa.BASE_URL));
    private final Statuses statuses = new Statuses();

    OcspResponderTest() {
        statuses.put(CaFamily.TLS, GOOD, CertificateStatusRecord.good());
        statuses.put(CaFamily.TLS, REVOKED, CertificateStatusRecord.revoked(REVOKED_AT, 1));
        statuses.put(CaFamily.TLS, UNSPECIFIED, CertificateStatusRecord.revoked(REVOKED_AT, 0));
    }

    @Test
    void anIssuedCertificateIsGoodForAnHour() throws Exception {
        OcspResponse response = responder.answer(request(CaFamily.TLS, GOOD), statuses, NOW);

        assertThat(response.status()).isEqualTo(OcspResponse.Status.SUCCESSFUL);
        assertThat(response.producedAt()).isEqualTo(NOW);
        assertThat(response.nextUpdate()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        BasicOCSPResp basic = basic(response);
        SingleResp single = basic.getResponses()[0];
        assertThat(single.getCertStatus()).isSameAs(CertificateStatus.GOOD);
        assertThat(single.getCertID()).isEqualTo(id(CaFamily.TLS, GOOD));
        assertThat(single.getThisUpdate()).isEqualTo(Date.from(NOW));
        assertThat(single.getNextUpdate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));
        assertThat(basic.getProducedAt()).isEqualTo(Date.from(NOW));
        assertThat(statuses.asked).containsExactly(CaFamily.TLS + ":" + GOOD);
    }

    @Test
    void aRevokedCertificateIsRevokedWithItsTimeAndReason() throws Exception {
        SingleResp single = basic(responder.answer(request(CaFamily.TLS, REVOKED), statuses, NOW))
                .getResponses()[0];

        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
        RevokedStatus revoked = (RevokedStatus) single.getCertStatus();
        assertThat(revoked.getRevocationTime()).isEqualTo(Date.from(REVOKED_AT));
        assertThat(revoked.hasRevocationReason()).isTrue();
        assertThat(revoked.getRevocationReason()).isEqualTo(1);
    }

    @Test
    void anUnspecifiedRevocationCarriesNoReason() throws Exception {
        SingleResp single = basic(responder.answer(request(CaFamily.TLS, UNSPECIFIED), statuses, NOW))
                .getResponses()[0];

        RevokedStatus revoked = (RevokedStatus) single.getCertStatus();
        assertThat(revoked.getRevocationTime()).isEqualTo(Date.from(REVOKED_AT));
        assertThat(revoked.hasRevocationReason())
                .as("R2: the reason is left out")
                .isFalse();
    }

    @Test
    void aSerialTheCaNeverIssuedIsUnknown() throws Exception {
        SingleResp single = basic(responder.answer(request(CaFamily.TLS, NEVER_ISSUED), statuses, NOW))
                .getResponses()[0];

        assertThat(single.getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void theDelegatedResponderSignsNamesItselfByKeyHashAndSendsItsCertificate() throws Exception {
        BasicOCSPResp basic = basic(responder.answer(request(CaFamily.TLS, GOOD), statuses, NOW));
        X509Certificate responderCertificate = CA.ocspResponder(CaFamily.TLS);
        X509CertificateHolder holder = Profiles.holder(responderCertificate);

        assertThat(basic.getCerts()).containsExactly(holder);
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(holder)))
                .isTrue();
        assertThat(basic.getResponderId())
                .isEqualTo(
                        new RespID(holder.getSubjectPublicKeyInfo(), digests().get(RespID.HASH_SHA1)));
        assertThat(basic.getResponderId().toASN1Primitive().getName()).isNull();
        // RFC 6960 4.2.2.2: issued by the CA it answers for, for OCSP signing, itself never checked.
        X509Certificate issuing = CA.issuing(CaFamily.TLS);
        responderCertificate.verify(issuing.getPublicKey());
        assertThat(responderCertificate.getIssuerX500Principal()).isEqualTo(issuing.getSubjectX500Principal());
        assertThat(responderCertificate.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_OCSPSigning.getId());
        assertThat(holder.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck))
                .isNotNull();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing)))
                .as("not signed by the issuing CA itself")
                .isFalse();
    }

    @Test
    void eachFamilyAnswersWithItsOwnResponder() throws Exception {
        statuses.put(CaFamily.CODE_SIGNING, GOOD, CertificateStatusRecord.good());

        BasicOCSPResp basic = basic(responder.answer(request(CaFamily.CODE_SIGNING, GOOD), statuses, NOW));

        assertThat(basic.getCerts()).containsExactly(Profiles.holder(CA.ocspResponder(CaFamily.CODE_SIGNING)));
        assertThat(basic.getResponses()[0].getCertStatus()).isSameAs(CertificateStatus.GOOD);
        assertThat(statuses.asked).containsExactly(CaFamily.CODE_SIGNING + ":" + GOOD);
    }

    @Test
    void theNonceIsEchoedAndANonceRequestIsAlwaysSignedAfresh() throws Exception {
        byte[] nonce = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] request = request(List.of(id(CaFamily.TLS, GOOD)), nonce);

        OcspResponse first = responder.answer(request, statuses, NOW);
        OcspResponse second = responder.answer(request, statuses, NOW);

        Extension echoed = basic(first).getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        assertThat(echoed.getExtnValue().getOctets()).isEqualTo(new DEROctetString(nonce).getEncoded());
        assertThat(echoed.isCritical()).isFalse();
        assertThat(second.encoded()).isNotEqualTo(first.encoded());
        assertThat(basic(responder.answer(request(CaFamily.TLS, GOOD), statuses, NOW))
                        .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce))
                .isNull();
    }

    @Test
    void anIssuerThisResponderDoesNotServeIsUnauthorized() throws Exception {
        CertificateAuthority foreign = TestCa.create("ocsp-foreign");
        CertificateID foreignId = new CertificateID(
                digests().get(CertificateID.HASH_SHA1), Profiles.holder(foreign.issuing(CaFamily.TLS)), GOOD);
        CertificateID rootId =
                new CertificateID(digests().get(CertificateID.HASH_SHA1), Profiles.holder(CA.root(CaFamily.TLS)), GOOD);

        assertThat(responder
                        .answer(request(List.of(foreignId), null), statuses, NOW)
                        .status())
                .isEqualTo(OcspResponse.Status.UNAUTHORIZED);
        assertThat(responder
                        .answer(request(List.of(rootId), null), statuses, NOW)
                        .status())
                .as("the roots' status is in their CRLs, not here")
                .isEqualTo(OcspResponse.Status.UNAUTHORIZED);
        OcspResponse unauthorized = responder.answer(
                request(List.of(id(CaFamily.TLS, GOOD), id(CaFamily.PRIVATE, GOOD)), null), statuses, NOW);
        assertThat(unauthorized.status())
                .as("no one responder signs for two CAs")
                .isEqualTo(OcspResponse.Status.UNAUTHORIZED);
        assertThat(new OCSPResp(unauthorized.encoded()).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
        assertThat(new OCSPResp(unauthorized.encoded()).getResponseObject()).isNull();
        assertThat(unauthorized.cacheable()).isFalse();
        assertThat(statuses.asked).isEmpty();
    }

    @Test
    void aRequestThatDoesNotParseOrAsksNothingIsMalformed() throws Exception {
        byte[] emptyNonce = request(List.of(id(CaFamily.TLS, GOOD)), new byte[0]);
        byte[] hugeNonce = request(List.of(id(CaFamily.TLS, GOOD)), new byte[129]);
        for (byte[] malformed : List.of(
                new byte[0],
                "not DER".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0x30, 0x03, 0x30, 0x01, 0x00},
                request(List.of(), null),
                emptyNonce,
                hugeNonce)) {
            OcspResponse response = responder.answer(malformed, statuses, NOW);
            assertThat(response.status()).isEqualTo(OcspResponse.Status.MALFORMED_REQUEST);
            assertThat(new OCSPResp(response.encoded()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
        assertThat(responder
                        .answer(request(List.of(id(CaFamily.TLS, GOOD)), new byte[128]), statuses, NOW)
                        .status())
                .isEqualTo(OcspResponse.Status.SUCCESSFUL);
    }

    @Test
    void sha256CertIdsAndSeveralCertificatesInOneRequestAreAnswered() throws Exception {
        CertificateID sha256 = new CertificateID(
                digests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                Profiles.holder(CA.issuing(CaFamily.TLS)),
                REVOKED);

        SingleResp[] answers = basic(responder.answer(
                        request(List.of(sha256, id(CaFamily.TLS, GOOD), id(CaFamily.TLS, NEVER_ISSUED)), null),
                        statuses,
                        NOW))
                .getResponses();

        assertThat(answers).hasSize(3);
        assertThat(answers[0].getCertID()).isEqualTo(sha256);
        assertThat(answers[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(answers[1].getCertStatus()).isSameAs(CertificateStatus.GOOD);
        assertThat(answers[2].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void theSameAnswerIsReusedForHalfItsValidityUnlessTheStatusChanges() throws Exception {
        byte[] request = request(CaFamily.TLS, GOOD);
        OcspResponse first = responder.answer(request, statuses, NOW);

        OcspResponse later = responder.answer(request, statuses, NOW.plus(Duration.ofMinutes(29)));
        assertThat(later.encoded()).as("same bytes: caches and ETags work").isEqualTo(first.encoded());
        assertThat(later.nextUpdate()).isEqualTo(first.nextUpdate());

        OcspResponse halfway = responder.answer(request, statuses, NOW.plus(Duration.ofMinutes(30)));
        assertThat(halfway.encoded()).isNotEqualTo(first.encoded());
        assertThat(halfway.producedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));

        Instant revokedAt = NOW.plus(Duration.ofMinutes(31));
        statuses.put(CaFamily.TLS, GOOD, CertificateStatusRecord.revoked(revokedAt, 4));
        OcspResponse afterRevocation = responder.answer(request, statuses, NOW.plus(Duration.ofMinutes(32)));
        RevokedStatus revoked =
                (RevokedStatus) basic(afterRevocation).getResponses()[0].getCertStatus();
        assertThat(revoked.getRevocationTime()).isEqualTo(Date.from(revokedAt));
        assertThat(revoked.getRevocationReason()).as("superseded").isEqualTo(4);
    }

    @Test
    void theValidityIsConfigurable() {
        OcspResponder tenMinutes = new OcspResponder(CA, new PkiProperties(TestCa.BASE_URL, Duration.ofMinutes(10)));

        OcspResponse response = tenMinutes.answer(request(CaFamily.TLS, GOOD), statuses, NOW.plusMillis(250));

        assertThat(response.producedAt()).isEqualTo(NOW);
        assertThat(response.nextUpdate()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aStatusSourceThatFailsGivesAnInternalErrorNotAGoodAnswer() throws Exception {
        StatusSource broken = (family, serial) -> {
            throw new IllegalStateException("database down");
        };

        OcspResponse response = responder.answer(request(CaFamily.TLS, GOOD), broken, NOW);

        assertThat(response.status()).isEqualTo(OcspResponse.Status.INTERNAL_ERROR);
        assertThat(new OCSPResp(response.encoded()).getStatus()).isEqualTo(OCSPResp.INTERNAL_ERROR);
    }

    @Test
    void anExpiredResponderCertificateSignsNothing() {
        Instant afterExpiry =
                CA.ocspResponder(CaFamily.TLS).getNotAfter().toInstant().plusSeconds(1);

        assertThat(responder
                        .answer(request(CaFamily.TLS, GOOD), statuses, afterExpiry)
                        .status())
                .isEqualTo(OcspResponse.Status.INTERNAL_ERROR);
    }

    private static BasicOCSPResp basic(OcspResponse response) throws Exception {
        OCSPResp parsed = new OCSPResp(response.encoded());
        assertThat(parsed.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) parsed.getResponseObject();
    }

    private static byte[] request(CaFamily family, BigInteger serial) {
        return request(List.of(id(family, serial)), null);
    }

    static byte[] request(List<CertificateID> ids, byte[] nonce) {
        try {
            OCSPReqBuilder builder = new OCSPReqBuilder();
            ids.forEach(builder::addRequest);
            if (nonce != null) {
                builder.setRequestExtensions(new Extensions(new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce).getEncoded())));
            }
            return builder.build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertificateID id(CaFamily family, BigInteger serial) {
        try {
            return new CertificateID(
                    digests().get(CertificateID.HASH_SHA1), Profiles.holder(CA.issuing(family)), serial);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate table, as far as the responder sees it; remembers what it was asked. */
    private static final class Statuses implements StatusSource {

        private final Map<String, CertificateStatusRecord> records = new ConcurrentHashMap<>();
        final List<String> asked = new ArrayList<>();

        void put(CaFamily family, BigInteger serial, CertificateStatusRecord record) {
            records.put(family + ":" + serial, record);
        }

        @Override
        public Optional<CertificateStatusRecord> status(CaFamily family, BigInteger serial) {
            asked.add(family + ":" + serial);
            return Optional.ofNullable(records.get(family + ":" + serial));
        }
    }
}
