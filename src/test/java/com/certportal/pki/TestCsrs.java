package com.certportal.pki;

import java.io.IOException;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** CSRs built for the tests with BouncyCastle, signed by the key they carry. */
public final class TestCsrs {

    private TestCsrs() {}

    /** A CSR for {@code subject} ("CN=www.example.com", or "" for none) with these DNS SANs. */
    public static String pem(KeyPair keys, String subject, String... dnsNames) {
        return Profiles.pem("CERTIFICATE REQUEST", der(keys, subject, dnsNames(dnsNames)));
    }

    /**
     * O2: a CSR whose signature does not verify (one bit of it flipped after signing), as a CSR changed
     * on its way looks.
     */
    public static String withBadSignature(KeyPair keys, String subject, String... dnsNames) {
        CertificationRequest request = CertificationRequest.getInstance(der(keys, subject, dnsNames(dnsNames)));
        byte[] signature = request.getSignature().getOctets();
        signature[10] ^= 0x01;
        try {
            return Profiles.pem(
                    "CERTIFICATE REQUEST",
                    new CertificationRequest(
                                    request.getCertificationRequestInfo(),
                                    request.getSignatureAlgorithm(),
                                    new DERBitString(signature))
                            .getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same with any SAN types. */
    static String pemWithSans(KeyPair keys, String subject, GeneralName... sans) {
        return Profiles.pem("CERTIFICATE REQUEST", der(keys, subject, sans));
    }

    static GeneralName[] dnsNames(String... names) {
        return Arrays.stream(names)
                .map(n -> new GeneralName(GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
    }

    static GeneralName[] dnsNames(List<String> names) {
        return dnsNames(names.toArray(String[]::new));
    }

    static byte[] der(KeyPair keys, String subject, GeneralName... sans) {
        try {
            PKCS10CertificationRequestBuilder builder =
                    new JcaPKCS10CertificationRequestBuilder(name(subject), keys.getPublic());
            if (sans.length > 0) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            PKCS10CertificationRequest request =
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm(keys)).build(keys.getPrivate()));
            return request.getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signatureAlgorithm(KeyPair keys) {
        if (keys.getPublic() instanceof RSAPublicKey) {
            return "SHA256withRSA";
        }
        if (keys.getPublic() instanceof ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        return switch (keys.getPublic().getAlgorithm()) {
            case "DSA" -> "SHA256withDSA";
            case "EdDSA" -> "Ed25519";
            default -> keys.getPublic().getAlgorithm();
        };
    }

    /**
     * "CN=..., O=..." as UTF8Strings, taken literally: BouncyCastle's own parser refuses a CN over
     * 64 characters, and the tests need such CSRs to see them refused.
     */
    private static X500Name name(String subject) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (String part : subject.isEmpty() ? new String[0] : subject.split(", ")) {
            int equals = part.indexOf('=');
            builder.addRDN(
                    BCStyle.INSTANCE.attrNameToOID(part.substring(0, equals)),
                    new DERUTF8String(part.substring(equals + 1)));
        }
        return builder.build();
    }
}
