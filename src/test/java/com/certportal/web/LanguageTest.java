package com.certportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.account.CurrentMember;
import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Japanese and English: the browser's Accept-Language decides by default, `?lang=ja|en` switches and the
 * choice is kept for the next pages.
 */
class LanguageTest extends PostgresIntegrationTest {

    private CurrentMember user;

    @BeforeEach
    void member() {
        user = fixtures.principal("user@example.com");
    }

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource({
        "ja, ja",
        "ja-JP, ja",
        "'ja-JP,ja;q=0.9,en-US;q=0.8', ja",
        "'fr-FR,ja;q=0.8,en;q=0.5', ja",
        "en-US, en",
        "'en-GB,ja;q=0.9', en",
        "de-DE, en"
    })
    void theBrowsersLanguageIsTheDefault(String acceptLanguage, String expected) {
        MvcTestResult result = mvc.get()
                .uri("/orders")
                .header("Accept-Language", acceptLanguage)
                .with(user(user))
                .exchange();

        assertLanguage(result, expected);
    }

    @Test
    void withoutAnyPreferenceThePortalIsInEnglish() {
        assertLanguage(mvc.get().uri("/orders").with(user(user)).exchange(), "en");
    }

    @Test
    void langJaSwitchesToJapaneseAndTheChoiceIsKept() {
        MvcTestResult switched = mvc.get()
                .uri("/orders?lang=ja")
                .header("Accept-Language", "en")
                .with(user(user))
                .exchange();

        assertLanguage(switched, "ja");
        Cookie choice = switched.getResponse().getCookie("certportal-lang");
        assertThat(choice).isNotNull();

        MvcTestResult next = mvc.get()
                .uri("/orders")
                .header("Accept-Language", "en")
                .cookie(choice)
                .with(user(user))
                .exchange();
        assertLanguage(next, "ja");
    }

    @Test
    void langEnSwitchesAJapaneseBrowserToEnglish() {
        MvcTestResult switched = mvc.get()
                .uri("/orders?lang=en")
                .header("Accept-Language", "ja")
                .with(user(user))
                .exchange();

        assertLanguage(switched, "en");
        MvcTestResult next = mvc.get()
                .uri("/orders")
                .header("Accept-Language", "ja")
                .cookie(switched.getResponse().getCookie("certportal-lang"))
                .with(user(user))
                .exchange();
        assertLanguage(next, "en");
    }

    @Test
    void anUnsupportedOrMalformedLanguageFallsBackWithoutAnError() {
        assertLanguage(mvc.get().uri("/orders?lang=fr").with(user(user)).exchange(), "en");
        MvcTestResult malformed = mvc.get()
                .uri("/orders")
                .param("lang", "<script>")
                .header("Accept-Language", "ja")
                .with(user(user))
                .exchange();
        assertLanguage(malformed, "ja");
    }

    /** Issue 9, finding 1: a cookie the portal never wrote is ignored (the browser decides) and cleared. */
    @ParameterizedTest(name = "certportal-lang={0}")
    @CsvSource({"%3C", "ja%0d", "'ja\u0000'", "fr", "''"})
    void aMalformedLanguageCookieIsIgnoredAndClearedForASignedInMember(String value) {
        MvcTestResult result = mvc.get()
                .uri("/orders")
                .header("Accept-Language", "ja")
                .header("Cookie", "certportal-lang=" + value)
                .with(user(user))
                .exchange();

        assertLanguage(result, "ja");
        assertThat(result.getResponse().getHeaders("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("certportal-lang=;").contains("Max-Age=0"));
    }

    @Test
    void theSignInPageSwitchesLanguageToo() {
        MvcTestResult result = mvc.get().uri("/login?lang=ja").exchange();

        assertThat(result).hasStatusOk();
        assertThat(Pages.body(result)).contains("<html lang=\"ja\">", "CertPortal にサインイン", "メールアドレス");
    }

    @Test
    void theListShowsStatusesAndProductsInTheChosenLanguage() {
        String page = Pages.body(
                mvc.get().uri("/orders?lang=ja&size=100").with(user(user)).exchange());

        assertThat(page).contains("保留中", "発行済み", "キャンセル済み", "TLS/SSL 企業認証 (OV)", "46 件中 46 件を表示");
        assertThat(page).doesNotContain(">Pending<", ">Issued<", "Showing");
    }

    @Test
    void errorPagesAreInTheChosenLanguage() {
        MvcTestResult result = mvc.get()
                .uri("/orders/99999999")
                .header("Accept-Language", "ja")
                .with(user(user))
                .exchange();

        assertThat(result).hasStatus(404);
        assertThat(Pages.body(result)).contains("<html lang=\"ja\">", "見つかりません");
    }

    private static void assertLanguage(MvcTestResult result, String language) {
        assertThat(result).hasStatusOk();
        String page = Pages.body(result);
        assertThat(page).contains("<html lang=\"" + language + "\">");
        if (language.equals("ja")) {
            assertThat(Pages.title(page)).isEqualTo("オーダー | CertPortal");
            assertThat(page).contains("<h1>オーダー</h1>", ">証明書<", "サインアウト");
        } else {
            assertThat(Pages.title(page)).isEqualTo("Orders | CertPortal");
            assertThat(page).contains("<h1>Orders</h1>", ">Certificates<", "Sign out");
        }
    }
}
