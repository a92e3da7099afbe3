package com.certportal.mail;

import com.certportal.account.Invitation;
import com.certportal.account.Member;
import com.certportal.account.MemberInvited;
import com.certportal.account.MemberRepository;
import com.certportal.account.PortalProperties;
import com.certportal.approval.ApprovalRequest;
import com.certportal.approval.ApprovalRequest.RequestDecided;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderEvents.OrderCanceled;
import com.certportal.order.OrderEvents.SupportRevocationRequested;
import com.certportal.reminder.ExpiryReminderSent;
import com.certportal.reminder.ReminderRecipient;
import com.certportal.revocation.RevocationRequest;
import com.certportal.validation.ValidationEvents.DomainValidationStarted;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
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
    /** K8: the zone is named by its id after the time (a mail has no page to say which zone it shows). */
    private static final DateTimeFormatter REMINDER_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private static final DateTimeFormatter REMINDER_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

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

    /**
     * K8: each recipient reads the reminder in its own language, with the expiry in its own time zone:
     * the order number, the common name, the serial number and the expiry, and what to do. While the
     * order's plan outlasts the certificate the answer is a reissue (no charge, I3); once a renewal of
     * it is on its way, finishing that renewal; otherwise a renewal.
     */
    @EventListener
    void on(ExpiryReminderSent sent) {
        CertificateOrder order = sent.order();
        Certificate certificate = sent.certificate();
        Instant now = sent.at();
        boolean before = sent.threshold().beforeExpiry();
        // Whole days left (before the expiry) or passed (after it), as the order page counts them.
        Duration apart = before
                ? Duration.between(now, certificate.getExpiresAt())
                : Duration.between(certificate.getExpiresAt(), now);
        long days = Math.floorDiv(apart.toSeconds(), 86_400);
        String orderLink = link("/orders/" + order.getOrderNumber());
        Optional<CertificateOrder> renewal = order.activeRenewal();
        Instant planEnds = order.planEndsAt(now);
        for (ReminderRecipient recipient : sent.recipients()) {
            Locale language = recipient.language();
            String advice;
            if (renewal.isPresent()) {
                advice = messages.getMessage(
                        "mail.expiry.advice.renewal-pending",
                        new Object[] {
                            link("/orders/" + renewal.get().getOrderNumber()),
                            renewal.get().getOrderNumber()
                        },
                        language);
            } else if (planEnds.isAfter(certificate.getExpiresAt())) {
                advice = messages.getMessage(
                        "mail.expiry.advice.reissue",
                        new Object[] {link("/orders/" + order.getOrderNumber() + "/reissue"), time(planEnds, recipient)
                        },
                        language);
            } else {
                advice = messages.getMessage(
                        "mail.expiry.advice.renew",
                        new Object[] {link("/orders/new?renewalOf=" + order.getOrderNumber())},
                        language);
            }
            outbox.enqueue(
                    before ? MailKind.EXPIRY_REMINDER : MailKind.CERTIFICATE_EXPIRED,
                    order.getAccountId(),
                    order.getId(),
                    recipient.email(),
                    language,
                    order.getOrderNumber(),
                    certificate.getCommonName(),
                    certificate.getSerialNumber(),
                    time(certificate.getExpiresAt(), recipient),
                    days,
                    product(order, language),
                    advice,
                    orderLink,
                    REMINDER_DATE.format(certificate.getExpiresAt().atZone(recipient.zone())));
        }
    }

    /** K8: an instant as the recipient reads it, with its zone named (mail has no page to say it). */
    private static String time(Instant instant, ReminderRecipient recipient) {
        return REMINDER_TIME.format(instant.atZone(recipient.zone())) + " ("
                + recipient.zone().getId() + ")";
    }

    private String link(String path) {
        return portal.baseUrl().resolve(path).toString();
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
