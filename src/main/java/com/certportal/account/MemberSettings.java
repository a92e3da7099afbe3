package com.certportal.account;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MemberSettings {

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
