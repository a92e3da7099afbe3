package com.certportal.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * Base of the browser journeys (failsafe, *IT): the whole application on a real port, on PostgreSQL
 * with the demo data, wired like {@link PostgresIntegrationTest} but served over HTTP instead of
 * MockMvc, so that Chromium exercises the real filters, cookies, redirects and JavaScript. Browsers
 * opened with {@link #newBrowser()} are quit after each test, and leave a screenshot and the page
 * source in target/browser-evidence when it fails.
 *
 * <p>The portal runs as the demo runs, at an address it knows: a free port chosen before it starts,
 * so that the links in its mails (a DCV link) and the URLs in its certificates (CRL distribution
 * point, OCSP and CA issuers, I2, D2) lead to this very server; and without a mail server, so that
 * the Mail page shows each mail with its link as a newcomer sees it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties =
                "spring.autoconfigure.exclude=org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ActiveProfiles("test")
@Import({PostgresTestConfiguration.class, Fixtures.class, ServerStartWitness.class})
public abstract class BrowserJourneyTest {

    /** One per test JVM: every journey shares the one application context that listens on it. */
    private static final int PORT = TestSocketUtils.findAvailableTcpPort();

    @LocalServerPort
    private int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Fixtures fixtures;

    private final List<Browser> browsers = new ArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback evidenceOnFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            String test = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            for (int i = 0; i < browsers.size(); i++) {
                browsers.get(i).saveEvidence(test + "-browser" + (i + 1));
            }
        }
    };

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.get();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("server.port", () -> PORT);
        registry.add("certportal.portal.base-url", () -> "http://localhost:" + PORT);
        registry.add("certportal.pki.base-url", () -> "http://localhost:" + PORT);
    }

    /** A new browser with no cookies: a new visitor, or the same person on another device. */
    protected Browser newBrowser() {
        Browser browser = Browser.start(baseUrl());
        browsers.add(browser);
        return browser;
    }

    /** A new browser whose member signed in from the sign-in page in {@code language} ("en", "ja"). */
    protected Browser signedIn(String email, String password, String language) {
        Browser browser = newBrowser();
        browser.open("/login?lang=" + language);
        browser.signIn(email, password);
        return browser;
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The port the portal listens on, for tests that speak HTTP themselves ({@link RawHttp}). */
    protected int port() {
        return port;
    }

    @AfterEach
    void quitBrowsers() {
        RuntimeException failure = null;
        for (Browser browser : browsers) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        browsers.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
