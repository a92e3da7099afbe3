package com.certportal.order;

import com.certportal.account.CurrentMember;

/**
 * Which orders a member may see: a user those it requested, the other roles the whole account's.
 * Never anything of another account.
 */
record OrderVisibility(long accountId, Long requesterId) {

    static OrderVisibility of(CurrentMember member) {
        return new OrderVisibility(member.accountId(), member.role().seesWholeAccount() ? null : member.memberId());
    }

    String jpql(String alias) {
        return requesterId == null
                ? alias + ".accountId = :accountId"
                : alias + ".accountId = :accountId and " + alias + ".requester.id = :requesterId";
    }

    /** The same rule as {@link #jpql}, for an order already loaded (a link to a renewal, K6). */
    boolean allows(CertificateOrder order) {
        return order.getAccountId() == accountId
                && (requesterId == null
                        || requesterId.equals(order.getRequester().getId()));
    }

    void bind(jakarta.persistence.Query query) {
        query.setParameter("accountId", accountId);
        if (requesterId != null) {
            query.setParameter("requesterId", requesterId);
        }
    }
}
