package com.certportal.account;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MemberSettings {

    /** The languages mails are written in. */
    public static final List<String> MAIL_LANGUAGES = List.of("ja", "en");

    /** The time zones a member (or the account's other reminder addresses, M4) can choose. */
    public static final List<String> TIME_ZONES = List.of(
            "Asia/Tokyo",
            "Asia/Seoul",
            "Asia/Shanghai",
            "Asia/Singapore",
            "Asia/Kolkata",
            "Australia/Sydney",
            "Europe/London",
            "Europe/Berlin",
            "America/New_York",
            "America/Chicago",
            "America/Los_Angeles",
            "UTC");

    private final MemberRepository members;

    MemberSettings(MemberRepository members) {
        this.members = members;
    }

    /** The zone times are shown in, and the language mails are written in. */
    @Transactional
    public CurrentMember choose(CurrentMember current, ZoneId zone, Locale mailLanguage) {
        Member member = members.findById(current.memberId()).orElseThrow();
        member.chooseTimeZone(zone);
        member.chooseLanguage(mailLanguage);
        CurrentMember updated = new CurrentMember(member);
        updated.eraseCredentials();
        return updated;
    }
}
