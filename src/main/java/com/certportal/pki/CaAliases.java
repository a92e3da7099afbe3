package com.certportal.pki;

/** The names of a family's entries in the key store (PKCS#12 aliases, PKCS#11 labels). */
final class CaAliases {

    private CaAliases() {}

    static String root(CaFamily family) {
        return family.key() + "-root";
    }

    static String issuing(CaFamily family) {
        return family.key() + "-issuing";
    }

    static String responder(CaFamily family) {
        return family.key() + "-ocsp";
    }
}
