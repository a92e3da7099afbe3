package com.certportal.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.springframework.stereotype.Component;

/**
 * D2: signs the CRLs the CA publishes: a full CRL per issuing CA, signed by it, listing the
 * family's revoked certificates; and a CRL per root, signed by it, for the issuing CA (the URL in the
 * issuing CA's CRL distribution point), so that {@code openssl verify -crl_check_all} finds one for
 * every certificate of the chain. Both are X.509 v2 CRLs with the authority key identifier and a CRL
 * number (RFC 5280 5.2.1, 5.2.3).
 */
@Component
public class CrlIssuer {

    /** D2: a CRL is good for at most 7 days (CA/B Forum Baseline Requirements 4.9.7). */
    public static final Duration LONGEST_VALIDITY = Duration.ofDays(7);

    /** RFC 5280 5.2.3: a CRL number fits in 20 octets. */
    private static final int CRL_NUMBER_MAX_BITS = 159;

    private final CertificateAuthority ca;

    public CrlIssuer(CertificateAuthority ca) {
        this.ca = ca;
    }

    /**
     * D2, R2: the issuing CA's full CRL, DER. Unspecified (0) is listed without a reason extension
     * (CA/B Forum Baseline Requirements 7.2.2), the other reasons with one; an invalidity date gets
     * the invalidityDate extension. Times are kept to the second.
     *
     * @param crlNumber greater than the number of any CRL this CA published before
     * @param nextUpdate after {@code thisUpdate}, by at most {@link #LONGEST_VALIDITY}
     * @param entries every revoked certificate of the family, none revoked after {@code thisUpdate}
     */
    public byte[] crl(
            CaFamily family, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, List<RevokedEntry> entries) {
        X509v2CRLBuilder builder = builder(ca.issuingSigner(family).certificate(), crlNumber, thisUpdate, nextUpdate);
        Instant listedUntil = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
        Set<BigInteger> listed = new HashSet<>();
        for (RevokedEntry entry : entries.stream()
                .sorted(Comparator.comparing(RevokedEntry::serial))
                .toList()) {
            Instant revokedAt = entry.revokedAt().truncatedTo(ChronoUnit.SECONDS);
            if (revokedAt.isAfter(listedUntil)) {
                throw new IllegalArgumentException("serial " + Profiles.serialHex(entry.serial()) + " was revoked at "
                        + revokedAt + ", after this CRL's thisUpdate " + listedUntil);
            }
            if (!listed.add(entry.serial())) {
                throw new IllegalArgumentException("serial " + Profiles.serialHex(entry.serial()) + " is listed twice");
            }
            builder.addCRLEntry(entry.serial(), Date.from(revokedAt), entryExtensions(entry));
        }
        return sign(builder, ca.issuingSigner(family));
    }

    /**
     * D2: the root's CRL, DER, listing nothing: the portal never revokes an issuing CA. Relying
     * parties that check the whole chain ({@code openssl verify -crl_check_all}, Windows) need it to
     * accept the issuing CA.
     */
    public byte[] rootCrl(CaFamily family, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate) {
        return sign(
                builder(ca.rootSigner(family).certificate(), crlNumber, thisUpdate, nextUpdate), ca.rootSigner(family));
    }

    private static X509v2CRLBuilder builder(
            X509Certificate issuer, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate) {
        Objects.requireNonNull(crlNumber, "crlNumber");
        if (crlNumber.signum() < 0 || crlNumber.bitLength() > CRL_NUMBER_MAX_BITS) {
            throw new IllegalArgumentException("a CRL number is 0 to 20 octets (RFC 5280 5.2.3), not " + crlNumber);
        }
        Instant from = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
        Instant until = nextUpdate.truncatedTo(ChronoUnit.SECONDS);
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("nextUpdate " + until + " is not after thisUpdate " + from);
        }
        if (Duration.between(from, until).compareTo(LONGEST_VALIDITY) > 0) {
            throw new IllegalArgumentException(
                    "nextUpdate " + until + " is more than 7 days after thisUpdate " + from + " (D2)");
        }
        X509v2CRLBuilder builder = new X509v2CRLBuilder(Profiles.subjectOf(issuer), Date.from(from));
        builder.setNextUpdate(Date.from(until));
        try {
            SubjectKeyIdentifier issuerKey =
                    SubjectKeyIdentifier.fromExtensions(Profiles.holder(issuer).getExtensions());
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKey.getKeyIdentifier()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the CRL's extensions", e);
        }
        return builder;
    }

    /** R2: no reasonCode for unspecified; invalidityDate only when the member gave one. */
    private static Extensions entryExtensions(RevokedEntry entry) {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        try {
            if (CrlReasons.encoded(entry.reasonCode())) {
                extensions.addExtension(Extension.reasonCode, false, CRLReason.lookup(entry.reasonCode()));
            }
            if (entry.invalidityDate() != null) {
                extensions.addExtension(
                        Extension.invalidityDate,
                        false,
                        new ASN1GeneralizedTime(Date.from(entry.invalidityDate().truncatedTo(ChronoUnit.SECONDS))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a CRL entry's extensions", e);
        }
        return extensions.isEmpty() ? null : extensions.generate();
    }

    private static byte[] sign(X509v2CRLBuilder builder, CaSigner signer) {
        try {
            return builder.build(signer.contentSigner()).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a CRL", e);
        }
    }
}
