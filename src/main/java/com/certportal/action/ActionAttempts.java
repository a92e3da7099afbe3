package com.certportal.action;

import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import jakarta.persistence.OptimisticLockException;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one action in its own transaction. A refusal (a rule, a missing right, a stale page, bad input,
 * someone else acting at the same moment, something that is not visible) changes nothing and is
 * recorded in the trail (T1) before it is rethrown for the web to translate.
 */
@Component
public class ActionAttempts {

    private final TransactionTemplate transaction;
    private final AuditTrail trail;

    ActionAttempts(TransactionTemplate transaction, AuditTrail trail) {
        this.transaction = transaction;
        this.trail = trail;
    }

    /** A refusal found before the action could start (a form that cannot become a command). */
    public void refuse(AuditEntry attempted, ActionRefused refused) {
        trail.recordRefusal(attempted.detail(refused.messageKey()));
    }

    /**
     * @param attempted what is being tried, by whom; the work fills in what it acts on once found
     * @param concurrentKey the message shown when another transaction changed the same rows first
     */
    public <T> T attempt(AuditEntry attempted, String concurrentKey, Function<AuditEntry, T> work) {
        try {
            return transaction.execute(status -> work.apply(attempted));
        } catch (ActionRefused refused) {
            trail.recordRefusal(attempted.detail(refused.messageKey()));
            throw refused;
        } catch (NotFound notFound) {
            trail.recordRefusal(attempted.detail("not-found"));
            throw notFound;
        } catch (OptimisticLockingFailureException
                | DataIntegrityViolationException
                | OptimisticLockException concurrent) {
            // The JPA exception comes untranslated when the work's changes are flushed by a query made
            // through the EntityManager itself, not a repository (drawing an order number flushes the
            // voucher the order just used: O3, two orders racing for one voucher).
            trail.recordRefusal(attempted.detail(concurrentKey));
            throw new ActionRefused(concurrentKey, "concurrent change: " + concurrent.getMessage());
        }
    }
}
