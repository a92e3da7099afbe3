package com.certportal.reminder;

import com.certportal.account.Account;
import com.certportal.account.AccountRepository;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.account.Role;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderRepository;
import com.certportal.order.OrderStatus;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * K8: writes the expiry reminders that are due, each exactly once per certificate and threshold. Issued
 * orders whose current certificate expires within 90 days (or expired within 30) are read in chunks;
 * those already renewed by an issued order, revoked or canceled ones get none. Each due reminder is
 * written in a transaction of its own that first inserts its {@link ExpiryReminder} row: the unique key
 * (certificate, threshold) lets exactly one of several runs at once (or one after a restart) through,
 * and the outbox rows and the trail record stand or fall with it.
 */
@Service
public class ExpiryReminders {

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

    /** How many orders are looked at per read. */
    static final int CHUNK = 500;

    private final EntityManager entityManager;
    private final ExpiryReminderRepository reminders;
    private final OrderRepository orders;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExpiryReminders(
            EntityManager entityManager,
            ExpiryReminderRepository reminders,
            OrderRepository orders,
            AccountRepository accounts,
            MemberRepository members,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock) {
        this.entityManager = entityManager;
        this.reminders = reminders;
        this.orders = orders;
        this.accounts = accounts;
        this.members = members;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A reminder found due: the order, its current certificate (row id) and the threshold. */
    record Due(Long orderId, Long certificateId, ExpiryThreshold threshold) {}

    /** @return how many reminders this run wrote (one per certificate and threshold) */
    public int sendDue() {
        Instant now = clock.instant();
        int written = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> orderIds = transaction.execute(status -> candidates(now, from));
            for (Due due : transaction.execute(status -> due(orderIds, now))) {
                if (write(due, now)) {
                    written++;
                }
            }
            if (orderIds.size() < CHUNK) {
                return written;
            }
            after = orderIds.get(orderIds.size() - 1);
        }
    }

    /** Issued orders, not renewed by an issued order, whose current certificate's expiry is in the window. */
    private List<Long> candidates(Instant now, long after) {
        return entityManager
                .createQuery(
                        "select o.id from CertificateOrder o where o.status = :issued"
                                + " and o.expiresAt >= :from and o.expiresAt <= :to and o.id > :after"
                                + " and not exists (select r.id from CertificateOrder r"
                                + " where r.renewalOf = o and r.status = :issued)"
                                + " order by o.id",
                        Long.class)
                .setParameter("issued", OrderStatus.ISSUED)
                .setParameter("from", now.minus(ReminderSchedule.AFTER_EXPIRY_LIMIT))
                .setParameter("to", now.plus(ReminderSchedule.FIRST_REMINDER))
                .setParameter("after", after)
                .setMaxResults(CHUNK)
                .getResultList();
    }

    /**
     * The reminder due now for each order's current certificate (its newest valid one), unless it was
     * written already.
     */
    private List<Due> due(List<Long> orderIds, Instant now) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> current = new LinkedHashMap<>();
        entityManager
                .createQuery(
                        "select c.order.id, c.id, c.issuedAt, c.expiresAt from Certificate c"
                                + " where c.order.id in :orderIds and c.status = :valid"
                                + " order by c.order.id, c.issuedAt, c.id",
                        Object[].class)
                .setParameter("orderIds", orderIds)
                .setParameter("valid", Certificate.Status.VALID)
                .getResultList()
                .forEach(row -> current.put((Long) row[0], row));
        List<Due> due = new ArrayList<>();
        for (Object[] row : current.values()) {
            ReminderSchedule.due((Instant) row[2], (Instant) row[3], now)
                    .ifPresent(threshold -> due.add(new Due((Long) row[0], (Long) row[1], threshold)));
        }
        if (due.isEmpty()) {
            return due;
        }
        Set<String> written = new HashSet<>();
        reminders
                .findForCertificates(due.stream().map(Due::certificateId).toList())
                .forEach(r -> written.add(r.getCertificateId() + "/" + r.getThreshold()));
        return due.stream()
                .filter(d -> !written.contains(d.certificateId() + "/" + d.threshold()))
                .toList();
    }

    /**
     * Writes one reminder, judged again on the order as it is in this transaction (a reissue or a
     * renewal since the read stops it). Returns false when there was nothing to write any more, or
     * when another run wrote it first.
     */
    private boolean write(Due due, Instant now) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                CertificateOrder order = orders.findById(due.orderId()).orElseThrow();
                Optional<Certificate> current = order.currentCertificate();
                if (!order.isIssued()
                        || order.isRenewedByIssuedOrder()
                        || current.isEmpty()
                        || !current.get().getId().equals(due.certificateId())
                        || ReminderSchedule.due(
                                                current.get().getIssuedAt(),
                                                current.get().getExpiresAt(),
                                                now)
                                        .orElse(null)
                                != due.threshold()) {
                    return false;
                }
                ExpiryReminder reminder = reminders.saveAndFlush(
                        new ExpiryReminder(due.certificateId(), order.getId(), due.threshold(), now));
                Account account = accounts.findById(order.getAccountId()).orElseThrow();
                List<Member> administrators = members.findByAccount_IdAndRoleAndStatusOrderByIdAsc(
                        order.getAccountId(), Role.ADMINISTRATOR, Member.Status.ACTIVE);
                List<ReminderRecipient> recipients =
                        ReminderRecipient.resolve(account.reminderRecipients(), order.getRequester(), administrators);
                reminder.sentTo(recipients.size());
                events.publishEvent(new ExpiryReminderSent(order, current.get(), due.threshold(), recipients, now));
                return true;
            }));
        } catch (DataIntegrityViolationException writtenElsewhere) {
            // K8: another run (another instance, or one at the same moment) wrote this reminder first.
            log.debug("Reminder {} of certificate {} written by another run", due.threshold(), due.certificateId());
            return false;
        }
    }
}
