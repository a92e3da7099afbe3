package com.certportal.demo;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;

import com.certportal.account.Account;
import com.certportal.account.AccountRepository;
import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.catalog.Product;
import com.certportal.cluster.ClusterLock;
import com.certportal.issuance.Issuance;
import com.certportal.order.CertificateOrder;
import com.certportal.order.DcvMethod;
import com.certportal.order.OrderNumbers;
import com.certportal.order.OrderRepository;
import com.certportal.order.OrderSpec;
import com.certportal.order.Payment;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.order.RevocationReason;
import com.certportal.order.ServerPlatform;
import com.certportal.ordering.Ordering;
import com.certportal.ordering.PlaceOrder;
import com.certportal.token.HardwareToken;
import com.certportal.token.HardwareTokenRepository;
import com.certportal.unit.EnterpriseUnit;
import com.certportal.unit.EnterpriseUnitRepository;
import com.certportal.validation.DomainValidationRepository;
import com.certportal.validation.Validations;
import com.certportal.voucher.Voucher;
import com.certportal.voucher.VoucherRepository;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for people trying the portal: created once, at first start, relative to the current time,
 * and only while `certportal.demo.enabled` is on (never in production, never in a migration). Every
 * order reaches its state through the domain's own transitions. The common names say which scenario
 * each order demonstrates (see the README). Loaded once every bean is ready and before the web server
 * opens its port (issue 9), so the sign-in page never lists demo sign-ins that do not exist yet.
 */
