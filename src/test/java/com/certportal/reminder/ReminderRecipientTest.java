package com.certportal.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.certportal.account.Account;
import com.certportal.account.Member;
import com.certportal.account.ReminderRecipients;
import com.certportal.account.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** K8, M4: who is mailed, in which language and time zone. */
class ReminderRecipientTest {

    private static final Account ACCOUNT = new Account("Example Corp", Instant.EPOCH);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Member requester = member("user@example.com", Role.USER, "ja");
    private final Member admin = member("admin@example.com", Role.ADMINISTRATOR, "en");
    private final Member otherAdmin = member("admin2@example.com", Role.ADMINISTRATOR, "ja");

    @Test
    void byDefaultTheRequesterAndEveryAdministratorEachInItsOwnLanguageAndZone_K8() {
        admin.chooseTimeZone(NEW_YORK);

        List<ReminderRecipient> recipients =
                ReminderRecipient.resolve(ReminderRecipients.DEFAULT, requester, List.of(admin, otherAdmin));

        assertThat(recipients)
                .extracting(ReminderRecipient::email, ReminderRecipient::language, ReminderRecipient::zone)
                .containsExactly(
                        tuple("user@example.com", Locale.JAPANESE, Member.DEFAULT_ZONE),
                        tuple("admin@example.com", Locale.ENGLISH, NEW_YORK),
                        tuple("admin2@example.com", Locale.JAPANESE, Member.DEFAULT_ZONE));
    }

    @Test
    void otherAddressesUseTheLanguageAndZoneChosenForThem_M4() {
        ReminderRecipients chosen =
                new ReminderRecipients(false, false, List.of("pki-team@example.com"), Locale.ENGLISH, NEW_YORK);

        assertThat(ReminderRecipient.resolve(chosen, requester, List.of(admin)))
                .containsExactly(new ReminderRecipient("pki-team@example.com", Locale.ENGLISH, NEW_YORK));
    }

    @Test
    void anAddressListedTwiceIsMailedOnceAndAMemberKeepsItsOwnLanguage_M4() {
        ReminderRecipients chosen = new ReminderRecipients(
                true, true, List.of("admin@example.com", "ops@example.com"), Locale.JAPANESE, Member.DEFAULT_ZONE);

        List<ReminderRecipient> recipients = ReminderRecipient.resolve(chosen, admin, List.of(admin, otherAdmin));

        assertThat(recipients)
                .extracting(ReminderRecipient::email, ReminderRecipient::language)
                .containsExactly(
                        tuple("admin@example.com", Locale.ENGLISH),
                        tuple("admin2@example.com", Locale.JAPANESE),
                        tuple("ops@example.com", Locale.JAPANESE));
    }

    @Test
    void onlyTheRequesterWhenTheAccountChoseSo_M4() {
        ReminderRecipients onlyRequester =
                new ReminderRecipients(true, false, List.of(), Locale.JAPANESE, Member.DEFAULT_ZONE);

        assertThat(ReminderRecipient.resolve(onlyRequester, requester, List.of(admin, otherAdmin)))
                .extracting(ReminderRecipient::email)
                .containsExactly("user@example.com");
    }

    private static Member member(String email, Role role, String language) {
        return new Member(ACCOUNT, email, email, role, "{noop}x", language, Instant.EPOCH);
    }
}
