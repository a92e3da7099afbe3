package com.certportal.validation.dcv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** V1 email method: constructed addresses on the registrable domain by the Public Suffix List. */
class ApproverEmailsTest {

    @Test
    void aRegistrableDomainUnderATwoLabelSuffixGetsTheFiveAddressesInOrder() {
        assertThat(ApproverEmails.forName("example.co.jp"))
                .containsExactly(
                        "admin@example.co.jp",
                        "administrator@example.co.jp",
                        "webmaster@example.co.jp",
                        "hostmaster@example.co.jp",
                        "postmaster@example.co.jp");
    }

    @Test
    void aDeepNameIsValidatedOnItsRegistrableDomainNeverOnThePublicSuffix() {
        assertThat(ApproverEmails.registrableDomain("www.shop.example.co.jp")).isEqualTo("example.co.jp");
        assertThat(ApproverEmails.forName("www.shop.example.co.jp")).first().isEqualTo("admin@example.co.jp");
    }

    @Test
    void aWildcardIsValidatedOnItsBaseDomain() {
        assertThat(ApproverEmails.baseDomain("*.example.com")).isEqualTo("example.com");
        assertThat(ApproverEmails.baseDomain("www.example.com")).isEqualTo("www.example.com");
        assertThat(ApproverEmails.forName("*.example.com")).contains("hostmaster@example.com");
        assertThat(ApproverEmails.forName("*.www.example.com")).contains("hostmaster@example.com");
    }

    /**
     * The ICANN section only, as the Baseline Requirements read the list (3.2.2.6): github.io is a
     * private suffix, so foo.github.io is approved by github.io's registrant, not by a mailbox under a
     * name GitHub hands out to its users.
     */
    @Test
    void aPrivateSuffixIsNotARegistrySuffixSoTheApproverIsTheDomainAboveIt() {
        assertThat(ApproverEmails.registrableDomain("foo.github.io")).isEqualTo("github.io");
        assertThat(ApproverEmails.forName("foo.github.io")).first().isEqualTo("admin@github.io");
    }

    @ParameterizedTest
    @ValueSource(strings = {"co.jp", "com", "*.co.jp", "intranet", "server.local", "192.0.2.1", ""})
    void aNameWithoutARegistrableDomainIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> ApproverEmails.forName(name));
    }
}
