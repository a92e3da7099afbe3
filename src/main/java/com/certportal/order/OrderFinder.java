package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.action.NotFound;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads orders as a member may see them. Each read is a fixed number of statements whatever the
 * page size: the list is one select (requester fetched with it) plus one count, and with a search
 * text one more to match requester emails; an order is one select with everything its page shows.
 */
@Service
@Transactional(readOnly = true)
public class OrderFinder {

    private final EntityManager entityManager;

    OrderFinder(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Page<CertificateOrder> search(OrderSearch search, CurrentMember member) {
        Filter filter = filter(search, OrderVisibility.of(member));
        TypedQuery<CertificateOrder> select = entityManager.createQuery(
                "select o from CertificateOrder o join fetch o.requester r" + filter.where()
                        + " order by o.createdAt desc, o.id desc",
                CertificateOrder.class);
        TypedQuery<Long> count =
                entityManager.createQuery("select count(o) from CertificateOrder o" + filter.where(), Long.class);
        filter.bind(select);
        filter.bind(count);
        select.setFirstResult(Math.multiplyExact(search.page(), search.size())).setMaxResults(search.size());
        return new PageImpl<>(
                select.getResultList(), PageRequest.of(search.page(), search.size()), count.getSingleResult());
    }

    /**
     * Every order the list shows for this search, on all its pages and in its order, handed over one by
     * one (for exports). Read {@code chunk} orders at a time, each chunk with its requester and
     * certificates in one select and let go before the next: memory holds one chunk, whatever the total.
     * Chunks follow each other by the list's sort key, so orders placed meanwhile shift nothing.
     */
    public void forEachMatching(OrderSearch search, CurrentMember member, int chunk, Consumer<CertificateOrder> each) {
        Filter filter = filter(search, OrderVisibility.of(member));
        Object[] last = null;
        while (true) {
            TypedQuery<Object[]> ids = entityManager.createQuery(
                    "select o.id, o.createdAt from CertificateOrder o" + filter.where()
                            + (last == null
                                    ? ""
                                    : " and (o.createdAt < :lastAt or (o.createdAt = :lastAt and o.id < :lastId))")
                            + " order by o.createdAt desc, o.id desc",
                    Object[].class);
            filter.bind(ids);
            if (last != null) {
                ids.setParameter("lastAt", last[1]).setParameter("lastId", last[0]);
            }
            List<Object[]> keys = ids.setMaxResults(chunk).getResultList();
            if (keys.isEmpty()) {
                return;
            }
            List<CertificateOrder> orders = entityManager
                    .createQuery(
                            "select distinct o from CertificateOrder o join fetch o.requester"
                                    + " left join fetch o.certificates where o.id in :ids"
                                    + " order by o.createdAt desc, o.id desc",
                            CertificateOrder.class)
                    .setParameter("ids", keys.stream().map(k -> k[0]).toList())
                    .getResultList();
            orders.forEach(each);
            entityManager.clear();
            last = keys.get(keys.size() - 1);
        }
    }

    /** L2: the visibility, status and text conditions the list and its exports share, with their values. */
    private Filter filter(OrderSearch search, OrderVisibility visibility) {
        // Requester emails are matched first, on their own table, so that every branch of the search
        // below is a column of certificate_order and PostgreSQL can combine their trigram indexes.
        List<Long> requestersMatching =
                search.text().map(t -> requestersMatching(t, visibility)).orElse(List.of());
        StringBuilder where = new StringBuilder(" where ").append(visibility.jpql("o"));
        search.status().ifPresent(s -> where.append(" and o.status = :status"));
        search.text()
                .ifPresent(t -> where.append(" and (o.commonName like :text escape '\\'"
                        + " or o.subjectAltNames like :text escape '\\'"
                        + " or o.orderNumber like :text escape '\\'"
                        + (requestersMatching.isEmpty() ? "" : " or o.requester.id in :requesters")
                        + ")"));
        return new Filter(where.toString(), query -> {
            visibility.bind(query);
            search.status().ifPresent(s -> query.setParameter("status", s));
            search.text().ifPresent(t -> query.setParameter("text", containing(t)));
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

    /** One order with its requester, certificates and payment details, or 404 if not visible. */
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
