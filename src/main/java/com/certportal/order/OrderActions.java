package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The prologue and epilogue every action on an order shares, so that each service states only its
 * rule: find the order as the member sees it (404 otherwise, never acted on), name it in the attempted
 * trail entry, refuse a member who only reads orders; then the work (the rule checks and the move);
 * then the version the member was shown, and save. The version is checked after the rules, so a page
 * made stale by a move that is no longer possible says why ("already cancelled"), not "try again".
 */
@Component
public class OrderActions {

    /** The rule and the move, on the visible order, by the acting member. */
    @FunctionalInterface
    public interface Work<T> {
        T on(CertificateOrder order, Member by, AuditEntry entry);
    }

    private final ActionAttempts attempts;
    private final OrderFinder finder;
    private final OrderRepository orders;
    private final MemberRepository members;
    private final Clock clock;

    OrderActions(
            ActionAttempts attempts,
            OrderFinder finder,
            OrderRepository orders,
            MemberRepository members,
            Clock clock) {
        this.attempts = attempts;
        this.finder = finder;
        this.orders = orders;
        this.members = members;
        this.clock = clock;
    }

    /** An entry for {@code action} on an order, by a member, before the order has been found. */
    public static AuditEntry attempted(AuditAction action, String orderNumber, CurrentMember by, Instant at) {
        return AuditEntry.of(action, at)
                .order(by.accountId(), null, orderNumber)
                .actor(by.memberId());
    }

    public <T> T act(OrderCommand command, CurrentMember by, AuditEntry attempted, Work<T> work) {
        return attempts.attempt(attempted, "order.refused.concurrent", entry -> {
            CertificateOrder order = visibleTo(command.orderNumber(), by, entry);
            Optional<ActionRefused> stale =
                    command.checksVersion() ? order.staleAgainst(command.versionShown()) : Optional.empty();
            T result = work.on(order, members.getReferenceById(by.memberId()), entry);
            if (stale.isPresent()) {
                throw stale.get();
            }
            orders.save(order);
            return result;
        });
    }

    /**
     * Bad input found while turning a form into a command: refused and recorded against the order
     * the member was acting on, exactly as a refusal inside the action would be (T1).
     */
    public <C> C parse(AuditAction action, String orderNumber, CurrentMember by, Supplier<C> toCommand) {
        try {
            return toCommand.get();
        } catch (ActionRefused badInput) {
            AuditEntry attempted = attempted(action, orderNumber, by, clock.instant());
            return attempts.attempt(attempted, "order.refused.concurrent", entry -> {
                visibleTo(orderNumber, by, entry);
                throw badInput;
            });
        }
    }

    private CertificateOrder visibleTo(String orderNumber, CurrentMember by, AuditEntry entry) {
        CertificateOrder order = finder.forAction(orderNumber, by);
        entry.order(order.getAccountId(), order.getId(), orderNumber).move(order.getStatus(), null);
        OrderPermissions.requireActor(by, orderNumber);
        return order;
    }
}
