package com.certportal.account;

import com.certportal.action.FormInput;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * M4, K8: the reminder recipients as the settings form sends them (checkboxes, the other addresses as
 * typed, their language and time zone); {@link #toRecipients} checks each part, inside the action, so
 * that bad input is refused and recorded like any other refusal.
 */
public record ChooseReminderRecipients(
        String remindRequester, String remindAdministrators, String addresses, String language, String timeZone) {

    ReminderRecipients toRecipients() {
        boolean requester = FormInput.flag(remindRequester);
        boolean administrators = FormInput.flag(remindAdministrators);
        Locale chosenLanguage = FormInput.choice(
                language,
                value -> MemberSettings.MAIL_LANGUAGES.contains(value)
                        ? Optional.of(Locale.forLanguageTag(value))
                        : Optional.empty(),
                "settings.invalid-language");
        ZoneId zone = FormInput.choice(
                timeZone,
                value -> MemberSettings.TIME_ZONES.contains(value) ? Optional.of(ZoneId.of(value)) : Optional.empty(),
                "settings.invalid-zone");
        return new ReminderRecipients(
                requester, administrators, ReminderRecipients.parseAddresses(addresses), chosenLanguage, zone);
    }
}
