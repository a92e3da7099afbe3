package com.certportal.support;

import com.certportal.account.Account;
import com.certportal.account.AccountRepository;
import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.account.Role;
import com.certportal.catalog.Product;
import com.certportal.issuance.Issuance;
import com.certportal.order.CancelOrder;
import com.certportal.order.Cancellations;
import com.certportal.order.CertificateOrder;
import com.certportal.order.DcvMethod;
import com.certportal.order.OrderNumbers;
import com.certportal.order.OrderRepository;
import com.certportal.order.OrderSpec;
import com.certportal.order.Payment;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.order.ServerPlatform;
import com.certportal.ordering.Ordering;
import com.certportal.ordering.PlaceOrder;
import com.certportal.ordering.PlacedOrder;
import com.certportal.pki.TestCsrs;
import com.certportal.token.HardwareToken;
import com.certportal.token.HardwareTokenRepository;
import com.certportal.unit.EnterpriseUnit;
import com.certportal.unit.EnterpriseUnitRepository;
import com.certportal.validation.DomainValidation;
import com.certportal.validation.DomainValidationRepository;
import com.certportal.validation.Validations;
import com.certportal.voucher.Voucher;
import com.certportal.voucher.VoucherRepository;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data reached through the real transitions, in accounts of their own so that tests never
 * disturb each other or the demo data.
 */
@TestComponent
public class Fixtures {

    /** One key for every fixture certificate (EC P-256, made once per test JVM, never stored). */
    private static final KeyPair KEY = newKey();

    private final AccountRepository accounts;
    private final MemberRepository members;
    private final OrderRepository orders;
    private final VoucherRepository vouchers;
    private final EnterpriseUnitRepository units;
    private final HardwareTokenRepository tokens;
    private final OrderNumbers numbers;
    private final Issuance issuance;
    private final TransactionTemplate transaction;
    private final MutableClock clock;
    private final Ordering ordering;
    private final Validations validations;
    private final DomainValidationRepository domainValidations;
    private final Cancellations cancellations;

