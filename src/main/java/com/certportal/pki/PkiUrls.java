package com.certportal.pki;

import java.net.URI;

/** I2, D2: where the CA publishes, under the configured base URL. */
record PkiUrls(String base) {

    PkiUrls {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static PkiUrls of(URI baseUrl) {
        return new PkiUrls(baseUrl.toString());
    }

    /** The issuing CA's certificate: the leaves' AIA caIssuers. */
    String issuingCertificate(CaFamily family) {
        return base + "/pki/ca/" + family.key() + ".crt";
    }

    /** The root's certificate: the issuing CA's AIA caIssuers. */
    String rootCertificate(CaFamily family) {
        return base + "/pki/ca/" + family.key() + "-root.crt";
    }

    /** The issuing CA's CRL: the leaves' CRL distribution point. */
    String issuingCrl(CaFamily family) {
        return base + "/pki/crl/" + family.key() + ".crl";
    }

    /** The root's CRL: the issuing CA's CRL distribution point. */
    String rootCrl(CaFamily family) {
        return base + "/pki/crl/" + family.key() + "-root.crl";
    }

    /** The OCSP responder for the issuing CA's certificates. */
    String ocsp(CaFamily family) {
        return base + "/pki/ocsp/" + family.key();
    }
}
