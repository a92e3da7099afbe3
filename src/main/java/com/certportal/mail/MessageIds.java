package com.certportal.mail;

import com.certportal.account.PortalProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * T2, issue 10: each mail's Message-ID, made once when the mail is queued and kept with it, so that
 * every attempt carries the same one. SMTP delivers at least once (a server may accept a mail just as
 * the portal loses the database and cannot record it as sent); a mail delivered twice then carries one
 * Message-ID, which mail systems and people recognise as the same mail. The right-hand side is the
 * sender's domain (RFC 5322 3.6.4), or the portal's host when the sender has none.
 */
@Component
class MessageIds {

    private final String domain;

    MessageIds(MailProperties mail, PortalProperties portal) {
        this.domain = domain(mail.from(), portal.baseUrl().getHost());
    }

    String next() {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    static String domain(String from, String portalHost) {
        try {
            String address = new InternetAddress(from, true).getAddress();
            int at = address.lastIndexOf('@');
            if (at > 0 && at < address.length() - 1) {
                return address.substring(at + 1).toLowerCase(Locale.ROOT);
            }
        } catch (AddressException malformed) {
            // the portal's host below
        }
        return portalHost == null || portalHost.isBlank() ? "localhost" : portalHost.toLowerCase(Locale.ROOT);
    }
}
