package com.certportal.web;

import com.certportal.account.CurrentMember;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.audit.AuditTrail;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * T1 for refusals that never reach a controller: a signed-in member's request refused by the security
 * layer (a form without its CSRF token, a page its role may not use) is recorded, then answered with
 * the usual 403 page.
 */
class AuditedAccessDeniedHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();
    private final AuditTrail trail;
    private final Clock clock;

    AuditedAccessDeniedHandler(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentMember member) {
            trail.recordRefusal(AuditEntry.of(AuditAction.ACCESS_DENIED, clock.instant())
                    .account(member.accountId())
                    .actor(member.memberId())
                    .detail(request.getMethod() + " " + request.getRequestURI()
                            + (denied instanceof CsrfException ? " (csrf)" : " (role)")));
        }
        delegate.handle(request, response, denied);
    }
}
