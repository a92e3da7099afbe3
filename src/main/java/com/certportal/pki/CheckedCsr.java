package com.certportal.pki;

import java.security.PublicKey;
import java.util.List;

/**
 * A CSR that passed O2 for a product.
 *
 * @param commonName the CN (for server and private products the first DNS name when the CSR has no
 *     CN)
 * @param names the DNS names, lower-cased, CN first, without duplicates; empty for code and document
 *     signing, whose CN is an organization or person name
 * @param keyAlgorithm "RSA" or "EC"
 * @param keySize RSA modulus bits, or 256 / 384 for EC
 * @param pem the CSR re-encoded as PEM (one block, 64-character lines, "\n" line ends)
 */
public record CheckedCsr(
        String commonName, List<String> names, PublicKey publicKey, String keyAlgorithm, int keySize, String pem) {

    public CheckedCsr {
        names = List.copyOf(names);
    }
}
