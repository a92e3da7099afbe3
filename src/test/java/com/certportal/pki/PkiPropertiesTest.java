package com.certportal.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** D2: certportal.pki.* as Spring binds it. */
class PkiPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void anOcspResponseIsGoodForAnHourUnlessConfigured() {
        runner.run(context -> {
            PkiProperties properties = context.getBean(PkiProperties.class);
            assertThat(properties.ocspValidity()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.baseUrl()).hasToString("http://localhost:8080");
        });
        runner.withPropertyValues("certportal.pki.ocsp-validity=8h", "certportal.pki.base-url=https://pki.example.jp")
                .run(context -> {
                    PkiProperties properties = context.getBean(PkiProperties.class);
                    assertThat(properties.ocspValidity()).isEqualTo(Duration.ofHours(8));
                    assertThat(properties.baseUrl()).hasToString("https://pki.example.jp");
                });
    }

    @Test
    void anOcspValidityBeyondTenDaysOrOfNothingRefusesToStart() {
        for (String validity : new String[] {"11d", "0s", "-1h"}) {
            runner.withPropertyValues("certportal.pki.ocsp-validity=" + validity)
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining(
                                    "certportal.pki.ocsp-validity must be more than 0 and at most 10 days"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PkiProperties.class)
    static class Bound {}
}
