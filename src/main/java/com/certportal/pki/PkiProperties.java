package com.certportal.pki;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the public address under which the CA publishes its certificates, CRLs and OCSP
 *     responder (I2, D2); every certificate carries URLs under it
 */
@ConfigurationProperties("certportal.pki")
public record PkiProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl) {}
