package com.certportal.validation.dcv;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** certportal.validation.*: defaults, binding, and a malformed entry stopping the start (V1). */
class ValidationPropertiesTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(DcvConfiguration.class);

    @Test
    void withNothingConfiguredTheChecksGoToPort80AndTheSystemResolvers() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(ValidationProperties.class)).isEqualTo(ValidationProperties.defaults());
            assertThat(started).hasSingleBean(HttpFileCheck.class).hasSingleBean(DnsTxtCheck.class);
        });
        ValidationProperties defaults = ValidationProperties.defaults();
        assertThat(defaults.httpPort()).isEqualTo(80);
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.dnsTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.dnsServerHostAndPort()).isEmpty();
    }

    @Test
    void overridesAServerAndTimeoutsBindFromProperties() {
        context.withPropertyValues(
                        "certportal.validation.http-port=8080",
                        "certportal.validation.resolve=WWW.Example.com:127.0.0.1,v6.example.com:::1,www.example.com:[::1]",
                        "certportal.validation.dns-server=127.0.0.1:5353",
                        "certportal.validation.read-timeout=750ms")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    ValidationProperties properties = started.getBean(ValidationProperties.class);
                    assertThat(properties.httpPort()).isEqualTo(8080);
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofMillis(750));
                    assertThat(properties.resolveOverrides())
                            .containsEntry(
                                    "www.example.com",
                                    List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")))
                            .containsEntry("v6.example.com", List.of(InetAddress.getByName("::1")));
                    assertThat(properties.dnsServerHostAndPort())
                            .hasValueSatisfying(
                                    server -> assertThat(server.getPort()).isEqualTo(5353));
                });
    }

    @Test
    void aDnsServerWithoutAPortAsksPort53() {
        ValidationProperties properties = new ValidationProperties(
                80, List.of(), "192.0.2.53", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(properties.dnsServerHostAndPort())
                .hasValueSatisfying(server -> assertThat(server.getPort()).isEqualTo(53));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "resolve       | www.example.com              | certportal.validation.resolve entry 'www.example.com'",
                "resolve       | www.example.com:not-an-ip    | is not an IPv4 or IPv6 address",
                "resolve       | *.example.com:127.0.0.1      | is not a DNS name",
                "resolve       | :127.0.0.1                   | expected name:address",
                "dns-server    | 127.0.0.1:99999              | certportal.validation.dns-server '127.0.0.1:99999'",
                "dns-server    | bad host:53                  | certportal.validation.dns-server",
                "http-port     | 0                            | certportal.validation.http-port must be 1 to 65535",
                "read-timeout  | 0s                           | certportal.validation.read-timeout must be a positive",
            })
    void aMalformedSettingStopsTheStartNamingIt(String property, String value, String message) {
        context.withPropertyValues("certportal.validation." + property + "=" + value)
                .run(started ->
                        assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining(message));
    }
}
