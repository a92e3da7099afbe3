package com.certportal.pki;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** D1: the formats a certificate downloads in; the key is the download URL's {@code format} value. */
public enum DownloadFormat {
    /** Leaf, issuing CA, root: PEM. */
    PEM_ALL,
    /** Leaf and issuing CA: what a server sends. */
    PEM_NOROOT,
    /** Leaf and root, for tools that want the anchor but fetch the intermediate themselves. */
    PEM_NOINTERMEDIATE,
    /** The leaf alone, PEM. */
    CRT,
    /** The leaf alone, DER. */
    DER,
    /** Leaf, issuing CA and root in a PKCS#7 certs-only bundle (DER). */
    P7B;

    /** {@code pem_all}, {@code pem_noroot}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format's name in the download menu. */
    public String messageKey() {
        return "download.format." + key();
    }

    public static Optional<DownloadFormat> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
