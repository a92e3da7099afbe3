package com.certportal.validation;

import com.certportal.account.AccountRepository;
import com.certportal.account.CurrentMember;
import com.certportal.action.ActionAttempts;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.action.NotFound;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditEntry;
import com.certportal.order.CertificateOrder;
import com.certportal.order.DcvMethod;
import com.certportal.order.OrderEvents.CertificateReissued;
import com.certportal.order.OrderEvents.OrderApproved;
import com.certportal.order.OrderEvents.OrderCanceled;
import com.certportal.order.OrderEvents.OrderIssued;
import com.certportal.order.OrderEvents.OrderPlaced;
import com.certportal.order.OrderEvents.OrderRevoked;
import com.certportal.order.OrderEvents.ReissueCanceled;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderPermissions;
import com.certportal.order.OrderRepository;
import com.certportal.order.Reissue;
import com.certportal.validation.ValidationEvents.DomainValidated;
import com.certportal.validation.ValidationEvents.DomainValidationChecked;
import com.certportal.validation.ValidationEvents.DomainValidationStarted;
import com.certportal.validation.ValidationEvents.OrganizationValidationDecided;
import com.certportal.validation.ValidationEvents.OrganizationValidationRequested;
import com.certportal.validation.dcv.ApproverEmails;
import com.certportal.validation.dcv.CheckResult;
import com.certportal.validation.dcv.DnsTxtCheck;
import com.certportal.validation.dcv.HttpFileCheck;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V1-V4: starts the validations an order needs when it is placed, reuses the account's recent ones
 * (V3), confirms emailed links, runs file and DNS checks (on request and in the background), lets
 * the CA's agents decide organizations, and announces an order whose validation is complete
 * ({@link OrderValidated}) so that it is issued at once.
 */
@Service
public class Validations {

    /** V4: how often the background job may check one pending validation again. */
    static final Duration RECHECK_INTERVAL = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DomainValidationRepository domains;
    private final OrganizationValidationRepository organizations;
    private final AccountRepository accounts;
    private final OrderRepository orders;
    private final OrderFinder finder;
    private final HttpFileCheck httpFile;
    private final DnsTxtCheck dnsTxt;
    private final ActionAttempts attempts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;
    private final Clock clock;

