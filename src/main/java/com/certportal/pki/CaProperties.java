package com.certportal.pki;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * I1: where the CA keys live.
 *
 * @param keystore the PKCS#12 file (created with the CA at first start when missing)
 * @param keystorePassword the key store password, or the token PIN for PKCS#11; from the
 *     environment variable {@value #PASSWORD_VARIABLE}
 * @param keystoreType PKCS12 (a file) or PKCS11 (a token through the JDK's SunPKCS11 provider)
 * @param pkcs11Config the SunPKCS11 configuration file, for PKCS11
 * @param generatePassword the demo's convenience: with no password configured, make a random one
 *     and keep it in a file next to the key store; false in production
 */
@ConfigurationProperties("certportal.ca")
public record CaProperties(
        Path keystore,
        String keystorePassword,
        @DefaultValue("PKCS12") KeystoreType keystoreType,
        Path pkcs11Config,
        @DefaultValue("false") boolean generatePassword) {

    public static final String PASSWORD_VARIABLE = "CERTPORTAL_CA_KEYSTORE_PASSWORD";

    public enum KeystoreType {
        PKCS12,
        PKCS11
    }

    boolean hasPassword() {
        return keystorePassword != null && !keystorePassword.isEmpty();
    }

    /** The password is a secret: it never shows in logs or error pages. */
    @Override
    public String toString() {
        return "CaProperties[keystore=" + keystore + ", keystoreType=" + keystoreType + ", pkcs11Config="
                + pkcs11Config + ", generatePassword=" + generatePassword + ", keystorePassword="
                + (hasPassword() ? "(set)" : "(none)") + "]";
    }
}
