package com.certportal.pki;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * D1, K3: the server platforms a certificate downloads for; the key is the download URL's {@code
 * platform} value and the order's server platform in lower case, so a wrong platform at order time
 * is mended by downloading another, never by cancelling.
 */
public enum DownloadPlatform {
    /** A zip: the leaf and the chain file for {@code SSLCertificateChainFile}. */
    APACHE,
    /** One PEM file for {@code ssl_certificate}: the leaf, then the issuing CA. */
    NGINX,
    /** PKCS#7, which the IIS certificate import (Complete Certificate Request) reads with its chain. */
    MICROSOFT_IIS,
    /** PKCS#7, which {@code keytool -importcert} reads as a reply chain onto the key's alias. */
    TOMCAT,
    /** The whole chain in PEM, which most software reads. */
    OTHER;

    /** {@code apache}, {@code nginx}, {@code microsoft_iis}, {@code tomcat}, {@code other}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The platform's name, shared with the order form. */
    public String messageKey() {
        return "platform." + key();
    }

    public static Optional<DownloadPlatform> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
    }
}
