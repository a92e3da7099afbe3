package com.certportal.validation;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.Audited;
import java.time.Instant;
import java.util.List;

/** What happened in validation, in the past tense: the trail records each, mail reacts to some. */
public final class ValidationEvents {

    private ValidationEvents() {}

    private static AuditEntry entry(AuditAction action, DomainValidation v, Long actorId, Instant at) {
        return AuditEntry.of(action, at)
                .order(v.getAccountId(), v.getOrder().getId(), v.getOrder().getOrderNumber())
                .actor(actorId)
                .detail(v.getMethod().key() + " " + v.getName());
    }

    /** V1: a name needs validating; for the email method the link goes to {@code approverEmails}. */
    public record DomainValidationStarted(DomainValidation validation, List<String> approverEmails, Instant at)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.DOMAIN_VALIDATION_STARTED, validation, null, at);
        }

        /** The link the recipient opens: a secret, only ever in the mail. */
        public String confirmationToken() {
            return validation.getToken();
        }
    }

    /** V4: a file or DNS check ran and did not pass (a passed one is {@link DomainValidated}). */
    public record DomainValidationChecked(DomainValidation validation, Long actorId, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.DOMAIN_VALIDATION_CHECKED, validation, actorId, at)
                    .detail(validation.getMethod().key() + " " + validation.getName() + ": "
                            + validation.getLastOutcome());
        }
    }

    /** V1: the name is validated, by the emailed link or by a passed check. */
    public record DomainValidated(DomainValidation validation, Long actorId, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return entry(AuditAction.DOMAIN_VALIDATED, validation, actorId, at);
        }
    }

    /** V2: the account's organization waits for the CA's validation agents. */
    public record OrganizationValidationRequested(
            OrganizationValidation validation, Long orderId, String orderNumber, Instant at) implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return AuditEntry.of(AuditAction.ORGANIZATION_VALIDATION_REQUESTED, at)
                    .order(validation.getAccountId(), orderId, orderNumber)
                    .detail(validation.getOrganizationName());
        }
    }

    /** V2: an agent approved or rejected the organization, with a note. */
    public record OrganizationValidationDecided(OrganizationValidation validation, Long agentId, Instant at)
            implements Audited {
        @Override
        public AuditEntry auditEntry() {
            return AuditEntry.of(
                            validation.getStatus() == OrganizationValidation.Status.APPROVED
                                    ? AuditAction.ORGANIZATION_VALIDATED
                                    : AuditAction.ORGANIZATION_VALIDATION_REJECTED,
                            at)
                    .account(validation.getAccountId())
                    .actor(agentId)
                    .move(OrganizationValidation.Status.PENDING, validation.getStatus())
                    .comment(validation.getNote())
                    .detail(validation.getOrganizationName());
        }
    }
}