@Component
@ConditionalOnProperty(name = "certportal.demo.enabled", havingValue = "true")
class DemoDataLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final BigDecimal TOKEN_PRICE = BigDecimal.valueOf(15_000);

    private final AccountRepository accounts;
    private final MemberRepository members;
    private final OrderRepository orders;
    private final VoucherRepository vouchers;
    private final EnterpriseUnitRepository units;
    private final HardwareTokenRepository tokens;
    private final OrderNumbers numbers;
    private final Issuance issuance;
    private final Ordering ordering;
    private final Validations validations;
    private final DomainValidationRepository domainValidations;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final ClusterLock firstStart;
    private final Clock clock;

    /** The demo servers' keys, by common name, while the data is made (never stored). */
    private final Map<String, KeyPair> keys = new HashMap<>();

    private int voucherCount;
    private int tokenCount;

    DemoDataLoader(
            AccountRepository accounts,
            MemberRepository members,
            OrderRepository orders,
            VoucherRepository vouchers,
            EnterpriseUnitRepository units,
            HardwareTokenRepository tokens,
            OrderNumbers numbers,
            Issuance issuance,
            Ordering ordering,
            Validations validations,
            DomainValidationRepository domainValidations,
            PasswordEncoder passwordEncoder,
            TransactionTemplate transaction,
            ClusterLock firstStart,
            Clock clock) {
        this.accounts = accounts;
        this.members = members;
        this.orders = orders;
        this.vouchers = vouchers;
        this.units = units;
        this.tokens = tokens;
        this.numbers = numbers;
        this.issuance = issuance;
        this.ordering = ordering;
        this.validations = validations;
        this.domainValidations = domainValidations;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.firstStart = firstStart;
        this.clock = clock;
    }

    /** Issue 10: instances started together on an empty database load it once, the others find it. */
    @Override
    public void afterSingletonsInstantiated() {
        firstStart.holding(
                "demo-data",
                () -> transaction.execute(status -> {
                    if (members.findByEmail(DemoSignIns.ADMIN.email()).isPresent()) {
                        return false;
                    }
                    Instant now = clock.instant();
                    load(now);
                    log.info("Demo data created relative to {}", now);
                    return true;
                }));
    }

    private void load(Instant now) {
        Instant founded = now.minus(ofDays(800));
        Account example = accounts.save(new Account("Example Corp", founded));
        Member admin = member(example, DemoSignIns.ADMIN, "佐藤 花子", "ja", founded);
        Member user = member(example, DemoSignIns.USER, "鈴木 太郎", "ja", founded);
        member(example, DemoSignIns.FINANCE, "田中 恵子", "ja", founded);
        Account other = accounts.save(new Account("Other Corp", founded));
        Member otherAdmin = member(other, DemoSignIns.OTHER_ADMIN, "Olivia Brown", "en", founded);
        EnterpriseUnit unit = units.save(new EnterpriseUnit(example.getId(), "Example Corp Enterprise Unit", 20));

        // Filler first, so the named scenarios are the newest and head the list.
        filler(admin, user, unit, now);

        place(user, Product.TLS_OV, "pending-ov.example.com", bank(Product.TLS_OV, false), now.minus(ofHours(20)));
        place(
                user,
                Product.TLS_DV,
                "pending-dv-voucher.example.com",
                voucher(example, Product.TLS_DV),
                now.minus(ofHours(6)));
        issued(
                user,
                Product.TLS_OV,
                "issued-10d-voucher.example.com",
                voucher(example, Product.TLS_OV),
                now.minus(ofDays(10)));
        issued(
                user,
                Product.TLS_OV,
                "issued-29d-card.example.com",
                card(Product.TLS_OV),
                now.minus(ofDays(29).plusHours(12)));
        issued(
                user,
                Product.TLS_DV,
                "issued-31d-voucher.example.com",
                voucher(example, Product.TLS_DV),
                now.minus(ofDays(30).plusHours(12)));
        issued(admin, Product.TLS_EV, "issued-45d-card.example.com", card(Product.TLS_EV), now.minus(ofDays(45)));
        issued(
                admin,
                Product.TLS_EV,
                "issued-5d-bank-paid.example.com",
                bank(Product.TLS_EV, true),
                now.minus(ofDays(5)));
        issued(
                admin,
                Product.TLS_DV,
                "issued-3d-unit.example.com",
                Payment.enterpriseUnit(unit, 1),
                now.minus(ofDays(3)));
        issued(
                user,
                Product.CODE_SIGNING,
                "codesign-7d-token.example.com",
                bank(Product.CODE_SIGNING, true).withHardwareToken(token(example, now.minus(ofDays(9))), TOKEN_PRICE),
                now.minus(ofDays(7)));
        issued(
                admin,
                Product.EV_CODE_SIGNING,
                "evcodesign-4d-token.example.com",
                card(Product.EV_CODE_SIGNING).withHardwareToken(token(example, now.minus(ofDays(6))), TOKEN_PRICE),
                now.minus(ofDays(4)));
        issued(
                user,
                Product.DOCUMENT_SIGNING,
                "docsign-2d.example.com",
                card(Product.DOCUMENT_SIGNING),
                now.minus(ofDays(2)));
        issued(
                admin,
                Product.PRIVATE,
                "private-20d.example.internal",
                Payment.enterpriseUnit(unit, 1),
                now.minus(ofDays(20)));

        CertificateOrder reissued =
                issued(admin, Product.TLS_OV, "reissued-8d.example.com", card(Product.TLS_OV), now.minus(ofDays(8)));
        issuance.reissue(
                reissued,
                DemoKeys.newKey().getPublic(),
                "reissued-8d.example.com",
                List.of("reissued-8d.example.com", "www.reissued-8d.example.com", "shop.reissued-8d.example.com"),
                now.minus(ofDays(1)));

        // K2: a reissue with a new common name 6 hours ago: the original is pending revocation (in 42 h).
        CertificateOrder renamed = issued(
                admin, Product.TLS_DV, "reissued-cn-change.example.com", card(Product.TLS_DV), now.minus(ofDays(20)));
        issuance.reissue(
                renamed,
                DemoKeys.newKey().getPublic(),
                "renamed-cn.example.com",
                List.of("renamed-cn.example.com", "www.renamed-cn.example.com"),
                now.minus(ofHours(6)));

        // K5: a second server got a duplicate (another key, same names) 2 days ago; nothing revoked.
        CertificateOrder duplicated =
                issued(user, Product.TLS_OV, "duplicated.example.com", card(Product.TLS_OV), now.minus(ofDays(12)));
        issuance.duplicate(
                duplicated,
                DemoKeys.newKey().getPublic(),
                user.getId(),
                "For the second web server behind the load balancer.",
                now.minus(ofDays(2)));

        CertificateOrder revoked =
                issued(admin, Product.TLS_OV, "revoked-60d.example.com", card(Product.TLS_OV), now.minus(ofDays(60)));
        Instant revokedAt = now.minus(ofDays(20));
        revoked.revoke(admin, RevocationReason.CESSATION_OF_OPERATION, null, revokedAt, revokedAt);
        orders.save(revoked);

        // Refund routing reacts to the cancellation: the voucher goes back to unused (P4).
        CertificateOrder canceled = place(
                user, Product.TLS_DV, "canceled.example.com", voucher(example, Product.TLS_DV), now.minus(ofDays(4)));
        canceled.cancel(user, now.minus(ofDays(3)));
        orders.save(canceled);

        issued(otherAdmin, Product.TLS_OV, "other-issued.example.org", card(Product.TLS_OV), now.minus(ofDays(5)));
        place(
                otherAdmin,
                Product.TLS_DV,
                "other-pending.example.org",
                voucher(other, Product.TLS_DV),
                now.minus(ofDays(1)));

        // P6: a code-signing order cancelled before issue keeps its token for the account's next order.
        CertificateOrder tokenKept = place(
                user,
                Product.CODE_SIGNING,
                "canceled-codesign.example.com",
                card(Product.CODE_SIGNING).withHardwareToken(token(example, now.minus(ofDays(3))), TOKEN_PRICE),
                now.minus(ofDays(3)));
        tokenKept.cancel(user, now.minus(ofDays(2)));
        orders.save(tokenKept);

        // P4, O3: a voucher nobody has used yet, to order with.
        vouchers.save(new Voucher(example.getId(), DemoSignIns.UNUSED_VOUCHER));

        renewalAndReminderScenarios(example, admin, user, now);

        // O1-O5, V1, V2 through the real request flow, with CSRs made like a server would.
        requestFlowScenarios(admin, user);

        Account operations = accounts.save(new Account("CertPortal CA", Account.Kind.CA_OPERATIONS, founded));
        member(operations, DemoSignIns.VALIDATION_AGENT, "伊藤 純", "ja", founded);
    }

    /**
     * K6, K8, G: a renewed pair (an issued order renewed by a newer issued order: it gets no more expiry
     * reminders), a voucher order with an unused voucher to register for more licences, and issued
     * orders whose current certificate passed a reminder threshold a day ago, so that the reminder job's
     * first run (at start) puts their reminders on the Mail page: one whose plan ends with the certificate
     * (renew), one whose plan goes on (reissue), and one expired a week ago.
     */
    private void renewalAndReminderScenarios(Account example, Member admin, Member user, Instant now) {
        // I3: a 1-year plan holds two certificates (199 days at most each): the first, then a reissue
        // for the rest of the plan; the renewal came 12 days before the plan's end.
        CertificateOrder renewed =
                issued(admin, Product.TLS_OV, "renewed-pair.example.com", card(Product.TLS_OV), now.minus(ofDays(353)));
        reissueSameNames(renewed, now.minus(ofDays(170)));
        CertificateOrder renewal = orders.save(CertificateOrder.place(
                numbers.nextOrderNumber(), admin, renewalSpec(renewed), card(Product.TLS_OV), now.minus(ofDays(4))));
        issuance.issue(renewal, keys.get(renewed.getCommonName()).getPublic(), now.minus(ofDays(3)));

        // G: a voucher order for two servers, and a voucher for three more to register on it.
        Voucher forTwo = vouchers.save(
                new Voucher(example.getId(), String.format("VCH-%04d-%04d", example.getId(), ++voucherCount), 2));
        issued(
                user,
                Product.TLS_DV,
                "licences-voucher.example.com",
                Payment.voucher(forTwo, Product.TLS_DV.priceFor(1).multiply(BigDecimal.valueOf(2))),
                now.minus(ofDays(11)));
        vouchers.save(new Voucher(example.getId(), DemoSignIns.LICENCE_VOUCHER, 3));

        // K8: the 30-day reminder (plan and certificate end together: renew).
        CertificateOrder planEnding =
                issued(user, Product.TLS_DV, "expires-29d.example.com", card(Product.TLS_DV), now.minus(ofDays(336)));
        reissueSameNames(planEnding, now.minus(ofDays(170)));
        // K8: the 7-day reminder (the plan goes on: reissue), and the one a week after the expiry.
        issued(admin, Product.TLS_OV, "expires-6d.example.com", card(Product.TLS_OV), now.minus(ofDays(193)));
        issued(user, Product.TLS_DV, "expired-8d.example.com", card(Product.TLS_DV), now.minus(ofDays(207)));
    }

    /** K4: a reissue for the rest of the plan, same names, another key. */
    private void reissueSameNames(CertificateOrder order, Instant at) {
        issuance.reissue(order, DemoKeys.newKey().getPublic(), order.getCommonName(), order.getSubjectAltNames(), at);
    }

    /** K6: a renewal of {@code renewed}, same product, plan and names, from a new CSR. */
    private OrderSpec renewalSpec(CertificateOrder renewed) {
        String cn = renewed.getCommonName();
        DemoKeys.Request csr = DemoKeys.request(cn, renewed.getSubjectAltNames());
        keys.put(cn, csr.key());
        return new OrderSpec(
                renewed.getProduct(),
                renewed.getValidityYears(),
                RequestType.RENEWAL,
                renewed,
                renewed.getServerPlatform(),
                csr.pem(),
                cn,
                renewed.getSubjectAltNames(),
                DcvMethod.DNS_TXT);
    }

    /**
     * The new path of an order, at the demo's start: a DV order whose DCV mail waits on the Mail page
     * (its link works), an OV order whose names are validated and whose organization waits for the CA's
     * validation agents, and a user's order request waiting for an administrator's approval.
     */
    private void requestFlowScenarios(Member admin, Member user) {
        ordering.place(
                serverOrder(Product.TLS_DV, "dcv-email.example.com", DcvMethod.EMAIL, "apply the DCV link"),
                new CurrentMember(admin));

        CertificateOrder ov = ordering.place(
                        serverOrder(Product.TLS_OV, "ov-pending.example.com", DcvMethod.EMAIL, null),
                        new CurrentMember(admin))
                .order();
        domainValidations.findByOrderIdOrderByIdAsc(ov.getId()).forEach(v -> validations.confirmByLink(v.getToken()));

        ordering.place(
                serverOrder(
                        Product.TLS_DV,
                        "request-waiting.example.com",
                        DcvMethod.DNS_TXT,
                        "For the new campaign site, please approve."),
                new CurrentMember(user));
    }

    private static PlaceOrder serverOrder(Product product, String cn, DcvMethod dcv, String comment) {
        return new PlaceOrder(
                product,
                DemoKeys.csr(cn, List.of(cn, "www." + cn)),
                null,
                null,
                1,
                ServerPlatform.NGINX,
                RequestType.NEW,
                null,
                1,
                PaymentMethod.CREDIT_CARD,
                null,
                null,
                null,
                dcv,
                comment);
    }

    /** Varied orders so that paging and search have something to do; seeded, so the same every time. */
    private void filler(Member admin, Member user, EnterpriseUnit unit, Instant now) {
        Random random = new Random(20261125L);
        String[] hosts = {
            "shop", "api", "mail", "portal", "intranet", "cdn", "auth", "billing", "docs", "status", "vpn", "git"
        };
        String[] domains = {"example.com", "example.net", "example.jp", "example.co.jp"};
        Product[] products = {
            Product.TLS_DV, Product.TLS_DV, Product.TLS_OV, Product.TLS_OV, Product.TLS_EV, Product.CODE_SIGNING
        };
        for (int i = 1; i <= 48; i++) {
            Product product = products[random.nextInt(products.length)];
            String cn = hosts[i % hosts.length] + "-" + String.format("%02d", i) + "."
                    + domains[random.nextInt(domains.length)];
            Member requester = i % 3 == 0 ? admin : user;
            Payment payment = switch (random.nextInt(4)) {
                case 0 -> bank(product, random.nextBoolean());
                case 1 -> voucher(unit.getAccountId(), product);
                case 2 -> Payment.enterpriseUnit(unit, 1);
                default -> card(product);
            };
            Instant placedAt = now.minus(ofDays(60 + random.nextInt(700))).minus(ofHours(random.nextInt(24)));
            int years = 1 + random.nextInt(2);
            CertificateOrder order = orders.save(CertificateOrder.place(
                    numbers.nextOrderNumber(),
                    requester,
                    spec(product, cn, years, ServerPlatform.NGINX),
                    payment,
                    placedAt));
            int fate = random.nextInt(10);
            if (fate == 0) {
                order.cancel(requester, placedAt.plus(ofDays(1)));
            } else if (fate >= 2) {
                Instant issuedAt = placedAt.plus(ofDays(1 + random.nextInt(3)));
                issuance.issue(order, keys.get(cn).getPublic(), issuedAt);
                if (fate == 9) {
                    Instant revokedAt = issuedAt.plus(ofDays(40 + random.nextInt(20)));
                    order.revoke(admin, RevocationReason.SUPERSEDED, null, revokedAt, revokedAt);
                }
            }
            orders.save(order);
        }
    }

    private Member member(Account account, DemoSignIns.SignIn signIn, String name, String language, Instant at) {
        return members.save(new Member(
                account,
                signIn.email(),
                name,
                signIn.role(),
                passwordEncoder.encode(DemoSignIns.PASSWORD),
                language,
                at));
    }

    /**
     * An order placed from a CSR made like a server would make it; a TLS/SSL order is validated by a
     * DNS record (which the demo never publishes, so a pending one stays pending until cancelled).
     */
    private CertificateOrder place(Member requester, Product product, String cn, Payment payment, Instant placedAt) {
        ServerPlatform platform =
                product.family() == Product.Family.SERVER ? ServerPlatform.APACHE : ServerPlatform.NOT_APPLICABLE;
        return orders.save(CertificateOrder.place(
                numbers.nextOrderNumber(), requester, spec(product, cn, 1, platform), payment, placedAt));
    }

    /**
     * An order from a CSR made like a server would make it; a TLS/SSL order is validated by a DNS
     * record (which the demo never publishes, so a pending one stays pending until cancelled).
     */
    private OrderSpec spec(Product product, String cn, int years, ServerPlatform platform) {
        List<String> names = product.certifiesDnsNames() ? List.of(cn, "www." + cn) : List.of();
        DemoKeys.Request csr = DemoKeys.request(cn, names);
        keys.put(cn, csr.key());
        return new OrderSpec(
                product,
                years,
                RequestType.NEW,
                null,
                platform,
                csr.pem(),
                cn,
                names,
                product.validatesDomains() ? DcvMethod.DNS_TXT : null);
    }

    private CertificateOrder issued(Member requester, Product product, String cn, Payment payment, Instant issuedAt) {
        CertificateOrder order = place(requester, product, cn, payment, issuedAt.minus(ofDays(2)));
        return issuance.issue(order, keys.get(cn).getPublic(), issuedAt);
    }

    private static Payment bank(Product product, boolean paid) {
        return Payment.bankTransfer(product.priceFor(1), paid);
    }

    private static Payment card(Product product) {
        return Payment.creditCard(product.priceFor(1));
    }

    private Payment voucher(Account account, Product product) {
        return voucher(account.getId(), product);
    }

    private Payment voucher(Long accountId, Product product) {
        Voucher voucher =
                vouchers.save(new Voucher(accountId, String.format("VCH-%04d-%04d", accountId, ++voucherCount)));
        return Payment.voucher(voucher, product.priceFor(1));
    }

    private HardwareToken token(Account account, Instant purchasedAt) {
        return tokens.save(new HardwareToken(account.getId(), String.format("HWT-%06d", ++tokenCount), purchasedAt));
    }
}
