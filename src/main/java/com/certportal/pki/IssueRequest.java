package com.certportal.pki;

import com.certportal.catalog.Product;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

/**
 * What to certify (I1, I2).
 *
 * @param commonName the subject CN; for server and private products one of {@code dnsNames} (O2)
 * @param dnsNames the SANs (server and private products), empty for code and document signing
 * @param organization the subject O for organization-validated products, or null
 * @param notAfter from {@link com.certportal.catalog.CertificateLifetime#notAfter} (I3)
 */
public record IssueRequest(
        Product product,
        PublicKey subjectKey,
        String commonName,
        List<String> dnsNames,
        String organization,
        Instant notBefore,
        Instant notAfter) {

    public IssueRequest {
        dnsNames = List.copyOf(dnsNames);
    }
}
