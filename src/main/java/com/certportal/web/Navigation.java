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

    /** P2: refund cases, for finance managers and administrators. */
    public boolean refunds() {
        return signedInAs(Role::seesRefundCases);
    }

    /** The account's mail, for administrators. */
    public boolean mail() {
        return signedInAs(Role::readsAccountMail);
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
