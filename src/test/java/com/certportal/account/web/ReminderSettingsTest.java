package com.certportal.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.AccountSettings;
import com.certportal.account.ReminderRecipients;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * M4, K8: administrators choose under Settings who receives expiry reminders (the requester, the
 * administrators, other addresses in a language and time zone of their own); every change is in the
 * trail; other roles and bad input are refused, recorded, and change nothing.
 */
class ReminderSettingsTest extends ActionIntegrationTest {

    @Autowired
    private AccountSettings accountSettings;

    private TestAccount account;

    @BeforeEach
    void account() {
        account = fixtures.newAccount();
    }

    @Test
    void byDefaultTheRequesterAndTheAdministratorsAreChecked_M4() {
        String page = Pages.main(body(get(account.admin(), "/settings")));

        assertThat(page)
                .contains(shown("settings.reminders.heading"))
                .contains("name=\"remindRequester\" value=\"true\" checked=\"checked\"")
                .contains("name=\"remindAdministrators\" value=\"true\" checked=\"checked\"");
        assertThat(stored()).isEqualTo(ReminderRecipients.DEFAULT);
    }

    @Test
    void usersAndFinanceManagersSeeNoReminderSettings_M4() {
        assertThat(body(get(account.user(), "/settings"))).doesNotContain("id=\"reminders\"");
        assertThat(body(get(account.finance(), "/settings"))).doesNotContain("id=\"reminders\"");
    }

    @Test
    void anAdministratorChoosesTheRecipientsAndTheChangeIsInTheTrail_M4() {
        MvcTestResult saved =
                save(account.admin(), null, "true", "PKI@Example.com\nops@example.com", "en", "America/New_York");

        assertThat(saved).hasStatus3xxRedirection();
        ReminderRecipients now = stored();
        assertThat(now.requester()).isFalse();
        assertThat(now.administrators()).isTrue();
        assertThat(now.addresses()).containsExactly("pki@example.com", "ops@example.com");
        assertThat(now.language()).isEqualTo(Locale.ENGLISH);
        assertThat(now.zone().getId()).isEqualTo("America/New_York");
        AuditRecord record = trail(AuditAction.REMINDER_RECIPIENTS_CHANGED).get(0);
        assertThat(record.getOutcome()).isEqualTo(AuditRecord.Outcome.DONE);
        assertThat(record.getActorEmail()).isEqualTo(account.admin().email());
        assertThat(record.getDetail()).isEqualTo(ReminderRecipients.DEFAULT.summary() + " \u2192 " + now.summary());
        assertThat(record.getComment()).isEqualTo("pki@example.com, ops@example.com");
        assertThat(Pages.main(body(get(account.admin(), "/settings"))))
                .contains("pki@example.com\nops@example.com</textarea>")
                .contains("<option value=\"America/New_York\" selected=\"selected\">");
    }

    @Test
    void aMemberWhoIsNotAnAdministratorIsRefusedAndRecorded_M4() {
        MvcTestResult refused = save(account.user(), "true", null, "me@example.com", "ja", "Asia/Tokyo");

        assertThat(refused).hasStatus(403);
        assertThat(stored()).isEqualTo(ReminderRecipients.DEFAULT);
        assertThat(lastRefusal()).isEqualTo("settings.refused.not-administrator");
    }

    @Test
    void anAddressThatIsNotOneIsRefusedByNameAndNothingChanges_M4() {
        MvcTestResult refused =
                save(account.admin(), "true", "true", "ok@example.com\nnot an address", "ja", "Asia/Tokyo");

        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains(shown("settings.reminders.invalid-address", "not"));
        assertThat(Pages.main(body(refused))).contains("ok@example.com\nnot an address</textarea>");
        assertThat(stored()).isEqualTo(ReminderRecipients.DEFAULT);
        assertThat(lastRefusal()).isEqualTo("settings.reminders.invalid-address");
    }

    @Test
    void moreThanTenAddressesAreRefused_M4() {
        String eleven = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> "team" + i + "@example.com")
                .collect(Collectors.joining("\n"));

        MvcTestResult refused = save(account.admin(), "true", "true", eleven, "ja", "Asia/Tokyo");

        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains(shown("settings.reminders.too-many", 11, 10));
        assertThat(stored()).isEqualTo(ReminderRecipients.DEFAULT);
    }

    @Test
    void choosingNobodyIsRefused_M4() {
        MvcTestResult refused = save(account.admin(), null, null, "", "ja", "Asia/Tokyo");

        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains(shown("settings.reminders.nobody"));
        assertThat(stored()).isEqualTo(ReminderRecipients.DEFAULT);
        assertThat(lastRefusal()).isEqualTo("settings.reminders.nobody");
    }

    @Test
    void aLanguageOrZoneNotOfferedIsRefused_M4() {
        assertThat(save(account.admin(), "true", "true", "", "fr", "Asia/Tokyo"))
                .hasStatus(400);
        assertThat(save(account.admin(), "true", "true", "", "ja", "Mars/Olympus"))
                .hasStatus(400);
        assertThat(save(account.admin(), "true", "true", "", "ja\r", "Asia/Tokyo"))
                .hasStatus(400);
        assertThat(stored()).isEqualTo(ReminderRecipients.DEFAULT);
    }

    private MvcTestResult save(
            com.certportal.account.CurrentMember by,
            String requester,
            String administrators,
            String addresses,
            String language,
            String zone) {
        List<String> fields = new java.util.ArrayList<>();
        if (requester != null) {
            fields.addAll(List.of("remindRequester", requester));
        }
        if (administrators != null) {
            fields.addAll(List.of("remindAdministrators", administrators));
        }
        fields.addAll(List.of("reminderAddresses", addresses, "reminderLanguage", language, "reminderTimeZone", zone));
        return post(by, "/settings/account/reminders", fields.toArray(String[]::new));
    }

    private ReminderRecipients stored() {
        return accountSettings.of(account.admin()).reminderRecipients();
    }

    private List<AuditRecord> trail(AuditAction action) {
        return auditRecords.findByAccountIdAndOutcomeOrderByIdDesc(account.id(), AuditRecord.Outcome.DONE).stream()
                .filter(r -> r.getAction() == action)
                .toList();
    }

    private String lastRefusal() {
        return refusals(account.id()).get(0).getDetail();
    }
}
