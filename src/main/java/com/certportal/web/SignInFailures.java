package com.certportal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the sign-in page with the same message whatever went wrong (M3), and
 * keeps the email address that was typed (issue 9, finding 9), so only the password is typed again.
 */
final class SignInFailures extends SimpleUrlAuthenticationFailureHandler {

    static final String TYPED_EMAIL = SignInFailures.class.getName() + ".TYPED_EMAIL";
    private static final int EMAIL_MAX = 320;

    SignInFailures() {
        super("/login?error");
        setRedirectStrategy(new RelativeRedirects());
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String email = request.getParameter("username");
        if (email != null) {
            String kept = email.strip();
            request.getSession().setAttribute(TYPED_EMAIL, kept.length() > EMAIL_MAX ? "" : kept);
        }
        super.onAuthenticationFailure(request, response, exception);
    }

    /** The email typed in the failed attempt, once: reloading the page later shows an empty field. */
    static String takeTypedEmail(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object email = session.getAttribute(TYPED_EMAIL);
        session.removeAttribute(TYPED_EMAIL);
        return email instanceof String s ? s : null;
    }
}
