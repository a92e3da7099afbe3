package com.certportal.reminder;

import com.certportal.account.Member;
import com.certportal.account.ReminderRecipients;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * K8, M4: one address an expiry reminder is written to, in its language, with times in its zone. A
 * member reads its own mail language and time zone; another address reads those the administrators
 * chose for the account's other addresses.
 */
public record ReminderRecipient(String email, Locale language, ZoneId zone) {

    /**
     * Who receives the reminders of an order: its requester and the account's administrators if the
     * account chose them (deactivated members receive nothing: they left), then the other addresses.
     * Each address once; a member's own settings win over the other addresses' when it is listed twice.
     */
    public static List<ReminderRecipient> resolve(
            ReminderRecipients chosen, Member requester, List<Member> administrators) {
        Map<String, ReminderRecipient> byEmail = new LinkedHashMap<>();
        List<Member> members = new ArrayList<>();
        if (chosen.requester()) {
            members.add(requester);
        }
        if (chosen.administrators()) {
            members.addAll(administrators);
        }
        for (Member member : members) {
            if (member.isActive()) {
                byEmail.putIfAbsent(
                        member.getEmail(),
                        new ReminderRecipient(member.getEmail(), member.getLocale(), member.getZone()));
            }
        }
        for (String address : chosen.addresses()) {
            byEmail.putIfAbsent(address, new ReminderRecipient(address, chosen.language(), chosen.zone()));
        }
        return List.copyOf(byEmail.values());
    }
}
