package com.certportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.support.BrowserSession;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Sign-in (L1) with the real form login, what an anonymous visitor gets, and the CSRF protection of
 * every state-changing request.
 */
class SignInTest extends PostgresIntegrationTest {

    private static final String DEMO_PASSWORD = "demo1234";

    @Test
    void anAnonymousVisitorIsSentToTheSignInPage() {
        for (String uri :
                new String[] {"/orders", "/orders/10000001", "/orders/10000001/quick-view", "/settings", "/"}) {
            MvcTestResult result = mvc.get().uri(uri).exchange();

            assertThat(result).as(uri).hasStatus3xxRedirection();
            assertThat(result.getResponse().getRedirectedUrl()).as(uri).endsWith("/login");
        }
    }

    /** Anonymous requests learn nothing about orders: a nonexistent number redirects the same way. */
    @Test
    void anAnonymousVisitorCannotTellExistingFromNonexistentOrders() {
        MvcTestResult existing = mvc.get().uri("/orders/10000001").exchange();
        MvcTestResult nonexistent = mvc.get().uri("/orders/99999999").exchange();

        assertThat(existing.getResponse().getStatus())
                .isEqualTo(nonexistent.getResponse().getStatus());
        assertThat(existing.getResponse().getRedirectedUrl())
                .isEqualTo(nonexistent.getResponse().getRedirectedUrl());
    }

    @Test
    void theSignInPageIsPublic() {
        MvcTestResult result = mvc.get().uri("/login").exchange();

        assertThat(result).hasStatusOk();
        assertThat(Pages.body(result)).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
    }

    /** L1: sign-in leads to the order list. */
    @Test
    void signingInLeadsToTheOrderList() {
        MvcTestResult result = signIn("user@example.com", DEMO_PASSWORD, browsers.newVisitor());

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders");
    }

    /** L1 + L4: a bookmarked filtered list asked for before sign-in is where sign-in leads. */
    @Test
    void signingInLeadsBackToTheBookmarkedPageThatAskedForIt() {
        BrowserSession session = browsers.newVisitor();
        session.exchange(mvc.get().uri("/orders?status=issued&q=shop"));

        MvcTestResult result = signIn("admin@example.com", DEMO_PASSWORD, session);

        assertThat(result).hasStatus3xxRedirection();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/orders?status=issued&q=shop");
    }

    @Test
    void theEmailAddressIsMatchedWhateverItsCase() {
        MvcTestResult result = signIn("  User@Example.COM ", DEMO_PASSWORD, browsers.newVisitor());

        assertThat(result).hasRedirectedUrl("/orders");
    }

    /** The sign-in page never tells whether an address is registered. */
    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        BrowserSession unknownSession = browsers.newVisitor();
        BrowserSession wrongPasswordSession = browsers.newVisitor();

        MvcTestResult unknown = signIn("nobody@example.com", DEMO_PASSWORD, unknownSession);
        MvcTestResult wrongPassword = signIn("user@example.com", "wrong-password", wrongPasswordSession);

        assertThat(unknown).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
        assertThat(wrongPassword).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
        Object unknownError = unknownSession.attribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        Object wrongPasswordError = wrongPasswordSession.attribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(unknownError).isNotNull().hasSameClassAs(wrongPasswordError);
        assertThat(((Exception) unknownError).getMessage()).isEqualTo(((Exception) wrongPasswordError).getMessage());

        String unknownPage = withoutCsrfToken(
                Pages.main(Pages.body(unknownSession.exchange(mvc.get().uri("/login?error")))));
        String wrongPasswordPage = withoutCsrfToken(
                Pages.main(Pages.body(wrongPasswordSession.exchange(mvc.get().uri("/login?error")))));
        assertThat(unknownPage).isEqualTo(wrongPasswordPage).contains("The email address or password is incorrect.");
    }

    /** Issue 9, finding 9: after a failed sign-in only the password needs typing again. */
    @Test
    void aFailedSignInKeepsTheEmailThatWasTyped() {
        BrowserSession session = browsers.newVisitor();
        signIn("user@example.com", "wrong-password", session);

        String page = Pages.body(session.exchange(mvc.get().uri("/login?error")));
        String reloaded = Pages.body(session.exchange(mvc.get().uri("/login?error")));

        assertThat(page).containsPattern("<input id=\"username\"[^>]*value=\"user@example.com\"");
        assertThat(page).containsPattern("<input id=\"password\"[^>]*autofocus");
        assertThat(reloaded).doesNotContain("value=\"user@example.com\"");
    }

    @Test
    void aFailedSignInIsExplainedInJapaneseToAJapaneseBrowser() {
        MvcTestResult result =
                mvc.get().uri("/login?error").header("Accept-Language", "ja").exchange();

        assertThat(Pages.main(Pages.body(result))).contains("メールアドレスまたはパスワードが正しくありません。");
    }

    @Test
    void aPostWithoutCsrfTokenIsForbidden() {
        MvcTestResult settings = mvc.post()
                .uri("/settings")
                .param("timeZone", "UTC")
                .with(user(fixtures.newAccount().user()))
                .exchange();
        MvcTestResult login = mvc.post()
                .uri("/login")
                .param("username", "user@example.com")
                .param("password", DEMO_PASSWORD)
                .exchange();
        MvcTestResult logout = mvc.post()
                .uri("/logout")
                .with(user(fixtures.principal("user@example.com")))
                .exchange();

        assertThat(settings).hasStatus(403);
        assertThat(login).hasStatus(403);
        assertThat(logout).hasStatus(403);
    }

    /** The same request with its token goes through, so the 403 above is the CSRF check and nothing else. */
    @Test
    void theSamePostWithItsCsrfTokenIsAccepted() {
        TestAccount account = fixtures.newAccount();
        MvcTestResult settings = mvc.post()
                .uri("/settings")
                .param("timeZone", "Asia/Tokyo")
                .with(user(account.user()))
                .with(csrf())
                .exchange();
        MvcTestResult logout = mvc.post()
                .uri("/logout")
                .with(user(account.user()))
                .with(csrf())
                .exchange();

        assertThat(settings).hasStatus3xxRedirection().hasRedirectedUrl("/settings");
        assertThat(logout).hasStatus3xxRedirection().hasRedirectedUrl("/login?signed-out");
    }

    @Test
    void aPostWithAForgedCsrfTokenIsForbidden() {
        MvcTestResult result = mvc.post()
                .uri("/settings")
                .param("timeZone", "UTC")
                .with(user(fixtures.newAccount().user()))
                .with(csrf().useInvalidToken())
                .exchange();

        assertThat(result).hasStatus(403);
    }

    /**
     * Each session has its own token, and each page keeps the address its visitor typed; everything else
     * on the page must be the same.
     */
    private static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"")
                .replaceAll("(<input id=\"username\"[^>]*value=\")[^\"]*\"", "$1\"");
    }

    private MvcTestResult signIn(String email, String password, BrowserSession session) {
        return session.exchange(mvc.post()
                .uri("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf()));
    }
}