    Validations(
            DomainValidationRepository domains,
            OrganizationValidationRepository organizations,
            AccountRepository accounts,
            OrderRepository orders,
            OrderFinder finder,
            HttpFileCheck httpFile,
            DnsTxtCheck dnsTxt,
            ActionAttempts attempts,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            EntityManager entityManager,
            Clock clock) {
        this.domains = domains;
        this.organizations = organizations;
        this.accounts = accounts;
        this.orders = orders;
        this.finder = finder;
        this.httpFile = httpFile;
        this.dnsTxt = dnsTxt;
        this.attempts = attempts;
        this.events = events;
        this.transaction = transaction;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @EventListener
    void on(OrderPlaced placed) {
        start(placed.order(), placed.at());
    }

    @EventListener
    void on(OrderApproved approved) {
        start(approved.order(), approved.at());
    }

    /**
     * A cancelled order's pending validations are closed: their links and values are no longer used;
     * so are an issued order's (issued by whoever placed it, or covered by another validation).
     */
    @EventListener
    void on(OrderCanceled canceled) {
        domains.findByOrderIdOrderByIdAsc(canceled.order().getId()).forEach(DomainValidation::close);
    }

    @EventListener
    void on(OrderIssued issued) {
        closePending(issued.order());
    }

    /** K4: a reissue was issued, cancelled, or ended with its revoked order: its validations close. */
    @EventListener
    void on(CertificateReissued reissued) {
        closePending(reissued.order());
    }

    @EventListener
    void on(ReissueCanceled canceled) {
        closePending(canceled.order());
    }

    @EventListener
    void on(OrderRevoked revoked) {
        closePending(revoked.order());
    }

    private void closePending(CertificateOrder order) {
        domains.findByOrderIdOrderByIdAsc(order.getId()).forEach(DomainValidation::close);
    }

    /**
     * V1-V3, O5: what a newly placed order needs: every name not validated recently enough for the
     * account is validated by the order's method, and the organization (V2) if the product needs it
     * and the account has none recent enough and none waiting. Everything reused: issued at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(CertificateOrder order, Instant now) {
        startFor(order, order.getSubjectAltNames(), order.getDcvMethod(), now);
        announceIfComplete(order, now);
    }

    /**
     * K4, V3: what a reissue needs: its names not validated recently enough for the account are
     * validated by the reissue's method (and the organization, if lapsed); everything reused, the
     * reissue is announced at once ({@link ReissueValidated}) and issued before this commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void startReissue(CertificateOrder order, Instant now) {
        Reissue reissue = order.waitingReissue().orElseThrow();
        startFor(order, reissue.getSubjectAltNames(), reissue.getDcvMethod(), now);
        announceIfComplete(order, now);
    }

    private void startFor(CertificateOrder order, List<String> orderNames, DcvMethod method, Instant now) {
        OrderValidationState state = stateFor(order, orderNames, now);
        // An order without a method (made by the demo or a test, with its key given at issuance)
        // validates nothing here; whoever placed it issues it.
        List<String> toValidate = method == null
                ? List.of()
                : state.names().stream()
                        .filter(n -> n.progress() == OrderValidationState.Progress.PENDING && n.validation() == null)
                        .map(n -> DomainValidation.validatedNameFor(n.name(), method))
                        .distinct()
                        .toList();
        for (String name : toValidate) {
            DomainValidation validation = domains.save(DomainValidation.start(order, name, method, newToken(), now));
            events.publishEvent(new DomainValidationStarted(
                    validation, method == DcvMethod.EMAIL ? ApproverEmails.forName(name) : List.of(), now));
        }
        OrderValidationState.OrganizationState organization = state.organization();
        if (organization.needed()
                && organization.progress() != OrderValidationState.Progress.VALIDATED
                && (organization.validation() == null
                        || !organization.validation().isPending())) {
            String name = accounts.findById(order.getAccountId()).orElseThrow().getName();
            OrganizationValidation requested =
                    organizations.save(new OrganizationValidation(order.getAccountId(), name, now));
            events.publishEvent(
                    new OrganizationValidationRequested(requested, order.getId(), order.getOrderNumber(), now));
        }
    }

    /** V4: the order's validation, name by name and for its organization, judged at {@code at}. */
    @Transactional(readOnly = true)
    public OrderValidationState stateOf(CertificateOrder order, Instant at) {
        return stateFor(order, order.getSubjectAltNames(), at);
    }

    /**
     * V4, K4: the validation the order waits for now: its own while pending, its waiting reissue's
     * while issued; none when it waits for nothing.
     */
    @Transactional(readOnly = true)
    public OrderValidationState awaitedBy(CertificateOrder order, Instant at) {
        if (order.isPending()) {
            return stateOf(order, at);
        }
        return order.waitingReissue()
                .map(r -> stateFor(order, r.getSubjectAltNames(), at))
                .orElse(null);
    }

    /**
     * K5, V3: whether the account's validations of these names (and of its organization, if the
     * product needs it) still back an issuance at {@code at}, without validating anything new.
     */
    @Transactional(readOnly = true)
    public boolean stillValidated(CertificateOrder order, List<String> names, Instant at) {
        return stateFor(order, names, at).complete();
    }

    private OrderValidationState stateFor(CertificateOrder order, List<String> orderNames, Instant at) {
        boolean validatesDomains = order.getProduct().validatesDomains();
        List<String> names = validatesDomains
                ? orderNames.stream().map(ApproverEmails::baseDomain).distinct().toList()
                : List.of();
        List<DomainValidation> accountValidations = validationsCovering(order.getAccountId(), names);
        List<OrganizationValidation> organizationValidations =
                order.getProduct().validatesOrganization()
                        ? organizations.findByAccountIdOrderByRequestedAtDescIdDesc(order.getAccountId())
                        : List.of();
        return OrderValidationState.judge(
                names,
                validatesDomains,
                order.getProduct().validatesOrganization(),
                order.getId(),
                accountValidations,
                organizationValidations,
                at);
    }

    /**
     * V3: which of these names an order placed now for the account would have to validate, and
     * whether its organization would; for the preview before an order is submitted.
     */
    @Transactional(readOnly = true)
    public NeededValidations neededFor(
            long accountId, List<String> orderNames, boolean validatesDomains, boolean validatesOrganization) {
        Instant now = clock.instant();
        List<String> names = validatesDomains
                ? orderNames.stream().map(ApproverEmails::baseDomain).distinct().toList()
                : List.of();
        List<DomainValidation> recent = validationsCovering(accountId, names).stream()
                .filter(v -> v.backsIssuanceAt(now))
                .toList();
        Map<String, Boolean> reusable = names.stream()
                .filter(n -> recent.stream().anyMatch(v -> v.covers(n)))
                .collect(Collectors.toMap(n -> n, n -> true));
        boolean organizationNeeded = validatesOrganization
                && organizations.findByAccountIdOrderByRequestedAtDescIdDesc(accountId).stream()
                        .noneMatch(v -> v.backsIssuanceAt(now));
        return new NeededValidations(
                names.stream().filter(n -> !reusable.containsKey(n)).toList(),
                names.stream().filter(reusable::containsKey).toList(),
                organizationNeeded);
    }

    /** V1, V3: the account's validations of these names, and of their registrable domains (by email). */
    private List<DomainValidation> validationsCovering(Long accountId, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>(names);
        for (String name : names) {
            try {
                candidates.add(ApproverEmails.registrableDomain(name));
            } catch (IllegalArgumentException noRegistrableDomain) {
                // A name without one (only in data made before O2 checked names) is covered by itself.
            }
        }
        return domains.findByAccountIdAndNameIn(accountId, candidates);
    }

    /** V3: what a new order would validate, and what it reuses. */
    public record NeededValidations(List<String> toValidate, List<String> reused, boolean organization) {}

    /**
     * V4: "check now": runs the file and DNS checks of the order's pending validations (outside any
     * transaction: a slow server holds no database connection), then records each outcome.
     */
    public OrderValidationState checkNow(CheckValidation command, CurrentMember by) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(AuditAction.DOMAIN_VALIDATION_CHECKED, now)
                .order(by.accountId(), null, command.orderNumber())
                .actor(by.memberId());
        List<Long> checkable = attempts.attempt(attempted, "order.refused.concurrent", entry -> {
            CertificateOrder order = finder.forAction(command.orderNumber(), by);
            entry.order(order.getAccountId(), order.getId(), order.getOrderNumber());
            OrderPermissions.requireActor(by, order.getOrderNumber());
            if (!order.awaitsValidation()) {
                throw new ActionRefused(
                        "validation.refused.not-pending",
                        "order " + order.getOrderNumber() + " is " + order.getStatus(),
                        order.getOrderNumber(),
                        "status." + order.getStatus().key());
            }
            List<Long> ids = awaitedBy(order, now).names().stream()
                    .filter(OrderValidationState.NameState::checkable)
                    .map(n -> n.validation().getId())
                    .toList();
            if (ids.isEmpty()) {
                throw new ActionRefused(
                        "validation.refused.nothing-to-check",
                        "order " + order.getOrderNumber() + " has no pending file or DNS validation",
                        order.getOrderNumber());
            }
            return ids;
        });
        checkable.forEach(id -> check(id, by.memberId()));
        return transaction.execute(status -> {
            CertificateOrder order = finder.forAction(command.orderNumber(), by);
            OrderValidationState awaited = awaitedBy(order, clock.instant());
            // The check completed the validation and the order (or its reissue) was issued: it awaits
            // nothing now, and what it awaited is its own validation, complete.
            return awaited != null ? awaited : stateOf(order, clock.instant());
        });
    }

