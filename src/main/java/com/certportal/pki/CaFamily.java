package com.certportal.pki;

import com.certportal.catalog.Product;
import java.util.Arrays;
import java.util.Optional;

/** I1: one root and one issuing CA per family; the key is the family's part of the CA's URLs. */
public enum CaFamily {
    TLS("tls", "TLS"),
    CODE_SIGNING("code-signing", "Code Signing"),
    DOCUMENT_SIGNING("document-signing", "Document Signing"),
    PRIVATE("private", "Private");

    private final String key;
    private final String displayName;

    CaFamily(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    public static CaFamily of(Product product) {
        return switch (product.family()) {
            case SERVER -> TLS;
            case CODE_SIGNING -> CODE_SIGNING;
            case DOCUMENT_SIGNING -> DOCUMENT_SIGNING;
            case PRIVATE -> PRIVATE;
        };
    }

    /** The family named by a URL key ({@code tls}, {@code code-signing}, ...). */
    public static Optional<CaFamily> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** URL-safe: {@code tls}, {@code code-signing}, {@code document-signing}, {@code private}. */
    public String key() {
        return key;
    }

    /** The family's words in the CA names ("CertPortal TLS Root CA 2026"). */
    String displayName() {
        return displayName;
    }
}
