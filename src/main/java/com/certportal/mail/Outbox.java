package com.certportal.mail;

import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * T2: stores a mail, written in the recipient's language and with its Message-ID, as part of the
 * caller's transaction.
 */
@Service
public class Outbox {

    private final OutboxMailRepository mails;
    private final MessageSource messages;
    private final MessageIds messageIds;
    private final Clock clock;

    Outbox(OutboxMailRepository mails, MessageSource messages, MessageIds messageIds, Clock clock) {
        this.mails = mails;
        this.messages = messages;
        this.messageIds = messageIds;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMail enqueue(
            MailKind kind, Long accountId, Long orderId, String recipient, Locale language, Object... arguments) {
        String prefix = "mail." + kind.name().toLowerCase(Locale.ROOT) + ".";
        String subject = messages.getMessage(prefix + "subject", arguments, language);
        String body = messages.getMessage(prefix + "body", arguments, language);
        return mails.save(new OutboxMail(
                accountId,
                orderId,
                kind,
                recipient,
                language.getLanguage(),
                subject,
                body,
                messageIds.next(),
                clock.instant()));
    }
}
