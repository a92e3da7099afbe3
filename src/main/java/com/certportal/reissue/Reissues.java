package com.certportal.reissue;

import com.certportal.account.CurrentMember;
import com.certportal.action.ActionRefused;
import com.certportal.action.ActionRefused.FieldProblem;
import com.certportal.action.FormInput;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.issuance.Issuance;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderActions;
import com.certportal.order.OrderRepository;
import com.certportal.order.Reissue;
import com.certportal.order.ReissueRepository;
import com.certportal.order.ReissueSpec;
import com.certportal.ordering.CsrInput;
import com.certportal.pki.CheckedCsr;
import com.certportal.validation.Validations;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * K4, K5: a reissue asked for from Certificate actions waits for its new names' validation (V, reused
 * per V3) and is then issued onto the same order (issuance reacts to {@code ReissueValidated}); a
 * duplicate is issued at once for names whose validation still holds. Refusals change nothing and
 * are recorded (T1).
 */
@Service
public class Reissues {

    private final OrderActions orderActions;
    private final OrderRepository orders;
    private final ReissueRepository reissues;
    private final Validations validations;
    private final Issuance issuance;
    private final EntityManager entityManager;
    private final Clock clock;

    Reissues(
            OrderActions orderActions,
            OrderRepository orders,
            ReissueRepository reissues,
            Validations validations,
            Issuance issuance,
            EntityManager entityManager,
            Clock clock) {
        this.orderActions = orderActions;
        this.orders = orders;
        this.reissues = reissues;
        this.validations = validations;
        this.issuance = issuance;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * K4: asks for the reissue; when every name is already validated for the account (V3) the new
     * certificate is issued before this returns, otherwise the reissue waits on the order page.
     */
    public CertificateOrder request(RequestReissue command, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = OrderActions.attempted(AuditAction.REISSUE_REQUESTED, command.orderNumber(), by, now)
                .comment(command.comment());
        return orderActions.act(command, by, attempted, (order, member, entry) -> {
            order.checkCertificatesCanChange("reissue");
            if (order.waitingReissue().isPresent()) {
                throw new ActionRefused(
                        "reissue.refused.waiting",
                        "order " + order.getOrderNumber() + " has a reissue waiting",
                        order.getOrderNumber());
            }
            List<FieldProblem> problems = new ArrayList<>();
            CsrInput.Checked checked = CsrInput.check(
                    command.csr(),
                    command.csrFile(),
                    command.sans(),
                    order.getProduct(),
                    order.getProduct().validatesDomains() ? command.dcvMethod() : null,
                    problems);
            String comment = comment(command.comment(), problems);
            if (!problems.isEmpty()) {
                throw ActionRefused.invalidFields(problems);
            }
            CheckedCsr csr = checked.csr();
            order.checkReissueKey(csr.publicKey(), command.keyCompromised());
            // Two reissues at once: both bump the order's version, so only one can commit.
            entityManager.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            Reissue reissue = order.requestReissue(
                    member,
                    new ReissueSpec(
                            csr.pem(),
                            csr.commonName(),
                            order.getProduct().certifiesDnsNames() ? checked.names() : List.of(),
                            order.getProduct().validatesDomains() ? command.dcvMethod() : null,
                            comment,
                            command.keyCompromised()),
                    now);
            reissues.save(reissue);
            orders.save(order);
            validations.startReissue(order, now);
            return order;
        });
    }

    /** K4: the requester or an administrator cancels the waiting reissue; the order is as it was. */
    public CertificateOrder cancel(CancelReissue command, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = OrderActions.attempted(AuditAction.REISSUE_CANCELED, command.orderNumber(), by, now);
        return orderActions.act(command, by, attempted, (order, member, entry) -> {
            order.cancelReissue(member, by.role().decidesRequests(), now);
            return order;
        });
    }

    /**
     * K5: a duplicate is issued at once for the current certificate's names, with another key, ending
     * with the current certificate. Its names must still be validated for the account (V3): a lapsed
     * validation is refused with the advice to reissue, which validates them again.
     */
    public Certificate duplicate(DuplicateCertificate command, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = OrderActions.attempted(
                        AuditAction.CERTIFICATE_DUPLICATED, command.orderNumber(), by, now)
                .comment(command.comment());
        return orderActions.act(command, by, attempted, (order, member, entry) -> {
            order.checkCertificatesCanChange("duplicate");
            List<FieldProblem> problems = new ArrayList<>();
            CsrInput.Checked checked =
                    CsrInput.csr(command.csr(), command.csrFile(), null, order.getProduct(), problems);
            String comment = comment(command.comment(), problems);
            if (!problems.isEmpty()) {
                throw ActionRefused.invalidFields(problems);
            }
            CheckedCsr csr = checked.csr();
            order.checkDuplicateNames(csr.commonName(), csr.names());
            order.checkDuplicateKey(csr.publicKey());
            Certificate current = order.currentCertificate().orElseThrow();
            if (!validations.stillValidated(order, current.getSubjectAltNames(), now)) {
                throw new ActionRefused(
                        "duplicate.refused.validation-lapsed",
                        "order " + order.getOrderNumber() + ": a validation of its names has lapsed",
                        order.getOrderNumber());
            }
            entityManager.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            return issuance.duplicate(order, csr.publicKey(), member.getId(), comment, now);
        });
    }

    private static String comment(String comment, List<FieldProblem> problems) {
        try {
            return FormInput.optionalText(comment, FormInput.COMMENT_MAX);
        } catch (ActionRefused bad) {
            problems.add(new FieldProblem("comment", bad.messageKey(), List.of(bad.messageArguments())));
            return null;
        }
    }
}
