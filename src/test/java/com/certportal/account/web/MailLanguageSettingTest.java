package com.certportal.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.catalog.Product;
import com.certportal.mail.MailKind;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Mails are in the recipient's language, which the member chooses on the settings page. */
class MailLanguageSettingTest extends ActionIntegrationTest {

    @Test
    void aUserWhoChoosesEnglishGetsItsCancellationMailInEnglish() {
        TestAccount account = fixtures.newAccount(); // the fixture user reads Japanese
        assertThat(post(account.user(), "/settings", "timeZone", "Asia/Tokyo", "mailLanguage", "en"))
                .hasStatus(HttpStatus.FOUND);

        String order = fixtures.pending(
                account.user(), Product.TLS_OV, "lang-" + account.tag() + ".example.com", PaymentChoice.card());
        post(account.user(), "/orders/" + order + "/cancel", "version", version(order));

        assertThat(mails(order)).singleElement().satisfies(mail -> {
            assertThat(mail.getKind()).isEqualTo(MailKind.CANCELLATION);
            assertThat(mail.getLanguage()).isEqualTo("en");
            assertThat(mail.getSubject()).isEqualTo(text("mail.cancellation.subject", Locale.ENGLISH, order));
        });
    }

    @Test
    void aLanguageOutsideTheListIsRefusedAndChangesNothing() {
        TestAccount account = fixtures.newAccount();

        var result = post(account.user(), "/settings", "timeZone", "UTC", "mailLanguage", "fr");

        assertThat(result).hasStatusOk();
        assertThat(body(result)).contains(shown("settings.invalid-language"));
        assertThat(fixtures.principal(account.user().email()).language()).isEqualTo("ja");
        assertThat(fixtures.principal(account.user().email()).zone().getId()).isEqualTo("Asia/Tokyo");
    }
}
