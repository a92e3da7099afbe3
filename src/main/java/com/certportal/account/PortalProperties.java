package com.certportal.account;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the portal's public address, for links in mails (an invitation's): configured, never
 *     taken from a request's Host header, which the client chose
 */
@ConfigurationProperties("certportal.portal")
public record PortalProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl) {}
