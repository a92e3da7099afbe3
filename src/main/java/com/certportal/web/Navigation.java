package com.certportal.web;

import com.certportal.account.CurrentMember;
import com.certportal.account.Members;
import com.certportal.account.Role;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the navigation offers the signed-in member, asked of its role (the same questions the
 * security configuration and the services ask), so the layout never decides by role names.
 */
@Component("navigation")
public class Navigation {

    /** The customer's pages (orders, requests); the CA's agents have the operations area instead. */
    public boolean customer() {
        return signedInAs(Role::isCustomer);
    }

    /** O1: Certificates > Request a certificate, for members who act on orders. */
    public boolean requestCertificate() {
        return signedInAs(Role::actsOnOrders);
    }

    /** V2: the CA operations area, for validation agents. */
    public boolean operations() {
        return signedInAs(Role::validatesOrganizations);
    }

    /** P2: refund cases, for finance managers and administrators. */
    public boolean refunds() {
        return signedInAs(Role::seesRefundCases);
    }

    /** The mail the portal sent or queued: the account's for administrators, a user's own orders'. */
    public boolean mail() {
        return signedInAs(Role::isCustomer);
    }

    /** M1: the account's members, for administrators. */
    public boolean members() {
        return signedInAs(Members::managesMembers);
    }

    /** M2: every member changes its own password. */
    public boolean password() {
        return current().isPresent();
    }

    /** The "Account" group of the sidebar holds at least one of the links above. */
    public boolean accountGroup() {
        return refunds() || mail() || members();
    }

    /** M4: the account's settings (skip approval for new orders), for administrators. */
    public boolean accountSettings() {
        return signedInAs(Role::managesAccount);
    }

    private static boolean signedInAs(Predicate<Role> allowed) {
        return current().map(m -> allowed.test(m.role())).orElse(false);
    }

    static Optional<CurrentMember> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentMember member
                ? Optional.of(member)
                : Optional.empty();
    }
}
