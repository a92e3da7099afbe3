package com.certportal.pki;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * I1: one CA key and its certificate. The private key stays in here (or, for PKCS#11, in the
 * token: this holds only the provider's handle): nothing outside this package can reach it, it has
 * no getter, it is never logged. CRLs and OCSP responses are signed through {@link
 * #contentSigner()} by classes of this package.
 */
final class CaSigner {

    /** I2: every CA key is EC P-384; every signature SHA-384 with ECDSA. */
    static final String SIGNATURE_ALGORITHM = "SHA384withECDSA";

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final Provider provider;

    /**
     * @param provider the provider that holds the key (SunPKCS11), or null for the JDK's defaults
     */
    CaSigner(PrivateKey privateKey, X509Certificate certificate, Provider provider) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.provider = provider;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A fresh signer for one certificate, CRL ({@link X509v2CRLBuilder}) or OCSP response ({@link BasicOCSPRespBuilder}). */
    ContentSigner contentSigner() {
        return contentSigner(privateKey, provider);
    }

    static ContentSigner contentSigner(PrivateKey privateKey, Provider provider) {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM);
        if (provider != null) {
            builder.setProvider(provider);
        }
        try {
            return builder.build(privateKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("a CA key cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }

    X509CertificateHolder sign(X509v3CertificateBuilder builder) {
        return builder.build(contentSigner());
    }

    @Override
    public String toString() {
        return "CaSigner[" + certificate.getSubjectX500Principal() + "]";
    }
}
