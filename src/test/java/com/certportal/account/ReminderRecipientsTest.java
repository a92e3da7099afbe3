package com.certportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.action.ActionRefused;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** M4: the other addresses for expiry reminders, as an administrator types them. */
class ReminderRecipientsTest {

    @Test
    void addressesAreReadOnePerLineOrSeparatedLowerCasedAndEachOnce_M4() {
        assertThat(ReminderRecipients.parseAddresses(" PKI@Example.com\r\nops@example.com, pki@example.com;x@y.jp "))
                .containsExactly("pki@example.com", "ops@example.com", "x@y.jp");
        assertThat(ReminderRecipients.parseAddresses("")).isEmpty();
        assertThat(ReminderRecipients.parseAddresses(null)).isEmpty();
    }

    @Test
    void everyAddressThatIsNotOneIsRefusedByName_M4() {
        assertThatThrownBy(() -> ReminderRecipients.parseAddresses("ok@example.com\nnot-an-address\nalso@bad"))
                .isInstanceOfSatisfying(ActionRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.INVALID);
                    assertThat(refused.problems())
                            .extracting(p -> p.arguments().get(0))
                            .containsExactly("not-an-address", "also@bad");
                });
    }

    @Test
    void tenAddressesAreAcceptedAndElevenRefused_M4() {
        assertThat(ReminderRecipients.parseAddresses(addresses(10))).hasSize(ReminderRecipients.MAX_ADDRESSES);
        assertThatThrownBy(() -> ReminderRecipients.parseAddresses(addresses(11)))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("settings.reminders.too-many"));
    }

    @Test
    void controlCharactersAreRefusedNotStored() {
        assertThatThrownBy(() -> ReminderRecipients.parseAddresses("ops@example.com\u0000"))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("form.control-characters"));
    }

    @Test
    void nobodyIsOnlyWhenNoneOfTheThreeIsChosen_M4() {
        assertThat(ReminderRecipients.DEFAULT.nobody()).isFalse();
        assertThat(new ReminderRecipients(
                                false, false, List.of(), ReminderRecipients.DEFAULT.language(), Member.DEFAULT_ZONE)
                        .nobody())
                .isTrue();
        assertThat(new ReminderRecipients(
                                false,
                                false,
                                List.of("a@b.jp"),
                                ReminderRecipients.DEFAULT.language(),
                                Member.DEFAULT_ZONE)
                        .nobody())
                .isFalse();
    }

    private static String addresses(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "team" + i + "@example.com")
                .collect(Collectors.joining("\n"));
    }
}
