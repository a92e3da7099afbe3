package com.certportal.ordering;

import com.certportal.account.Account;
import com.certportal.account.AccountRepository;
import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.action.ActionRefused.FieldProblem;
import com.certportal.action.FormInput;
import com.certportal.action.NotFound;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.catalog.Product;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderNumbers;
import com.certportal.order.OrderPermissions;
import com.certportal.order.OrderRepository;
import com.certportal.order.OrderSpec;
import com.certportal.order.Payment;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.pki.CheckedCsr;
import com.certportal.token.HardwareToken;
import com.certportal.token.HardwareTokenRepository;
import com.certportal.unit.EnterpriseUnit;
import com.certportal.unit.EnterpriseUnitRepository;
import com.certportal.validation.Validations;
import com.certportal.voucher.Voucher;
import com.certportal.voucher.VoucherRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * O1-O4: requesting a certificate. Everything is checked before anything is stored (the CSR and its
 * names (O2), the plan, the renewal, the payment's voucher, unit or token (O3)); then the order is
 * placed at once, or waits for an administrator as a request (O4). What the payment reserves is
 * reserved in the same transaction, so of two orders racing for one voucher exactly one wins.
 */
@Service
public class Ordering {

    /** P6, O3: the price of a new USB hardware token for code signing. */
    public static final BigDecimal TOKEN_PRICE = BigDecimal.valueOf(15_000);

    /** O1: a server licence count beyond this is a typing mistake, not an order. */
    public static final int MAX_LICENCES = 500;

    private final ActionAttempts attempts;
    private final OrderRepository orders;
    private final OrderFinder finder;
    private final OrderNumbers numbers;
    private final MemberRepository members;
    private final AccountRepository accounts;
    private final VoucherRepository vouchers;
    private final EnterpriseUnitRepository units;
    private final HardwareTokenRepository tokens;
    private final NewOrderRequestRepository requests;
    private final Validations validations;
    private final Clock clock;

    Ordering(
            ActionAttempts attempts,
            OrderRepository orders,
            OrderFinder finder,
            OrderNumbers numbers,
            MemberRepository members,
            AccountRepository accounts,
            VoucherRepository vouchers,
            EnterpriseUnitRepository units,
            HardwareTokenRepository tokens,
            NewOrderRequestRepository requests,
            Validations validations,
            Clock clock) {
        this.attempts = attempts;
        this.orders = orders;
        this.finder = finder;
        this.numbers = numbers;
        this.members = members;
        this.accounts = accounts;
        this.vouchers = vouchers;
        this.units = units;
        this.tokens = tokens;
        this.requests = requests;
        this.validations = validations;
        this.clock = clock;
    }

    /** O1: checks the order as if submitted now and says what would happen; stores nothing. */
    @Transactional(readOnly = true)
    public OrderPreview preview(PlaceOrder command, CurrentMember by) {
        Instant now = clock.instant();
        Checked checked = check(command, by);
        Account account = accounts.findById(by.accountId()).orElseThrow();
        OrderSpec spec = checked.spec();
        Instant planEnds = now.atOffset(java.time.ZoneOffset.UTC)
                .plusYears(spec.validityYears())
                .toInstant();
        return new OrderPreview(
                spec.product(),
                spec.validityYears(),
                spec.commonName(),
                spec.names(),
                checked.csr().pem(),
                checked.csr().keyAlgorithm(),
                checked.csr().keySize(),
                checked.price(),
                command.hardwareToken() != null && command.hardwareToken().buyNew() ? TOKEN_PRICE : null,
                "JPY",
                com.certportal.catalog.CertificateLifetime.notAfter(spec.product(), now, planEnds),
                planEnds,
                now,
                account.newOrdersNeedApproval(by.role()),
                validations.neededFor(
                        by.accountId(),
                        spec.names(),
                        spec.product().validatesDomains(),
                        spec.product().validatesOrganization()));
    }

    /**
     * Bad input found while reading the form (a value that is not one of the choices): refused and
     * recorded as the placement would have been (T1).
     */
    public ActionRefused refuseInput(ActionRefused badInput, CurrentMember by) {
        attempts.refuse(
                AuditEntry.of(AuditAction.ORDER_PLACED, clock.instant())
                        .account(by.accountId())
                        .actor(by.memberId()),
                badInput);
        return badInput;
    }

    /** O1-O4: places the order, or submits it for approval; refusals change nothing and are recorded. */
    public PlacedOrder place(PlaceOrder command, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.ORDER_PLACED, now)
                .account(by.accountId())
                .actor(by.memberId())
                .comment(command.comment());
        return attempts.attempt(attempted, "order.refused.reserved-concurrently", entry -> {
            Checked checked = check(command, by);
            if (checked.spec().renewalOf() != null) {
                lockRenewed(checked.spec().renewalOf());
            }
            Account account = accounts.findById(by.accountId()).orElseThrow();
            Member requester = members.getReferenceById(by.memberId());
            boolean needsApproval = account.newOrdersNeedApproval(by.role());
            if (needsApproval) {
                entry.action(AuditAction.ORDER_REQUESTED);
            }
            Payment payment = reserve(command, checked, by);
            String number = numbers.nextOrderNumber();
            entry.order(by.accountId(), null, number);
            if (!needsApproval) {
                CertificateOrder order =
                        orders.save(CertificateOrder.place(number, requester, checked.spec(), payment, now));
                return new PlacedOrder(order, null);
            }
            CertificateOrder order =
                    orders.save(CertificateOrder.request(number, requester, checked.spec(), payment, now));
            NewOrderRequest request = requests.save(NewOrderRequest.submit(order, requester, checked.comment(), now));
            return new PlacedOrder(order, request);
        });
    }

    private record Checked(OrderSpec spec, CheckedCsr csr, BigDecimal price, String comment) {}

    /** O1-O3: every check that needs nothing reserved; all field problems are reported together. */
    private Checked check(PlaceOrder command, CurrentMember by) {
        OrderPermissions.requireActor(by, "new order");
        Product product = command.product();
        List<FieldProblem> problems = new ArrayList<>();
        CsrInput.Checked names = CsrInput.check(
                command.csr(), command.csrFile(), command.extraNames(), product, command.dcvMethod(), problems);
        if (command.validityYears() < 1 || command.validityYears() > 3) {
            problems.add(new FieldProblem("orderValidityYears", "order.form.validity", List.of()));
        }
        if (command.licences() < 1 || command.licences() > MAX_LICENCES) {
            problems.add(new FieldProblem("licences", "order.form.licences", List.of(MAX_LICENCES)));
        }
        CertificateOrder renewalOf = renewalOf(command, by, problems);
        if (product.offersHardwareToken() && command.hardwareToken() == null) {
            problems.add(new FieldProblem("hardwareToken", "order.form.token-required", List.of()));
        }
        if (!product.offersHardwareToken() && command.hardwareToken() != null) {
            problems.add(new FieldProblem("hardwareToken", "order.form.token-not-offered", List.of()));
        }
        checkPaymentChoice(command, by, problems);
        String comment = null;
        try {
            comment = FormInput.optionalText(command.comment(), FormInput.COMMENT_MAX);
        } catch (ActionRefused tooLong) {
            problems.add(new FieldProblem("comment", tooLong.messageKey(), List.of(tooLong.messageArguments())));
        }
        if (!problems.isEmpty()) {
            throw ActionRefused.invalidFields(problems);
        }
        CheckedCsr csr = names.csr();
        OrderSpec spec = new OrderSpec(
                product,
                command.validityYears(),
                command.requestType(),
                renewalOf,
                command.serverPlatform(),
                csr.pem(),
                csr.commonName(),
                product.certifiesDnsNames() ? names.names() : List.of(),
                command.dcvMethod());
        BigDecimal price = command.paymentMethod() == PaymentMethod.ENTERPRISE_UNIT
                ? BigDecimal.ZERO
                : product.priceFor(command.validityYears()).multiply(BigDecimal.valueOf(command.licences()));
        return new Checked(spec, csr, price, comment);
    }

    /** K6, O1: a renewal names an issued order the member can see; another account's is unknown. */
    private CertificateOrder renewalOf(PlaceOrder command, CurrentMember by, List<FieldProblem> problems) {
        String number = command.renewalOf() == null ? "" : command.renewalOf().strip();
        if (command.requestType() != RequestType.RENEWAL) {
            if (!number.isEmpty()) {
                problems.add(new FieldProblem("renewalOf", "order.form.renewal-not-renewal", List.of()));
            }
            return null;
        }
        if (number.isEmpty()) {
            problems.add(new FieldProblem("renewalOf", "order.form.renewal-required", List.of()));
            return null;
        }
        if (!OrderNumbers.isWellFormed(number)) {
            problems.add(new FieldProblem("renewalOf", "order.form.renewal-unknown", List.of(number)));
            return null;
        }
        try {
            CertificateOrder renewed = finder.get(number, by);
            if (!renewed.isIssued()) {
                problems.add(new FieldProblem(
                        "renewalOf",
                        "order.form.renewal-not-issued",
                        List.of(number, "status." + renewed.getStatus().key())));
                return null;
            }
            if (renewed.activeRenewal().isPresent()) {
                problems.add(
                        alreadyRenewed(renewed, renewed.activeRenewal().get().getOrderNumber()));
                return null;
            }
            return renewed;
        } catch (NotFound notVisible) {
            problems.add(new FieldProblem("renewalOf", "order.form.renewal-unknown", List.of(number)));
            return null;
        }
    }

    /** K6: one renewal stands for an order at a time; a second one would pay twice for the same certificate. */
    private static FieldProblem alreadyRenewed(CertificateOrder renewed, String renewalNumber) {
        return new FieldProblem(
                "renewalOf", "order.form.renewal-already", List.of(renewed.getOrderNumber(), renewalNumber));
    }

    /**
     * K6: two renewals of one order submitted at the same moment: the renewed order's row is locked, so
     * the second placement waits for the first and then finds it.
     */
    private void lockRenewed(CertificateOrder renewed) {
        orders.lockForUpdate(renewed.getId());
        orders.findActiveRenewalNumbers(renewed.getId(), CertificateOrder.STANDING_RENEWAL).stream()
                .findFirst()
                .ifPresent(number -> {
                    throw ActionRefused.invalidFields(List.of(alreadyRenewed(renewed, number)));
                });
    }

    /** O3: the voucher, unit or token chosen exists for this account and is free (checked, not taken). */
    private void checkPaymentChoice(PlaceOrder command, CurrentMember by, List<FieldProblem> problems) {
        switch (command.paymentMethod()) {
            case VOUCHER -> {
                String code = normalizedVoucherCode(command.voucherCode());
                if (code.isEmpty()) {
                    problems.add(new FieldProblem("voucherCode", "order.form.voucher-required", List.of()));
                } else {
                    vouchers.findByCodeAndAccountId(code, by.accountId())
                            .ifPresentOrElse(
                                    v -> {
                                        if (v.isUsed()) {
                                            problems.add(new FieldProblem(
                                                    "voucherCode", "order.form.voucher-used", List.of(code)));
                                        }
                                    },
                                    () -> problems.add(new FieldProblem(
                                            "voucherCode", "order.form.voucher-unknown", List.of(code))));
                }
            }
            case ENTERPRISE_UNIT -> {
                if (command.enterpriseUnitId() == null) {
                    problems.add(new FieldProblem("enterpriseUnit", "order.form.unit-required", List.of()));
                } else {
                    units.findByIdAndAccountId(command.enterpriseUnitId(), by.accountId())
                            .ifPresentOrElse(
                                    u -> {
                                        if (u.getLicencesAvailable() < command.licences()) {
                                            problems.add(new FieldProblem(
                                                    "enterpriseUnit",
                                                    "order.form.unit-not-enough",
                                                    List.of(
                                                            u.getName(),
                                                            u.getLicencesAvailable(),
                                                            command.licences())));
                                        }
                                    },
                                    () -> problems.add(
                                            new FieldProblem("enterpriseUnit", "order.form.unit-unknown", List.of())));
                }
            }
            case BANK_TRANSFER, CREDIT_CARD -> {
                // O3: nothing to check before placing; a bank transfer is recorded when it arrives.
            }
        }
        TokenChoice token = command.hardwareToken();
        if (token != null && !token.buyNew()) {
            tokens.findBySerialNumberAndAccountId(token.existingSerial(), by.accountId())
                    .filter(HardwareToken::isReusable)
                    .ifPresentOrElse(
                            t -> {},
                            () -> problems.add(new FieldProblem(
                                    "hardwareToken", "order.form.token-unavailable", List.of(token.existingSerial()))));
        }
    }

    /**
     * O3: takes what the payment uses, in the order's transaction: the voucher is used, the licences
     * taken, an existing token taken (a race for any of them fails one of the two transactions).
     */
    private Payment reserve(PlaceOrder command, Checked checked, CurrentMember by) {
        Payment payment = switch (command.paymentMethod()) {
            case BANK_TRANSFER -> Payment.bankTransfer(checked.price(), false).forLicences(command.licences());
            case CREDIT_CARD -> Payment.creditCard(checked.price()).forLicences(command.licences());
            case VOUCHER -> {
                Voucher voucher = vouchers.findByCodeAndAccountId(
                                normalizedVoucherCode(command.voucherCode()), by.accountId())
                        .orElseThrow();
                yield Payment.voucher(voucher, checked.price(), command.licences());
            }
            case ENTERPRISE_UNIT -> {
                EnterpriseUnit unit = units.findByIdAndAccountId(command.enterpriseUnitId(), by.accountId())
                        .orElseThrow();
                yield Payment.enterpriseUnit(unit, command.licences());
            }
        };
        TokenChoice token = command.hardwareToken();
        if (token != null && token.buyNew()) {
            payment.withNewHardwareToken(TOKEN_PRICE);
        } else if (token != null) {
            payment.withExistingHardwareToken(
                    tokens.findBySerialNumberAndAccountId(token.existingSerial(), by.accountId())
                            .orElseThrow());
        }
        return payment;
    }

    static String normalizedVoucherCode(String typed) {
        return Voucher.normalizedCode(typed);
    }
}
