package com.certportal.account;

import java.time.ZoneId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MemberSettings {

    private final MemberRepository members;

    MemberSettings(MemberRepository members) {
        this.members = members;
    }

    @Transactional
    public CurrentMember chooseTimeZone(CurrentMember current, ZoneId zone) {
        Member member = members.findById(current.memberId()).orElseThrow();
        member.chooseTimeZone(zone);
        CurrentMember updated = new CurrentMember(member);
        updated.eraseCredentials();
        return updated;
    }
}
