package com.certportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.certportal.catalog.Product;
import com.certportal.support.BrowserSession;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.PostgresIntegrationTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Issue 10: sessions live in the database, so any instance can serve any request of a signed-in
 * member (the two-instance test, ClusterTest, proves that across instances). Here: what is stored,
 * that a page which changes nothing in the session rewrites none of it, and that a stored attribute
 * this version cannot read signs the member out instead of failing every page.
 */
class SharedSessionsTest extends PostgresIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private TestAccount account;
    private String order;

    @BeforeEach
    void accountWithAnOrder() {
        account = fixtures.newAccount();
        order = fixtures.issued(
                account.user(), Product.TLS_DV, "session.example.com", PaymentChoice.card(), clock.instant());
    }

    @Test
    void aSignedInMembersSessionIsARowInTheDatabaseUnderItsEmail() {
        BrowserSession browser = signedIn();

        assertThat(jdbc.sql("select principal_name from spring_session where session_id = :id")
                        .param("id", browser.sessionId())
                        .query(String.class)
                        .single())
                .isEqualTo(account.user().email());
        assertThat(browser.attribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .isNotNull();
    }

    /** Reading pages writes no session attribute again: only the last access time moves (expiry). */
    @Test
    void pagesThatChangeNothingInTheSessionRewriteNoneOfItsAttributes() {
        BrowserSession browser = signedIn();
        assertThat(browser.exchange(mvc.get().uri("/orders"))).hasStatusOk();
        Map<String, Long> before = attributeVersions(browser);

        assertThat(browser.exchange(mvc.get().uri("/orders"))).hasStatusOk();
        assertThat(browser.exchange(mvc.get().uri("/orders/" + order))).hasStatusOk();
        assertThat(browser.exchange(mvc.get().uri("/orders?view=" + order))).hasStatusOk();

        assertThat(before).containsKey(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(attributeVersions(browser)).isEqualTo(before);
    }

    /** A rolling upgrade may leave sessions whose stored classes this version reads differently. */
    @Test
    void anAttributeThisVersionCannotReadSignsTheMemberOutInsteadOfFailingThePage() {
        BrowserSession browser = signedIn();
        jdbc.sql("""
                        update spring_session_attributes set attribute_bytes = :unreadable
                        where attribute_name = :name
                          and session_primary_id = (select primary_id from spring_session where session_id = :id)
                        """)
                .param("unreadable", new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 's', 'r', 0, 1, 'x'})
                .param("name", HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                .param("id", browser.sessionId())
                .update();

        assertThat(browser.exchange(mvc.get().uri("/orders/" + order)))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/login");
    }

    private BrowserSession signedIn() {
        BrowserSession browser = browsers.newVisitor();
        assertThat(browser.exchange(mvc.post()
                        .uri("/login")
                        .param("username", account.user().email())
                        .param("password", "secret")
                        .with(csrf())))
                .hasRedirectedUrl("/orders");
        return browser;
    }

    /** Each stored attribute with the transaction that last wrote its row (PostgreSQL's xmin). */
    private Map<String, Long> attributeVersions(BrowserSession browser) {
        return jdbc
                .sql("""
                        select a.attribute_name, a.xmin::text::bigint as written_by
                        from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                        where s.session_id = :id
                        """)
                .param("id", browser.sessionId())
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
