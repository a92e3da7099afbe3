package com.certportal.pki;

import java.math.BigInteger;
import java.util.Locale;

/** I2: how a serial number is written where the portal keeps or shows it (as `openssl x509 -serial`). */
public final class Serials {

    private Serials() {}

    /** Upper-case hex without colons, an even number of digits. */
    public static String hex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    public static BigInteger of(String hex) {
        return new BigInteger(hex, 16);
    }
}
