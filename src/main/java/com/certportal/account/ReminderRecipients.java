package com.certportal.account;

import com.certportal.action.ActionRefused;
import com.certportal.action.ActionRefused.FieldProblem;
import com.certportal.action.FormInput;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * M4, K8: who receives the expiry reminders of an account's orders: the order's requester and the
 * account's administrators (each in its own mail language and time zone), and up to ten other addresses
 * (a team mailbox, say), written to in the language and time zone chosen for them here, since they
 * belong to nobody who signs in. At least one of the three must be chosen: an expiry nobody hears of is
 * an outage.
 */
public record ReminderRecipients(
        boolean requester, boolean administrators, List<String> addresses, Locale language, ZoneId zone) {

    public static final int MAX_ADDRESSES = 10;

    /** K8 as the rule book states it: the requester and the account's administrators. */
    public static final ReminderRecipients DEFAULT =
            new ReminderRecipients(true, true, List.of(), Locale.JAPANESE, Member.DEFAULT_ZONE);

    private static final int EMAIL_MAX = 320;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    public ReminderRecipients {
        addresses = List.copyOf(addresses);
    }

    /**
     * The addresses as typed (one per line, or separated by commas, semicolons or spaces), lower-cased,
     * each once; every one that is not an email address is refused by name, and more than ten are refused.
     */
    public static List<String> parseAddresses(String typed) {
        String text = FormInput.optionalText(typed, EMAIL_MAX * MAX_ADDRESSES);
        if (text == null) {
            return List.of();
        }
        Set<String> addresses = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String address : SEPARATORS.split(text)) {
            if (address.isEmpty()) {
                continue;
            }
            if (address.length() > EMAIL_MAX || !EMAIL.matcher(address).matches()) {
                problems.add(new FieldProblem(
                        "reminderAddresses", "settings.reminders.invalid-address", List.of(shorten(address))));
            } else {
                addresses.add(address.toLowerCase(Locale.ROOT));
            }
        }
        if (addresses.size() > MAX_ADDRESSES) {
            problems.add(new FieldProblem(
                    "reminderAddresses", "settings.reminders.too-many", List.of(addresses.size(), MAX_ADDRESSES)));
        }
        if (!problems.isEmpty()) {
            throw ActionRefused.invalidFields(problems);
        }
        return List.copyOf(addresses);
    }

    /** Whether no one at all would be reminded. */
    public boolean nobody() {
        return !requester && !administrators && addresses.isEmpty();
    }

    /** The addresses as stored (one per line). */
    String addressLines() {
        return String.join("\n", addresses);
    }

    /** T1: what the trail records of the choice (the addresses go in the record's comment). */
    public String summary() {
        return "requester=" + requester + " administrators=" + administrators + " addresses=" + addresses.size()
                + " language=" + language.getLanguage() + " zone=" + zone.getId();
    }

    private static String shorten(String address) {
        return address.length() <= 60 ? address : address.substring(0, 57) + "...";
    }
}
