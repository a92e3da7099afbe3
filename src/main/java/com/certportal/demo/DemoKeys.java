package com.certportal.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Keys and CSRs for the demo's certificates, made at run time (EC P-256: quick), like a customer's
 * server would make them. The private keys are thrown away: the demo only needs the certificates.
 */
final class DemoKeys {

    private DemoKeys() {}

    static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 on this JVM", e);
        }
    }

    /** A CSR and the key it asks a certificate for. */
    record Request(String pem, KeyPair key) {}

    /** A PKCS#10 request for {@code commonName} with {@code names} as DNS SANs (none for signing). */
    static String csr(String commonName, List<String> names) {
        return request(commonName, names).pem();
    }

    static Request request(String commonName, List<String> names) {
        KeyPair key = newKey();
        try {
            JcaPKCS10CertificationRequestBuilder builder =
                    new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName), key.getPublic());
            if (!names.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(names.stream()
                                .map(n -> new GeneralName(GeneralName.dNSName, n))
                                .toArray(GeneralName[]::new)));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            PKCS10CertificationRequest request =
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(request);
            }
            return new Request(out.toString(), key);
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a demo CSR", e);
        }
    }
}
