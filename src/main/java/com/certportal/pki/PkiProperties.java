package com.certportal.pki;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the public address under which the CA publishes its certificates, CRLs and OCSP
 *     responder (I2, D2); every certificate carries URLs under it
 * @param ocspValidity D2: how long an OCSP response is good for (its nextUpdate after thisUpdate), and
 *     so how long a client or a CDN may keep it; a response is signed again once half of it has passed
 */
@ConfigurationProperties("certportal.pki")
public record PkiProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("1h") Duration ocspValidity) {

    /** An OCSP response may be relied on for at most 10 days (CA/B Forum Baseline Requirements 4.9.10). */
    static final Duration LONGEST_OCSP_VALIDITY = Duration.ofDays(10);

    @ConstructorBinding
    public PkiProperties {
        if (ocspValidity.isNegative() || ocspValidity.isZero() || ocspValidity.compareTo(LONGEST_OCSP_VALIDITY) > 0) {
            throw new IllegalArgumentException(
                    "certportal.pki.ocsp-validity must be more than 0 and at most 10 days, not " + ocspValidity);
        }
    }

    /** The default OCSP validity (one hour). */
    public PkiProperties(URI baseUrl) {
        this(baseUrl, Duration.ofHours(1));
    }
}
