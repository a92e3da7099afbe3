package com.certportal.mail;

import com.certportal.account.Invitation;
import com.certportal.account.Member;
import com.certportal.account.MemberInvited;
import com.certportal.account.MemberRepository;
import com.certportal.account.PortalProperties;
import com.certportal.approval.ApprovalRequest;
import com.certportal.approval.ApprovalRequest.RequestDecided;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderEvents.OrderCanceled;
import com.certportal.order.OrderEvents.SupportRevocationRequested;
import com.certportal.revocation.RevocationRequest;
import com.certportal.validation.ValidationEvents.DomainValidationStarted;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");

    private final Outbox outbox;
    private final MailProperties properties;
    private final MessageSource messages;
    private final MemberRepository members;
    private final PortalProperties portal;

    MailTriggers(
            Outbox outbox,
            MailProperties properties,
            MessageSource messages,
            MemberRepository members,
            PortalProperties portal) {
        this.outbox = outbox;
        this.properties = properties;
        this.messages = messages;
        this.members = members;
        this.portal = portal;
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

    /** A2, O4: the requester learns that its request (a revocation or a new order) was rejected. */
    @EventListener
    void on(RequestDecided decided) {
        if (!decided.rejected()) {
            return;
        }
        ApprovalRequest request = decided.request();
        CertificateOrder order = request.getOrder();
        Member requester = request.getRequester();
        Locale language = requester.getLocale();
        String comment = request.getDecisionComment() == null ? "-" : request.getDecisionComment();
        if (request instanceof RevocationRequest revocation) {
            outbox.enqueue(
                    MailKind.REVOCATION_REJECTED,
                    order.getAccountId(),
                    order.getId(),
                    requester.getEmail(),
                    language,
                    order.getOrderNumber(),
                    order.getCommonName(),
                    messages.getMessage(
                            "revocation-reason." + revocation.getReason().key(), null, language),
                    comment);
        } else {
            outbox.enqueue(
                    MailKind.ORDER_REQUEST_REJECTED,
                    order.getAccountId(),
                    order.getId(),
                    requester.getEmail(),
                    language,
                    order.getOrderNumber(),
                    order.getCommonName(),
                    product(order, language),
                    comment);
        }
    }

    /**
     * V1: the one-time link goes to each constructed address of the name's registrable domain, in
     * the requester's language; whoever holds one of those mailboxes confirms it on a page.
     */
    @EventListener
    void on(DomainValidationStarted started) {
        CertificateOrder order = started.validation().getOrder();
        Locale language = order.getRequester().getLocale();
        String link =
                portal.baseUrl().resolve("/dcv/" + started.confirmationToken()).toString();
        for (String approver : started.approverEmails()) {
            outbox.enqueue(
                    MailKind.DOMAIN_VALIDATION,
                    order.getAccountId(),
                    order.getId(),
                    approver,
                    language,
                    started.validation().getName(),
                    order.getOrderNumber(),
                    link,
                    product(order, language));
        }
    }

    /**
     * M1: the invitee gets its one-time link, in the inviting administrator's language, with the
     * link's expiry in the administrator's time zone.
     */
    @EventListener
    void on(MemberInvited invited) {
        Invitation invitation = invited.invitation();
        Locale language = invitation.getLanguage();
        String link = portal.baseUrl().toString().replaceAll("/+$", "") + "/invitations/" + invited.token();
        outbox.enqueue(
                MailKind.INVITATION,
                invitation.getAccountId(),
                null,
                invitation.getEmail(),
                language,
                invited.accountName(),
                invited.inviter().getDisplayName(),
                messages.getMessage("role." + invitation.getRole().key(), null, language),
                link,
                MAIL_TIME
                        .withLocale(language)
                        .format(invitation
                                .getExpiresAt()
                                .atZone(invited.inviter().getZone())));
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