    /** V4: the background job re-checks pending file and DNS validations, the oldest check first. */
    public int recheckDue(int limit) {
        Instant now = clock.instant();
        List<Long> due = transaction.execute(
                status -> domains.findDueForCheck(now, now.minus(RECHECK_INTERVAL), Limit.of(limit)).stream()
                        .filter(v -> v.getOrder().awaitsValidation())
                        .map(DomainValidation::getId)
                        .toList());
        due.forEach(id -> check(id, null));
        return due.size();
    }

    private void check(Long validationId, Long actorId) {
        DomainValidation pending =
                transaction.execute(status -> domains.findById(validationId).orElseThrow());
        if (!pending.isCheckable()) {
            return;
        }
        CheckResult result = pending.getMethod() == DcvMethod.HTTP_FILE
                ? httpFile.check(pending.getName(), pending.getToken())
                : dnsTxt.check(pending.getName(), pending.getToken());
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            DomainValidation validation = domains.findById(validationId).orElseThrow();
            validation.recordCheck(result, now);
            if (validation.getStatus() == DomainValidation.Status.VALIDATED) {
                events.publishEvent(new DomainValidated(validation, actorId, now));
                announceIfComplete(validation.getOrder(), now);
            } else {
                events.publishEvent(new DomainValidationChecked(validation, actorId, now));
            }
        });
    }

    /** V1: the page behind an emailed link (GET shows it; only the POST confirms). */
    @Transactional(readOnly = true)
    public DomainValidation byLink(String token) {
        return domains.findByToken(token)
                .filter(v -> v.getMethod() == DcvMethod.EMAIL)
                .orElseThrow(() -> new NotFound("validation link"));
    }

    /**
     * V1: the recipient confirms control of the name; once, and before the link expires. An unknown
     * link is a 404 with nothing to record (no account is known); a used or expired one is refused
     * and recorded on its order.
     */
    public DomainValidation confirmByLink(String token) {
        Instant now = clock.instant();
        DomainValidation known = byLink(token);
        AuditEntry attempted = AuditEntry.of(AuditAction.DOMAIN_VALIDATED, now)
                .order(
                        known.getAccountId(),
                        known.getOrder().getId(),
                        known.getOrder().getOrderNumber())
                .detail(known.getMethod().key() + " " + known.getName());
        return attempts.attempt(attempted, "dcv.refused.used", entry -> {
            DomainValidation validation = domains.findById(known.getId()).orElseThrow();
            validation.confirmByEmail(now);
            domains.saveAndFlush(validation);
            events.publishEvent(new DomainValidated(validation, null, now));
            announceIfComplete(validation.getOrder(), now);
            return validation;
        });
    }

    /** V2: the agents' queue, across customer accounts. */
    @Transactional(readOnly = true)
    public List<OrganizationValidation> organizationQueue(CurrentMember agent) {
        requireAgent(agent);
        return organizations.findQueue();
    }

    @Transactional(readOnly = true)
    public OrganizationValidation organization(long id, CurrentMember agent) {
        requireAgent(agent);
        return organizations.findById(id).orElseThrow(() -> new NotFound("organization validation " + id));
    }

    /** V2: decided once by an agent; approved, the account's waiting orders that need it move on. */
    public OrganizationValidation decideOrganization(DecideOrganization command, CurrentMember agent) {
        Instant now = clock.instant();
        AuditEntry attempted = AuditEntry.of(
                        command.approve()
                                ? AuditAction.ORGANIZATION_VALIDATED
                                : AuditAction.ORGANIZATION_VALIDATION_REJECTED,
                        now)
                .actor(agent.memberId())
                .account(agent.accountId())
                .comment(command.note());
        return attempts.attempt(attempted, "organization-validation.refused.concurrent", entry -> {
            requireAgent(agent);
            OrganizationValidation validation = organizations
                    .findById(command.validationId())
                    .orElseThrow(() -> new NotFound("organization validation " + command.validationId()));
            entry.account(validation.getAccountId()).move(validation.getStatus(), null);
            String note = command.approve()
                    ? FormInput.optionalText(command.note(), FormInput.NOTE_MAX)
                    : FormInput.requiredText(
                            command.note(), FormInput.NOTE_MAX, "organization-validation.note-required");
            validation.decide(
                    command.approve(),
                    entityManager.getReference(com.certportal.account.Member.class, agent.memberId()),
                    note,
                    now);
            organizations.saveAndFlush(validation);
            events.publishEvent(new OrganizationValidationDecided(validation, agent.memberId(), now));
            if (command.approve()) {
                orders.findAwaitingValidation(validation.getAccountId()).stream()
                        .filter(o -> o.getProduct().validatesOrganization())
                        .forEach(o -> announceIfComplete(o, now));
            }
            return validation;
        });
    }

    /**
     * I: a pending order whose every validation is complete now is announced, to be issued at once;
     * K4: so is an issued order's waiting reissue.
     */
    private void announceIfComplete(CertificateOrder order, Instant now) {
        if (order.isPending() && stateOf(order, now).complete()) {
            events.publishEvent(new OrderValidated(order, now));
        } else if (order.isIssued()
                && order.waitingReissue().isPresent()
                && awaitedBy(order, now).complete()) {
            events.publishEvent(new ReissueValidated(order, now));
        }
    }

    private static void requireAgent(CurrentMember member) {
        if (!member.role().validatesOrganizations()) {
            throw new ActionRefused(
                    ActionRefused.Kind.FORBIDDEN,
                    "organization-validation.refused.not-agent",
                    member + " is not a validation agent");
        }
    }

    /** 32 random bytes, URL-safe: the random value of BR 3.2.2.4 (at least 112 bits of entropy). */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
