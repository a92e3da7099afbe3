package com.certportal.pki.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * D2, RFC 6960 A.1: an OCSP GET carries a base64 request, URL-encoded, so "/" often arrives as %2F
 * (Java's own revocation checker sends it so). Tomcat refuses every %2F by default with a 400 before
 * the application sees it; here it passes %2F through undecoded. Nothing is decoded into a "/", so no
 * path changes meaning; Spring Security's firewall still refuses %2F everywhere except on an OCSP
 * GET ({@link OcspGetFirewall}), and {@link OcspController} decodes the request itself.
 */
@Configuration(proxyBeanMethods = false)
class OcspGetSupport {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesPassThrough() {
        return factory ->
                factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
