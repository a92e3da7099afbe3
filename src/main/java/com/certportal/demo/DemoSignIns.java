package com.certportal.demo;

import com.certportal.account.Role;
import com.certportal.web.SignInHints;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The demo sign-ins, shown on the login page only while demo data is on. */
@Component
@ConditionalOnProperty(name = "certportal.demo.enabled", havingValue = "true")
public class DemoSignIns implements SignInHints {

    public static final String PASSWORD = "demo1234";

    public record SignIn(String email, String account, Role role) {

        public String password() {
            return PASSWORD;
        }
    }

    static final SignIn ADMIN = new SignIn("admin@example.com", "Example Corp", Role.ADMINISTRATOR);
    static final SignIn USER = new SignIn("user@example.com", "Example Corp", Role.USER);
    static final SignIn FINANCE = new SignIn("finance@example.com", "Example Corp", Role.FINANCE_MANAGER);
    static final SignIn OTHER_ADMIN = new SignIn("admin@other.example", "Other Corp", Role.ADMINISTRATOR);
    /** V2: the CA's validation staff, in its operations area (no customer account). */
    static final SignIn VALIDATION_AGENT =
            new SignIn("validation@certportal.example", "CertPortal CA", Role.VALIDATION_AGENT);

    /** P4, O3: an unused voucher of Example Corp to place an order with. */
    public static final String UNUSED_VOUCHER = "VCH-DEMO-0001";

    /** G (licence count): an unused voucher for three licences, to register on a voucher order. */
    public static final String LICENCE_VOUCHER = "VCH-DEMO-0002";

    public List<SignIn> all() {
        return List.of(ADMIN, USER, FINANCE, OTHER_ADMIN, VALIDATION_AGENT);
    }

    @Override
    public List<Hint> hints() {
        return all().stream()
                .map(s -> new Hint(s.email(), s.account(), s.role().key(), s.password()))
                .toList();
    }
}
