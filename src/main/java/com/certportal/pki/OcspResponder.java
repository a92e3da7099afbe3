package com.certportal.pki;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * D2: the OCSP responder (RFC 6960) for every family's issuing CA. Each answer is signed by the
 * family's delegated responder (id-kp-OCSPSigning, ocsp-nocheck; its certificate goes with the
 * answer), names it by key hash, and is good for {@link PkiProperties#ocspValidity()}.
 *
 * <p>The status is asked of the {@link StatusSource} for every request, so a revocation shows at the
 * next request. A signed answer is reused while every status it reports is unchanged and less than
 * half its validity has passed (as RFC 5019 responders pre-sign): the same request then gets the
 * same bytes, which is what lets HTTP caches and ETags work. Requests with a nonce are always signed
 * afresh, with the nonce echoed.
 */
@Component
public class OcspResponder {

    private static final Logger log = LoggerFactory.getLogger(OcspResponder.class);

    /** RFC 9654 2.1: a nonce is 1 to 128 octets; outside that the request is malformed. */
    private static final int LONGEST_NONCE = 128;

    private static final int KEPT_ANSWERS = 10_000;

    /** The CertID hash algorithms understood (RFC 6960 4.1.1 names SHA-1; clients also use SHA-256). */
    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final CertificateAuthority ca;
    private final Duration validity;
    private final Map<String, Map<CaFamily, IssuerHashes>> issuerHashes = new ConcurrentHashMap<>();
    private final Map<List<CertificateID>, Signed> signed =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<CertificateID>, Signed> eldest) {
                    return size() > KEPT_ANSWERS;
                }
            });

    public OcspResponder(CertificateAuthority ca, PkiProperties properties) {
        this.ca = ca;
        this.validity = properties.ocspValidity();
    }

    /**
     * D2: the answer to a DER OCSPRequest. A request that does not parse, asks about nothing or
     * carries an empty or oversized nonce is {@code malformedRequest}; one that asks about a CA this
     * responder does not serve (or about two families' CAs at once, which no one responder may sign
     * for) is {@code unauthorized}; otherwise every certificate is good, revoked (time, and reason
     * unless unspecified, R2) or unknown (never issued), as {@code source} says.
     */
    public OcspResponse answer(byte[] derRequest, StatusSource source, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        List<CertificateID> ids = new ArrayList<>();
        Extension nonce;
        try {
            OCSPReq request = new OCSPReq(derRequest);
            for (Req single : request.getRequestList()) {
                ids.add(single.getCertID());
            }
            nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        } catch (IOException | RuntimeException e) {
            log.debug("malformed OCSP request", e);
            return error(OcspResponse.Status.MALFORMED_REQUEST);
        }
        if (ids.isEmpty() || (nonce != null && !acceptableNonce(nonce))) {
            return error(OcspResponse.Status.MALFORMED_REQUEST);
        }

        Optional<CaFamily> family = familyOf(ids);
        if (family.isEmpty()) {
            return error(OcspResponse.Status.UNAUTHORIZED);
        }
        List<Optional<CertificateStatusRecord>> statuses = new ArrayList<>();
        try {
            for (CertificateID id : ids) {
                statuses.add(source.status(family.get(), id.getSerialNumber()));
            }
        } catch (RuntimeException e) {
            log.error("OCSP: cannot read the status of {} certificates", family.get(), e);
            return error(OcspResponse.Status.INTERNAL_ERROR);
        }

        if (nonce == null) {
            Signed kept = signed.get(ids);
            if (kept != null && kept.statuses().equals(statuses) && kept.freshAt(at, validity)) {
                return kept.response();
            }
        }
        OcspResponse response = sign(family.get(), ids, statuses, nonce, at);
        if (nonce == null && response.cacheable()) {
            signed.put(List.copyOf(ids), new Signed(statuses, at, response));
        }
        return response;
    }

    private OcspResponse sign(
            CaFamily family,
            List<CertificateID> ids,
            List<Optional<CertificateStatusRecord>> statuses,
            Extension nonce,
            Instant now) {
        CaSigner responder = ca.ocspSigner(family);
        X509Certificate certificate = responder.certificate();
        if (now.isBefore(certificate.getNotBefore().toInstant())
                || now.isAfter(certificate.getNotAfter().toInstant())) {
            log.error(
                    "OCSP: the {} responder certificate is valid from {} to {}, not at {}: renew it",
                    family,
                    certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(),
                    now);
            return error(OcspResponse.Status.INTERNAL_ERROR);
        }
        Instant nextUpdate = now.plus(validity);
        try {
            X509CertificateHolder holder = Profiles.holder(certificate);
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(
                    holder.getSubjectPublicKeyInfo(),
                    new JcaDigestCalculatorProviderBuilder().build().get(RespID.HASH_SHA1)));
            for (int i = 0; i < ids.size(); i++) {
                builder.addResponse(ids.get(i), status(statuses.get(i)), Date.from(now), Date.from(nextUpdate), null);
            }
            if (nonce != null) {
                builder.setResponseExtensions(
                        new Extensions(new Extension(nonce.getExtnId(), false, nonce.getExtnValue())));
            }
            BasicOCSPResp basic =
                    builder.build(responder.contentSigner(), new X509CertificateHolder[] {holder}, Date.from(now));
            byte[] der = new OCSPRespBuilder()
                    .build(OCSPRespBuilder.SUCCESSFUL, basic)
                    .getEncoded();
            return new OcspResponse(OcspResponse.Status.SUCCESSFUL, der, now, nextUpdate);
        } catch (OCSPException | OperatorCreationException | IOException | RuntimeException e) {
            log.error("OCSP: the {} responder cannot sign", family, e);
            return error(OcspResponse.Status.INTERNAL_ERROR);
        }
    }

    /** R2: a revoked certificate's reason, except unspecified, which is left out. */
    private static CertificateStatus status(Optional<CertificateStatusRecord> record) {
        if (record.isEmpty()) {
            return new UnknownStatus();
        }
        CertificateStatusRecord status = record.get();
        if (!status.isRevoked()) {
            return CertificateStatus.GOOD;
        }
        Date revokedAt = Date.from(status.revokedAt().truncatedTo(ChronoUnit.SECONDS));
        return CrlReasons.encoded(status.reasonCode())
                ? new RevokedStatus(revokedAt, status.reasonCode())
                : new RevokedStatus(revokedAt);
    }

    /** The one family whose issuing CA every CertID names, by the hash of its name and of its key. */
    private Optional<CaFamily> familyOf(List<CertificateID> ids) {
        CaFamily found = null;
        for (CertificateID id : ids) {
            Optional<CaFamily> family = familyOf(id);
            if (family.isEmpty() || (found != null && found != family.get())) {
                return Optional.empty();
            }
            found = family.get();
        }
        return Optional.ofNullable(found);
    }

    private Optional<CaFamily> familyOf(CertificateID id) {
        String digest = DIGESTS.get(id.getHashAlgOID());
        if (digest == null) {
            return Optional.empty();
        }
        return issuerHashes.computeIfAbsent(digest, this::issuerHashes).entrySet().stream()
                .filter(e -> e.getValue().names(id))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** RFC 6960 4.1.1: each issuing CA's name (DER) and key (the BIT STRING's value), hashed. */
    private Map<CaFamily, IssuerHashes> issuerHashes(String digest) {
        Map<CaFamily, IssuerHashes> hashes = new EnumMap<>(CaFamily.class);
        for (CaFamily family : CaFamily.values()) {
            X509CertificateHolder issuing = Profiles.holder(ca.issuing(family));
            try {
                hashes.put(
                        family,
                        new IssuerHashes(
                                hash(digest, issuing.getSubject().getEncoded(ASN1Encoding.DER)),
                                hash(
                                        digest,
                                        issuing.getSubjectPublicKeyInfo()
                                                .getPublicKeyData()
                                                .getBytes())));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }

    private record IssuerHashes(byte[] name, byte[] key) {

        boolean names(CertificateID id) {
            return MessageDigest.isEqual(name, id.getIssuerNameHash())
                    && MessageDigest.isEqual(key, id.getIssuerKeyHash());
        }
    }

    private static byte[] hash(String digest, byte[] value) {
        try {
            return MessageDigest.getInstance(digest).digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is missing from this JDK", e);
        }
    }

    /**
     * RFC 9654 2.1: the nonce is the OCTET STRING inside extnValue; some older clients put the bare
     * bytes there instead, and those are measured as they are.
     */
    private static boolean acceptableNonce(Extension nonce) {
        byte[] value = nonce.getExtnValue().getOctets();
        int length = value.length;
        try {
            if (ASN1Primitive.fromByteArray(value) instanceof ASN1OctetString inner) {
                length = inner.getOctets().length;
            }
        } catch (IOException | RuntimeException bareBytes) {
            // not DER: the bytes are the nonce
        }
        return length >= 1 && length <= LONGEST_NONCE;
    }

    private static OcspResponse error(OcspResponse.Status status) {
        try {
            byte[] der = new OCSPRespBuilder().build(status.code(), null).getEncoded();
            return new OcspResponse(status, der, null, null);
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot encode an OCSP error response", e);
        }
    }

    /** A signed answer and the statuses it reports. */
    private record Signed(List<Optional<CertificateStatusRecord>> statuses, Instant thisUpdate, OcspResponse response) {

        /** Reused for the first half of its validity; a clock set back signs anew. */
        boolean freshAt(Instant now, Duration validity) {
            return !now.isBefore(thisUpdate) && now.isBefore(thisUpdate.plus(validity.dividedBy(2)));
        }
    }
}