    Fixtures(
            AccountRepository accounts,
            MemberRepository members,
            OrderRepository orders,
            VoucherRepository vouchers,
            EnterpriseUnitRepository units,
            HardwareTokenRepository tokens,
            OrderNumbers numbers,
            Issuance issuance,
            TransactionTemplate transaction,
            MutableClock clock,
            Ordering ordering,
            Validations validations,
            DomainValidationRepository domainValidations,
            Cancellations cancellations) {
        this.cancellations = cancellations;
        this.ordering = ordering;
        this.validations = validations;
        this.domainValidations = domainValidations;
        this.accounts = accounts;
        this.members = members;
        this.orders = orders;
        this.vouchers = vouchers;
        this.units = units;
        this.tokens = tokens;
        this.numbers = numbers;
        this.issuance = issuance;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A fresh account with one member of each role. */
    public TestAccount newAccount() {
        return transaction.execute(status -> {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            Instant now = clock.instant();
            Account account = accounts.save(new Account("Test " + tag, now));
            Member admin = members.save(new Member(
                    account,
                    "admin-" + tag + "@test.example",
                    "Admin " + tag,
                    Role.ADMINISTRATOR,
                    "{noop}secret",
                    "en",
                    now));
            Member user = members.save(new Member(
                    account, "user-" + tag + "@test.example", "User " + tag, Role.USER, "{noop}secret", "ja", now));
            Member finance = members.save(new Member(
                    account,
                    "finance-" + tag + "@test.example",
                    "Finance " + tag,
                    Role.FINANCE_MANAGER,
                    "{noop}secret",
                    "en",
                    now));
            return new TestAccount(this, account.getId(), tag, principal(admin), principal(user), principal(finance));
        });
    }

    /** One more member of the account (a second administrator, a second user), signed in. */
    public CurrentMember newMember(Long accountId, Role role) {
        return transaction.execute(status -> {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            return principal(members.save(new Member(
                    accounts.getReferenceById(accountId),
                    role.key() + "-" + tag + "@test.example",
                    role.key() + " " + tag,
                    role,
                    "{noop}secret",
                    "en",
                    clock.instant())));
        });
    }

    /** A member as Spring Security would hold it after sign-in. */
    public CurrentMember principal(Member member) {
        return new CurrentMember(member);
    }

    public CurrentMember principal(String email) {
        return transaction.execute(
                status -> new CurrentMember(members.findByEmail(email).orElseThrow()));
    }

    /** Places an order (pending) paid as {@code payment} says, at the clock's instant. */
    public String pending(CurrentMember requester, Product product, String commonName, PaymentChoice payment) {
        return transaction.execute(
                status -> place(requester, product, commonName, payment).getOrderNumber());
    }

    /** Places and issues an order; its first issue date is {@code issuedAt}. */
    public String issued(
            CurrentMember requester, Product product, String commonName, PaymentChoice payment, Instant issuedAt) {
        return transaction.execute(status -> {
            CertificateOrder order = place(requester, product, commonName, payment);
            // I1: a real certificate from the test CA, for a key the test's "server" holds.
            return issuance.issue(order, KEY.getPublic(), issuedAt).getOrderNumber();
        });
    }

    /**
     * O1-O5, V1, I: a TLS/SSL DV order for {@code commonName} and www.{@code commonName} requested from
     * a CSR of {@code key}, its names validated by the emailed links (so the account holds validations
     * to reuse, V3), and issued: the whole path a member's order takes.
     */
    public String validatedAndIssued(CurrentMember admin, String commonName, KeyPair key) {
        String number = submitDv(admin, commonName, key).order().getOrderNumber();
        confirmEmailedLinks(number);
        return number;
    }

    /**
     * O1-O5: a TLS/SSL DV order for {@code commonName} and www.{@code commonName} from a CSR of
     * {@code key}, paid by card, its names validated by emailed links, submitted by {@code by} as the
     * request form does: an administrator's is placed, a user's waits for approval (O4).
     */
    public PlacedOrder submitDv(CurrentMember by, String commonName, KeyPair key) {
        return ordering.place(
                new PlaceOrder(
                        Product.TLS_DV,
                        TestCsrs.pem(key, "CN=" + commonName, commonName, "www." + commonName),
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
                        DcvMethod.EMAIL,
                        null),
                by);
    }

    /** V1: the recipients of the order's pending email validations confirm their links. */
    public void confirmEmailedLinks(String orderNumber) {
        pendingEmailTokens(orderNumber).forEach(validations::confirmByLink);
    }

    /** V1: the secrets of the order's emailed links that wait for their recipients (what the mails carry). */
    public List<String> pendingEmailTokens(String orderNumber) {
        return transaction.execute(status ->
                domainValidations
                        .findByOrderIdOrderByIdAsc(orders.findByOrderNumber(orderNumber)
                                .orElseThrow()
                                .getId())
                        .stream()
                        .filter(v -> v.isPending() && v.getMethod() == DcvMethod.EMAIL)
                        .map(DomainValidation::getToken)
                        .toList());
    }

    /** A new EC P-256 key, as a server makes one for a new CSR. */
    public static KeyPair freshKey() {
        return newKey();
    }

    /** K4: a reissue with new names, a real certificate from the test CA. */
    public void reissue(String orderNumber, String commonName, List<String> names, Instant at) {
        transaction.executeWithoutResult(status -> issuance.reissue(
                orders.findByOrderNumber(orderNumber).orElseThrow(), KEY.getPublic(), commonName, names, at));
    }

    /**
     * K6: a renewal of {@code renewedNumber} (same product, plan and names), placed by {@code requester}
     * at the clock's instant and issued at {@code issuedAt}; null {@code issuedAt} leaves it pending.
     */
    public String renewal(String renewedNumber, CurrentMember requester, Instant issuedAt) {
        return transaction.execute(status -> {
            CertificateOrder renewed = orders.findByOrderNumber(renewedNumber).orElseThrow();
            Member member = members.findById(requester.memberId()).orElseThrow();
            CertificateOrder renewal = orders.save(CertificateOrder.place(
                    numbers.nextOrderNumber(),
                    member,
                    new OrderSpec(
                            renewed.getProduct(),
                            renewed.getValidityYears(),
                            RequestType.RENEWAL,
                            renewed,
                            renewed.getServerPlatform(),
                            null,
                            renewed.getCommonName(),
                            renewed.getSubjectAltNames(),
                            null),
                    Payment.creditCard(renewed.getProduct().priceFor(1)),
                    clock.instant()));
            return issuedAt == null
                    ? renewal.getOrderNumber()
                    : issuance.issue(renewal, KEY.getPublic(), issuedAt).getOrderNumber();
        });
    }

    /** I4: issues a pending order (a renewal placed without a certificate) at {@code issuedAt}. */
    public void issuePending(String orderNumber, Instant issuedAt) {
        transaction.executeWithoutResult(status ->
                issuance.issue(orders.findByOrderNumber(orderNumber).orElseThrow(), KEY.getPublic(), issuedAt));
    }

    /** How many orders (and order requests) the account has. */
    public long countOrders(Long accountId) {
        return orders.countByAccountId(accountId);
    }

    /** G: an unused voucher of the account, paying for {@code licences} licences. */
    public String unusedVoucher(Long accountId, int licences) {
        return transaction.execute(status -> vouchers.save(new Voucher(
                        accountId, "TEST-" + UUID.randomUUID().toString().substring(0, 13), licences))
                .getCode());
    }

    /** O3: an enterprise unit of the account holding {@code licences} licences; its id, as the form sends it. */
    public Long enterpriseUnit(Long accountId, int licences) {
        return transaction.execute(status -> units.save(new EnterpriseUnit(
                        accountId, "Unit " + UUID.randomUUID().toString().substring(0, 8), licences))
                .getId());
    }

    /**
     * P6 through the real transitions: a code-signing order of the account buys a hardware token and is
     * cancelled; the account keeps the token, reusable. Its serial number, as the form sends it.
     */
    public String reusableToken(CurrentMember administrator) {
        String order = pending(
                administrator,
                Product.CODE_SIGNING,
                "token-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com",
                PaymentChoice.card().withToken());
        cancellations.cancel(new CancelOrder(order, withOrder(order, CertificateOrder::getVersion)), administrator);
        return tokenSerial(order);
    }

    /** The serial number of the order's hardware token (O3, P6). */
    public String tokenSerial(String orderNumber) {
        return withOrder(orderNumber, o -> o.getPayment().getHardwareToken().getSerialNumber());
    }

    /** Runs {@code work} on the stored order in a transaction (for reissues and inspections). */
    public <T> T withOrder(String orderNumber, Function<CertificateOrder, T> work) {
        return transaction.execute(status -> {
            CertificateOrder order = orders.findByOrderNumber(orderNumber).orElseThrow();
            return work.apply(order);
        });
    }

    public Voucher voucher(String code) {
        return transaction.execute(status -> vouchers.findByCode(code).orElseThrow());
    }

    public EnterpriseUnit unit(Long id) {
        return transaction.execute(status -> units.findById(id).orElseThrow());
    }

    public HardwareToken token(Long id) {
        return transaction.execute(status -> tokens.findById(id).orElseThrow());
    }

    public OrderNumbers numbers() {
        return numbers;
    }

    private CertificateOrder place(CurrentMember requester, Product product, String commonName, PaymentChoice choice) {
        Member member = members.findById(requester.memberId()).orElseThrow();
        Payment payment = choice.create(this, requester.accountId(), product);
        return orders.save(CertificateOrder.place(
                numbers.nextOrderNumber(),
                member,
                product,
                1,
                RequestType.NEW,
                ServerPlatform.NGINX,
                commonName,
                List.of(commonName, "www." + commonName),
                payment,
                clock.instant()));
    }

    Voucher newVoucher(Long accountId) {
        return vouchers.save(
                new Voucher(accountId, "TEST-" + UUID.randomUUID().toString().substring(0, 13)));
    }

    EnterpriseUnit newUnit(Long accountId, int licences) {
        return units.save(new EnterpriseUnit(accountId, "Unit " + accountId, licences));
    }

    HardwareToken newToken(Long accountId) {
        return tokens.save(new HardwareToken(
                accountId, "TOK-" + UUID.randomUUID().toString().substring(0, 12), clock.instant()));
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a fixture order is paid. */
    @FunctionalInterface
    public interface PaymentChoice {

        Payment create(Fixtures fixtures, Long accountId, Product product);

        static PaymentChoice card() {
            return (f, account, product) -> Payment.creditCard(product.priceFor(1));
        }

        static PaymentChoice bankTransfer(boolean paid) {
            return (f, account, product) -> Payment.bankTransfer(product.priceFor(1), paid);
        }

        static PaymentChoice voucher() {
            return (f, account, product) -> Payment.voucher(f.newVoucher(account), product.priceFor(1));
        }

        static PaymentChoice unit(int licences) {
            return (f, account, product) -> Payment.enterpriseUnit(f.newUnit(account, licences + 5), licences);
        }

        default PaymentChoice withToken() {
            return (f, account, product) ->
                    create(f, account, product).withHardwareToken(f.newToken(account), BigDecimal.valueOf(15_000));
        }
    }

    public record TestAccount(
            Fixtures fixtures, Long id, String tag, CurrentMember admin, CurrentMember user, CurrentMember finance) {}
}
