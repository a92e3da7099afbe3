package com.certportal.validation.dcv;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The V1 network checks and where they go.
 *
 * <pre>
 * certportal.validation.http-port=80          port of the HTTP file check (only tests and the demo change it)
 * certportal.validation.resolve=              name:address overrides for the HTTP file check, comma-separated,
 *                                             like curl --resolve: www.example.com:127.0.0.1 connects to
 *                                             127.0.0.1 and still asks for Host www.example.com (IPv6: name:::1)
 * certportal.validation.dns-server=           host:port of the DNS server asked for TXT records (port 53 if
 *                                             left out); empty = the system's resolvers
 * certportal.validation.connect-timeout=3s    HTTP file check: time to connect
 * certportal.validation.read-timeout=5s       HTTP file check: time for the whole response
 * certportal.validation.dns-timeout=3s        DNS TXT check: time for an answer
 * </pre>
 *
 * A malformed resolve entry, dns-server, port or duration stops the start with a message naming it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ValidationProperties.class)
public class DcvConfiguration {

    @Bean
    HttpFileCheck httpFileCheck(ValidationProperties properties) {
        return new HttpFileCheck(properties);
    }

    @Bean
    DnsTxtCheck dnsTxtCheck(ValidationProperties properties) {
        return new DnsTxtCheck(properties);
    }
}
