package com.certportal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.support.PostgresIntegrationTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, finding 9: the demo reads as the customers it stands for: the members of the Japanese
 * accounts (Example Corp, the CA's operations) have Japanese names, family name first; the English
 * account's member keeps an English one.
 */
class DemoMembersTest extends PostgresIntegrationTest {

    private static final String JAPANESE_NAME =
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]+ [\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]+";

    @Autowired
    private DemoSignIns signIns;

    @Autowired
    private MemberRepository members;

    @Test
    void theMembersOfTheJapaneseDemoAccountsHaveJapaneseNames() {
        assertThat(signIns.all()).allSatisfy(signIn -> {
            Member member = members.findByEmail(signIn.email()).orElseThrow();
            if (member.getLocale().getLanguage().equals(Locale.JAPANESE.getLanguage())) {
                assertThat(member.getDisplayName()).as(signIn.email()).matches(JAPANESE_NAME);
            } else {
                assertThat(member.getDisplayName()).as(signIn.email()).matches("[A-Za-z]+ [A-Za-z]+");
            }
        });
        assertThat(members.findByEmail("admin@example.com").orElseThrow().getDisplayName())
                .isEqualTo("佐藤 花子");
        assertThat(signIns.all())
                .filteredOn(s -> s.account().equals("Example Corp"))
                .hasSize(3)
                .allSatisfy(s -> assertThat(
                                members.findByEmail(s.email()).orElseThrow().getLocale())
                        .isEqualTo(Locale.JAPANESE));
    }
}
