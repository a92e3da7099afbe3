package com.certportal.mail;

import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderEvents.OrderCanceled;
import com.certportal.order.OrderEvents.SupportRevocationRequested;
import com.certportal.revocation.RevocationRequest;
import com.certportal.revocation.RevocationRequest.RevocationDecided;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which events send mail, and to whom. R8: a completed revocation sends none; the order page is
 * where it is checked.
 */
@Component
class MailTriggers {

    private final Outbox outbox;
    private final MailProperties properties;
    private final MessageSource messages;
    private final MemberRepository members;

    MailTriggers(Outbox outbox, MailProperties properties, MessageSource messages, MemberRepository members) {
        this.outbox = outbox;
        this.properties = properties;
        this.messages = messages;
        this.members = members;
    }

    /** C4: organization-validated products mail the requester; other products send none. */
    @EventListener
    void on(OrderCanceled canceled) {
        CertificateOrder order = canceled.order();
        if (order.getProduct().sendsCancellationMail()) {
            Member requester = order.getRequester();
            Locale language = requester.getLocale();
            outbox.enqueue(
                    MailKind.CANCELLATION,
                    order.getAccountId(),
                    order.getId(),
                    requester.getEmail(),
                    language,
                    order.getOrderNumber(),
                    order.getCommonName(),
                    product(order, language));
        }
    }

    /** A2: the requester learns that its revocation request was rejected. */
    @EventListener
    void on(RevocationDecided decided) {
        if (decided.rejected()) {
            RevocationRequest request = decided.request();
            CertificateOrder order = request.getOrder();
            Member requester = request.getRequester();
            Locale language = requester.getLocale();
            String comment = request.getDecisionComment() == null ? "-" : request.getDecisionComment();
            outbox.enqueue(
                    MailKind.REVOCATION_REJECTED,
                    order.getAccountId(),
                    order.getId(),
                    requester.getEmail(),
                    language,
                    order.getOrderNumber(),
                    order.getCommonName(),
                    messages.getMessage(
                            "revocation-reason." + request.getReason().key(), null, language),
                    comment);
        }
    }

    /** R5: support gets the order number, the reason and the note. */
    @EventListener
    void on(SupportRevocationRequested requested) {
        CertificateOrder order = requested.order();
        Locale language = Locale.forLanguageTag(properties.supportLanguage());
        outbox.enqueue(
                MailKind.SUPPORT_REVOCATION,
                order.getAccountId(),
                order.getId(),
                properties.supportAddress(),
                language,
                order.getOrderNumber(),
                order.getCommonName(),
                messages.getMessage("revocation-reason." + requested.reason().key(), null, language),
                requested.note(),
                product(order, language),
                whoAsked(requested));
    }

    /** The member who asked support, who may be an administrator acting on a user's order. */
    private String whoAsked(SupportRevocationRequested requested) {
        return members.findById(requested.actorId())
                .map(Member::getEmail)
                .orElse(requested.order().getRequester().getEmail());
    }

    private String product(CertificateOrder order, Locale language) {
        return messages.getMessage(order.getProduct().key(), null, language);
    }
}
