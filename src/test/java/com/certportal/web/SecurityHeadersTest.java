package com.certportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.support.PostgresIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 9, finding 3: the headers every page carries, signed in or not, and what the production
 * profile adds (HTTPS only: a secure session cookie and HSTS, behind the TLS proxy).
 */
class SecurityHeadersTest extends PostgresIntegrationTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Test
    void everyPageCarriesThePolicies() {
        MvcTestResult signIn = mvc.get().uri("/login").exchange();
        MvcTestResult orders = mvc.get()
                .uri("/orders")
                .with(user(fixtures.principal("user@example.com")))
                .exchange();
        MvcTestResult missing = mvc.get()
                .uri("/orders/99999999")
                .with(user(fixtures.principal("user@example.com")))
                .exchange();

        for (MvcTestResult result : new MvcTestResult[] {signIn, orders, missing}) {
            assertThat(result).headers().hasValue("Content-Security-Policy", POLICY);
            assertThat(result).headers().hasValue("Referrer-Policy", "same-origin");
            assertThat(result).headers().hasValue("X-Frame-Options", "DENY");
            assertThat(result.getResponse().getHeader("Permissions-Policy"))
                    .contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
        }
    }

    /** The policy allows no inline style or script: no template may carry one. */
    @Test
    void noPageHasAnInlineStyleOrScript() {
        for (String uri : new String[] {"/login", "/orders", "/settings", "/orders?view=10000001"}) {
            String page = new String(
                    mvc.get()
                            .uri(uri)
                            .with(user(fixtures.principal("admin@example.com")))
                            .exchange()
                            .getResponse()
                            .getContentAsByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(uri).doesNotContainPattern("\\sstyle=|<style|\\son[a-z]+=|<script>|javascript:");
        }
    }

    @Test
    void aSecureRequestIsToldToStayOnHttps() {
        MvcTestResult secure =
                mvc.get().uri("https://localhost/login").secure(true).exchange();

        assertThat(secure.getResponse().getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void productionSendsTheSessionCookieOverHttpsOnlyAndReadsTheProxysForwardedHeaders() throws IOException {
        Properties production = new Properties();
        try (InputStream in = new ClassPathResource("application-prod.properties").getInputStream()) {
            production.load(in);
        }

        assertThat(production.getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("true");
        assertThat(production.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }
}
