package com.certportal.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Base of every test that needs the application: one Spring context, shared by all of them, on
 * PostgreSQL, with the demo data loaded (read it, never change it: tests that change orders make their
 * own with {@link Fixtures}) and a {@link MutableClock}. The V1 file and DNS checks go to the local
 * servers of {@link ValidationServers}, never to the network.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({PostgresTestConfiguration.class, Fixtures.class, BrowserSession.Factory.class})
public abstract class PostgresIntegrationTest {

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected BrowserSession.Factory browsers;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.get();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.mail.port", () -> TestSmtpPort.PORT);
        registry.add(
                "certportal.validation.http-port",
                () -> ValidationServers.files().port());
        registry.add("certportal.validation.resolve", ValidationServers::resolveOverrides);
        registry.add(
                "certportal.validation.dns-server",
                () -> ValidationServers.dns().address());
    }
}
