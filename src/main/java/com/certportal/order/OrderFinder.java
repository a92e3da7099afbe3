package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.action.NotFound;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads orders as a member may see them. Each read is a fixed number of statements whatever the
 * page size: the list is one select (requester fetched with it; two when a page reaches the orders
 * without the sort's key) plus one capped count, and with a search text one more to match requester
 * emails (and, on PostgreSQL, one setting that plans the search for its text, see
 * {@link SearchWords#planForTheValues}); an order is one select with everything its page shows.
 */
@Service
@Transactional(readOnly = true)
public class OrderFinder {

    private final EntityManager entityManager;
    private final SearchWords searchWords;
    private final Clock clock;

    OrderFinder(EntityManager entityManager, SearchWords searchWords, Clock clock) {
        this.entityManager = entityManager;
        this.searchWords = searchWords;
        this.clock = clock;
    }

    /**
     * L2, L4, D3: one page of the list in its sort, after (or before) a cursor, never skipping rows by
     * an offset: a page deep in a million orders costs what the first one does (issue 10). Orders
     * without the sort's key (not issued yet) follow the others; a page that reaches them reads them
     * with a second select. The count stops at {@link OrderListPage#COUNT_CAP}, or for a search text at
     * {@link OrderListPage#TEXT_COUNT_CAP}.
     */
    public OrderListPage search(OrderSearch search, CurrentMember member) {
        if (search.text().isPresent()) {
            searchWords.planForTheValues();
        }
        Filter filter = filter(search, OrderVisibility.of(member));
        OrderSort sort = search.sort();
        int size = search.size();
        List<CertificateOrder> rows;
        ListCursor next = null;
        ListCursor previous = null;
        if (search.before().isPresent()) {
            List<CertificateOrder> before =
                    backward(filter, sort, search.before().get(), size + 1);
            if (before.size() <= size) {
                // Back at the start of the list: show its first page whole.
                return search(withoutCursor(search), member);
            }
            rows = before.subList(1, before.size());
            previous = ListCursor.of(rows.get(0), sort);
            next = ListCursor.of(rows.get(rows.size() - 1), sort);
        } else {
            List<CertificateOrder> after = forward(filter, sort, search.after().orElse(null), size + 1);
            rows = after.size() > size ? after.subList(0, size) : after;
            if (after.size() > size) {
                next = ListCursor.of(rows.get(rows.size() - 1), sort);
            }
            if (search.after().isPresent() && !rows.isEmpty()) {
                previous = ListCursor.of(rows.get(0), sort);
            }
        }
        int cap = search.text().isPresent() ? OrderListPage.TEXT_COUNT_CAP : OrderListPage.COUNT_CAP;
        long total = count(filter, cap);
        return new OrderListPage(List.copyOf(rows), next, previous, Math.min(total, cap), total > cap);
    }

    private static OrderSearch withoutCursor(OrderSearch search) {
        return new OrderSearch(
                search.status(),
                search.text(),
                search.expiringWithinDays(),
                search.sort(),
                Optional.empty(),
                Optional.empty(),
                search.size());
    }

    /** The rows that follow {@code from} in the list's order (from the start when null). */
    private List<CertificateOrder> forward(Filter filter, OrderSort sort, ListCursor from, int limit) {
        List<CertificateOrder> rows = new ArrayList<>();
        if (from == null || from.key() != null) {
            rows.addAll(keyed(filter, sort, from, true, limit));
        }
        if (sort.nullable() && rows.size() < limit) {
            ListCursor within = from != null && from.key() == null ? from : null;
            rows.addAll(unkeyed(filter, sort, within, true, limit - rows.size()));
        }
        return rows;
    }

    /** The rows that come before {@code from} in the list's order, read nearest first, put back in order. */
    private List<CertificateOrder> backward(Filter filter, OrderSort sort, ListCursor from, int limit) {
        List<CertificateOrder> rows = new ArrayList<>();
        if (from.key() == null) {
            rows.addAll(unkeyed(filter, sort, from, false, limit));
            if (rows.size() < limit) {
                rows.addAll(keyed(filter, sort, null, false, limit - rows.size()));
            }
        } else {
            rows.addAll(keyed(filter, sort, from, false, limit));
        }
        Collections.reverse(rows);
        return rows;
    }

    /** Orders with the sort's key, after (forward) or before (backward) a keyed cursor. */
    private List<CertificateOrder> keyed(Filter filter, OrderSort sort, ListCursor from, boolean forward, int limit) {
        boolean ascending = sort.ascending() == forward;
        String key = "o." + sort.property();
        String comparison = ascending ? ">" : "<";
        StringBuilder jpql =
                new StringBuilder("select o from CertificateOrder o join fetch o.requester r").append(filter.where());
        if (sort.nullable()) {
            jpql.append(" and ").append(key).append(" is not null");
        }
        if (from != null) {
            // Issue 10: the first condition bounds the index range, so a page deep in the list starts
            // where the cursor is instead of skipping every row before it; the second breaks the tie.
            jpql.append(" and ")
                    .append(key)
                    .append(' ')
                    .append(comparison)
                    .append("= :cursorKey and (")
                    .append(key)
                    .append(' ')
                    .append(comparison)
                    .append(" :cursorKey or o.id ")
                    .append(comparison)
                    .append(" :cursorId)");
        }
        String direction = ascending ? " asc" : " desc";
        jpql.append(" order by ").append(key).append(direction).append(", o.id").append(direction);
        TypedQuery<CertificateOrder> query = entityManager.createQuery(jpql.toString(), CertificateOrder.class);
        filter.bind(query);
        if (from != null) {
            query.setParameter("cursorKey", from.key()).setParameter("cursorId", from.id());
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** Orders without the sort's key (they follow the others), by id in the sort's direction. */
    private List<CertificateOrder> unkeyed(Filter filter, OrderSort sort, ListCursor from, boolean forward, int limit) {
        boolean ascending = sort.ascending() == forward;
        String comparison = ascending ? ">" : "<";
        String jpql = "select o from CertificateOrder o join fetch o.requester r" + filter.where() + " and o."
                + sort.property() + " is null" + (from != null ? " and o.id " + comparison + " :cursorId" : "")
                + " order by o.id" + (ascending ? " asc" : " desc");
        TypedQuery<CertificateOrder> query = entityManager.createQuery(jpql, CertificateOrder.class);
        filter.bind(query);
        if (from != null) {
            query.setParameter("cursorId", from.id());
        }
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * How many orders match, counted no further than one past the cap. In no particular order, so that
     * PostgreSQL counts from whichever index (or trigram bitmap) finds them soonest and stops at the cap:
     * in the list's order, orders expiring soon or matching a text would first be gathered and sorted.
     * (HQL wants an order for a limit in a subquery: the account, the same on every row, which PostgreSQL
     * knows from the condition on it and so sorts nothing.)
     */
    private long count(Filter filter, int cap) {
        TypedQuery<Long> count = entityManager.createQuery(
                "select count(*) from (select o.id as id from CertificateOrder o" + filter.where()
                        + " order by o.accountId limit " + (cap + 1) + ")",
                Long.class);
        filter.bind(count);
        return count.getSingleResult();
    }

    /**
     * Every order the list shows for this search, on all its pages and in its order, handed over one by
     * one (for exports). Read {@code chunk} orders at a time (the list's own pages, one after the other
     * by cursor), with their certificates, and let go before the next: memory holds one chunk,
     * whatever the total; orders placed meanwhile shift nothing.
     */
    public void forEachMatching(OrderSearch search, CurrentMember member, int chunk, Consumer<CertificateOrder> each) {
        OrderSearch page = new OrderSearch(
                search.status(),
                search.text(),
                search.expiringWithinDays(),
                search.sort(),
                Optional.empty(),
                Optional.empty(),
                chunk);
        while (true) {
            OrderListPage rows = search(page, member);
            if (rows.isEmpty()) {
                return;
            }
            Map<Long, CertificateOrder> withCertificates = new HashMap<>();
            entityManager
                    .createQuery(
                            "select distinct o from CertificateOrder o join fetch o.requester"
                                    + " left join fetch o.certificates where o.id in :ids",
                            CertificateOrder.class)
                    .setParameter(
                            "ids",
                            rows.orders().stream().map(CertificateOrder::getId).toList())
                    .getResultList()
                    .forEach(o -> withCertificates.put(o.getId(), o));
            rows.orders().forEach(o -> each.accept(withCertificates.get(o.getId())));
            entityManager.clear();
            if (!rows.hasNext()) {
                return;
            }
            page = page.after(rows.next());
        }
    }

    /** L2: the visibility, status and text conditions the list and its exports share, with their values. */
    private Filter filter(OrderSearch search, OrderVisibility visibility) {
        Instant now = clock.instant();
        // Requester emails are matched first, on their own table, so that every branch of the search
        // below is a column of certificate_order and PostgreSQL can combine their trigram indexes.
        List<Long> requestersMatching =
                search.text().map(t -> requestersMatching(t, visibility)).orElse(List.of());
        StringBuilder where = new StringBuilder(" where ").append(visibility.jpql("o"));
        search.status().ifPresent(s -> where.append(" and o.status = :status"));
        // D3: issued orders whose current certificate expires between now and the given number of days.
        search.expiringWithinDays()
                .ifPresent(days -> where.append(
                        " and o.status = :issued and o.expiresAt >= :now" + " and o.expiresAt <= :expiringUntil"));
        // Issue 10: the indexes are asked for the text's rarest word; the whole text is checked on what they find.
        Optional<String> text = search.text().map(t -> t.toLowerCase(Locale.ROOT));
        Optional<String> word = text.map(searchWords::indexWord);
        boolean byWord = word.isPresent() && !word.equals(text);
        String matches =
                byWord ? " like :word escape '\\' and position(:text in o.%1$s) > 0" : " like :text escape '\\'";
        text.ifPresent(t -> where.append(" and (o.commonName" + matches.formatted("commonName")
                + " or o.subjectAltNames" + matches.formatted("subjectAltNames")
                + " or o.orderNumber" + matches.formatted("orderNumber")
                + (requestersMatching.isEmpty() ? "" : " or o.requester.id in :requesters")
                + ")"));
        return new Filter(where.toString(), query -> {
            visibility.bind(query);
            search.status().ifPresent(s -> query.setParameter("status", s));
            search.expiringWithinDays()
                    .ifPresent(days -> query.setParameter("issued", OrderStatus.ISSUED)
                            .setParameter("now", now)
                            .setParameter("expiringUntil", now.plus(Duration.ofDays(days))));
            if (byWord) {
                query.setParameter("word", containing(word.get())).setParameter("text", text.get());
            } else {
                text.ifPresent(t -> query.setParameter("text", containing(t)));
            }
            if (!requestersMatching.isEmpty()) {
                query.setParameter("requesters", requestersMatching);
            }
        });
    }

    private record Filter(String where, Consumer<Query> binder) {

        void bind(Query query) {
            binder.accept(query);
        }
    }

    /** Members of the account (or the user itself) whose email contains the text. */
    private List<Long> requestersMatching(String text, OrderVisibility visibility) {
        TypedQuery<Long> query = entityManager.createQuery(
                "select m.id from Member m where m.account.id = :accountId and m.email like :text escape '\\'"
                        + (visibility.requesterId() == null ? "" : " and m.id = :requesterId"),
                Long.class);
        query.setParameter("accountId", visibility.accountId());
        query.setParameter("text", containing(text));
        if (visibility.requesterId() != null) {
            query.setParameter("requesterId", visibility.requesterId());
        }
        return query.getResultList();
    }

    /**
     * One order with its requester, certificates, payment details, renewal links and registered
     * vouchers, in one select, or 404 if not visible.
     */
    public CertificateOrder get(String orderNumber, CurrentMember member) {
        return visible(orderNumber, member);
    }

    /**
     * The order an action is about, inside the action's transaction, or 404 if not visible: an
     * order of another account, or one a user did not request, is never acted on.
     */
    @Transactional
    public CertificateOrder forAction(String orderNumber, CurrentMember member) {
        return visible(orderNumber, member);
    }

    /** D1: one certificate of an order the member can see, or 404 (another account's is unknown). */
    public Certificate certificate(String certificateId, CurrentMember member) {
        OrderVisibility visibility = OrderVisibility.of(member);
        TypedQuery<Certificate> query = entityManager.createQuery(
                "select c from Certificate c join fetch c.order o" + " where c.certificateId = :certificateId and "
                        + visibility.jpql("o"),
                Certificate.class);
        query.setParameter("certificateId", certificateId);
        visibility.bind(query);
        return query.getResultList().stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("certificate " + certificateId));
    }

    private CertificateOrder visible(String orderNumber, CurrentMember member) {
        OrderVisibility visibility = OrderVisibility.of(member);
        TypedQuery<CertificateOrder> query = entityManager.createQuery(
                "select distinct o from CertificateOrder o join fetch o.requester"
                        + " left join fetch o.certificates"
                        + " left join fetch o.payment.voucher"
                        + " left join fetch o.payment.enterpriseUnit"
                        + " left join fetch o.payment.hardwareToken"
                        + " left join fetch o.waitingReissue"
                        // K6: the order it renews and its renewals; G: the voucher codes registered later.
                        + " left join fetch o.renewalOf"
                        + " left join fetch o.renewals"
                        + " left join fetch o.voucherRegistrations vr left join fetch vr.voucher"
                        + " where o.orderNumber = :orderNumber and " + visibility.jpql("o"),
                CertificateOrder.class);
        query.setParameter("orderNumber", orderNumber);
        visibility.bind(query);
        return query.getResultList().stream().findFirst().orElseThrow(() -> new NotFound("order " + orderNumber));
    }

    /** Stored names and emails are lower-case, so a lower-case pattern is a case-insensitive match. */
    static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
