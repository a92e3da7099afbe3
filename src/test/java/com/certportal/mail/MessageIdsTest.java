package com.certportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.PortalProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** T2, issue 10: a Message-ID per mail, unique, in the sender's domain. */
class MessageIdsTest {

    @Test
    void theRightHandSideIsTheSendersDomain_T2() {
        assertThat(MessageIds.domain("no-reply@certs.example.co.jp", "portal.example"))
                .isEqualTo("certs.example.co.jp");
        assertThat(MessageIds.domain("CertPortal <No-Reply@Certs.Example.CO.JP>", "portal.example"))
                .isEqualTo("certs.example.co.jp");
    }

    @Test
    void aSenderWithoutADomainFallsBackToThePortalsHost_T2() {
        assertThat(MessageIds.domain("no-reply", "certs.example.co.jp")).isEqualTo("certs.example.co.jp");
        assertThat(MessageIds.domain("not an address <", "certs.example.co.jp")).isEqualTo("certs.example.co.jp");
    }

    @Test
    void eachMailGetsItsOwnId_T2() {
        MessageIds ids = new MessageIds(
                new MailProperties(
                        "CertPortal <no-reply@certs.example.co.jp>",
                        "support@certs.example.co.jp",
                        "ja",
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10)),
                new PortalProperties(URI.create("https://portal.example")));

        String first = ids.next();

        assertThat(first).matches("<[0-9a-f-]{36}@certs\\.example\\.co\\.jp>");
        assertThat(ids.next()).isNotEqualTo(first);
    }
}
