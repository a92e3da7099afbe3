package com.certportal.pki;

import com.certportal.catalog.Product;
import com.certportal.cluster.ClusterLock;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * I1, I2: the internal CA. Each family has a root and an issuing CA, kept in the configured key
 * store and created there at first start; this signs end-entity certificates with the issuing CA
 * under the family's profile. The CA keys never leave: CRL and OCSP signing (D2) reach them only
 * through the package-private signers below.
 */
@Component
public class CertificateAuthority implements SmartInitializingSingleton {

    private final CompletableFuture<Map<CaFamily, CaKeyStore.Hierarchy>> families;
    private final PkiUrls urls;
    private final SecureRandom random;

    /**
     * Opens the key store; at first start creates every family's CA, dated by {@code clock}. Issue 10:
     * opening a PKCS#12 store derives a key from the password for every CA key (seconds on a JVM that
     * has just started), so it runs on a thread of its own beside the rest of the start; the start
     * still waits for it, and stops if the store cannot be used (see {@link #afterSingletonsInstantiated}).
     */
    public CertificateAuthority(CaProperties ca, PkiProperties pki, Clock clock) {
        this(ca, pki, clock, ClusterLock.inThisJvm());
    }

    /**
     * I1, issue 10: the store is opened (and at first start filled) by one instance at a time, so that
     * instances starting together on an empty store make one CA: the first creates it, the others find
     * it whole. Without the lock each would create its own, and the last one written would win.
     */
    @Autowired
    public CertificateAuthority(CaProperties ca, PkiProperties pki, Clock clock, ClusterLock firstStart) {
        this.random = new SecureRandom();
        this.urls = PkiUrls.of(pki.baseUrl());
        Instant now = clock.instant();
        this.families = CompletableFuture.supplyAsync(
                () -> firstStart.holding("ca-key-store", () -> CaKeyStore.open(ca, urls, now, random)), task -> {
                    Thread opener = new Thread(task, "ca-key-store");
                    opener.setDaemon(true);
                    opener.start();
                });
    }

    /** I1: the key store is open before the portal serves anything; a store that cannot be used stops the start. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            awaitKeyStore();
        } catch (RuntimeException e) {
            throw new BeanInitializationException("The CA key store cannot be used", e);
        }
    }

    /** Waits until the key store is open; throws what opening it threw. */
    void awaitKeyStore() {
        families();
    }

    private Map<CaFamily, CaKeyStore.Hierarchy> families() {
        try {
            return families.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** I2: signs a certificate for the request's key under its product's profile. */
    public IssuedCertificate issue(IssueRequest request) {
        CaFamily family = CaFamily.of(request.product());
        CaSigner issuer = issuingSigner(family);
        Instant notBefore = request.notBefore().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = request.notAfter().truncatedTo(ChronoUnit.SECONDS);
        check(request, notBefore, notAfter, issuer.certificate());

        String organization = blankToNull(request.organization());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                Profiles.subjectOf(issuer.certificate()),
                Profiles.serial(random),
                Date.from(notBefore),
                Date.from(notAfter),
                Profiles.name(request.commonName(), organization, organization == null ? null : Profiles.COUNTRY),
                request.subjectKey());
        try {
            profile(builder, request, family);
            Profiles.subjectKeyIdentifier(builder, request.subjectKey());
            Profiles.authorityKeyIdentifier(builder, issuer.certificate());
            Profiles.crlDistributionPoint(builder, urls.issuingCrl(family));
            Profiles.authorityInformationAccess(builder, urls.ocsp(family), urls.issuingCertificate(family));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the certificate's extensions", e);
        }
        X509Certificate certificate = Profiles.certificate(issuer.sign(builder));
        return new IssuedCertificate(
                Profiles.serialHex(certificate.getSerialNumber()),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                Profiles.pem(certificate),
                family);
    }

    /**
     * I2: TLS gets serverAuth (private also clientAuth) and its names; code signing codeSigning;
     * document signing only id-kp-documentSigning (RFC 9336): emailProtection would make it an
     * S/MIME certificate, under rules (and mailbox validation) this CA does not follow.
     */
    private static void profile(X509v3CertificateBuilder builder, IssueRequest request, CaFamily family)
            throws CertIOException {
        boolean rsa = request.subjectKey() instanceof RSAPublicKey;
        switch (family) {
            case TLS -> {
                Profiles.endEntity(builder, tlsKeyUsage(rsa), List.of(KeyPurposeId.id_kp_serverAuth));
                Profiles.dnsNames(builder, request.dnsNames());
            }
            case PRIVATE -> {
                Profiles.endEntity(
                        builder,
                        tlsKeyUsage(rsa),
                        List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));
                Profiles.dnsNames(builder, request.dnsNames());
            }
            case CODE_SIGNING ->
                Profiles.endEntity(builder, KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_codeSigning));
            case DOCUMENT_SIGNING ->
                Profiles.endEntity(
                        builder,
                        KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                        List.of(KeyPurposeId.id_kp_documentSigning));
        }
    }

    /** I2: keyEncipherment only where the key can encipher (RSA key transport). */
    private static int tlsKeyUsage(boolean rsa) {
        return rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
    }

    /** The order flow checked all this already (O2, I3); a request that slips through is a bug, not a user error. */
    private static void check(IssueRequest request, Instant notBefore, Instant notAfter, X509Certificate issuer) {
        if (!(request.subjectKey() instanceof RSAPublicKey || request.subjectKey() instanceof ECPublicKey)) {
            throw new IllegalArgumentException("only RSA and EC keys are certified (O2)");
        }
        if (request.commonName() == null || request.commonName().isBlank()) {
            throw new IllegalArgumentException("a certificate needs a common name");
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        if (notAfter.isAfter(issuer.getNotAfter().toInstant())) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is beyond the issuing CA's validity");
        }
        boolean dnsFamily = request.product().family() == Product.Family.SERVER
                || request.product().family() == Product.Family.PRIVATE;
        if (dnsFamily && !request.dnsNames().contains(request.commonName())) {
            throw new IllegalArgumentException("the CN must be one of the DNS names (O2)");
        }
        if (!dnsFamily && !request.dnsNames().isEmpty()) {
            throw new IllegalArgumentException(request.product() + " certificates carry no DNS names");
        }
        if (request.product().validation() == Product.Validation.DV && blankToNull(request.organization()) != null) {
            throw new IllegalArgumentException("a domain-validated certificate names no organization");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The issuing CA, then the root: what a server sends after its own certificate, plus the anchor. */
    public List<X509Certificate> chain(CaFamily family) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issuing(family));
        chain.add(root(family));
        return List.copyOf(chain);
    }

    public X509Certificate root(CaFamily family) {
        return families().get(family).root().certificate();
    }

    public X509Certificate issuing(CaFamily family) {
        return families().get(family).issuing().certificate();
    }

    /** D2: the delegated OCSP responder's certificate (id-kp-OCSPSigning, ocsp-nocheck). */
    public X509Certificate ocspResponder(CaFamily family) {
        return families().get(family).responder().certificate();
    }

    /** D2: signs the family's certificates, its CRL. */
    CaSigner issuingSigner(CaFamily family) {
        return families().get(family).issuing();
    }

    /** D2: signs the root's CRL (which lists the issuing CA if it is ever revoked). */
    CaSigner rootSigner(CaFamily family) {
        return families().get(family).root();
    }

    /** D2: signs OCSP responses for the issuing CA's certificates. */
    CaSigner ocspSigner(CaFamily family) {
        return families().get(family).responder();
    }

    PkiUrls urls() {
        return urls;
    }
}
