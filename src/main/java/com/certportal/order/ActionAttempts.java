package com.certportal.order;

import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one action on an order in its own transaction. A refusal (a rule, a missing right, a stale
 * page, someone else acting at the same moment, an order that is not visible) changes nothing and is
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

    /**
     * @param attempted what is being tried, by whom; the work fills in the order once it found it
     * @param concurrentKey the message shown when another transaction changed the same rows first
     */
    public <T> T attempt(AuditEntry attempted, String concurrentKey, Function<AuditEntry, T> work) {
        try {
            return transaction.execute(status -> work.apply(attempted));
        } catch (OrderActionRefused refused) {
            trail.recordRefusal(attempted.detail(refused.messageKey()));
            throw refused;
        } catch (OrderNotFoundException notFound) {
            trail.recordRefusal(attempted.detail("not-found"));
            throw notFound;
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException concurrent) {
            trail.recordRefusal(attempted.detail(concurrentKey));
            throw new OrderActionRefused(concurrentKey, "concurrent change: " + concurrent.getMessage());
        }
    }
}
