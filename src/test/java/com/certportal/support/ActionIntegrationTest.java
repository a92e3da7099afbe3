package com.certportal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.account.CurrentMember;
import com.certportal.approval.ApprovalRequest;
import com.certportal.approval.ApprovalRequestRepository;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.audit.AuditRecordRepository;
import com.certportal.mail.OutboxMail;
import com.certportal.mail.OutboxMailRepository;
import com.certportal.mail.OutboxSender;
import com.certportal.revocation.RevocationRequest;
import com.certportal.revocation.RevocationRequestRepository;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What the tests of the order actions (C, R, A, P, T) share: posting a form as a signed-in member, and
 * reading back the order, its requests, its trail and its mail. Same Spring context as every other
 * {@link PostgresIntegrationTest}.
 */
public abstract class ActionIntegrationTest extends PostgresIntegrationTest {

    private static final String[] TRANSLATED_ARGUMENT_PREFIXES = {
        "status.", "request-status.", "refund-status.", "revocation-reason.", "refund.route.", "product.", "payment."
    };

    @Autowired
    protected AuditRecordRepository auditRecords;

    @Autowired
    protected OutboxMailRepository outboxMails;

    @Autowired
    protected RevocationRequestRepository revocationRequests;

    @Autowired
    protected ApprovalRequestRepository approvalRequests;

    @Autowired
    protected OutboxSender outboxSender;

    @Autowired
    private MessageSource messageSource;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    /** A form post as the browser sends it: signed in, with the CSRF token, name/value pairs. */
    protected MvcTestResult post(CurrentMember by, String uri, String... nameValuePairs) {
        return postIn(null, by, uri, nameValuePairs);
    }

    protected MvcTestResult get(CurrentMember by, String uri) {
        return getIn(null, by, uri);
    }

    /** {@link #post} from a browser that asks for {@code language} (Accept-Language); null asks for none. */
    protected MvcTestResult postIn(Locale language, CurrentMember by, String uri, String... nameValuePairs) {
        var request = mvc.post().uri(uri).with(user(by)).with(csrf());
        if (language != null) {
            request = request.header("Accept-Language", language.toLanguageTag());
        }
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request = request.param(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return request.exchange();
    }

    /** {@link #get} from a browser that asks for {@code language} (Accept-Language); null asks for none. */
    protected MvcTestResult getIn(Locale language, CurrentMember by, String uri) {
        var request = mvc.get().uri(uri).with(user(by));
        if (language != null) {
            request = request.header("Accept-Language", language.toLanguageTag());
        }
        return request.exchange();
    }

    /** R1, A1: {@code by} asks to revoke the order, which waits for approval; returns the request's id. */
    protected Long revocationRequested(CurrentMember by, String orderNumber, String reason) {
        assertThat(post(by, "/orders/" + orderNumber + "/revoke", "reason", reason, "version", version(orderNumber)))
                .hasStatus3xxRedirection();
        return requests(by.accountId(), orderNumber).get(0).getId();
    }

    /** R6: an administrator revokes the order at once, without approval. */
    protected void revokedNow(CurrentMember administrator, String orderNumber, String reason) {
        assertThat(post(
                        administrator,
                        "/orders/" + orderNumber + "/revoke",
                        "reason",
                        reason,
                        "skipApproval",
                        "true",
                        "version",
                        version(orderNumber)))
                .hasStatus3xxRedirection();
    }

    /** What a reader sees of the page at {@code uri} in {@code language} (see {@link Pages#visibleText}). */
    protected String readIn(Locale language, CurrentMember by, String uri) {
        return Pages.visibleText(body(getIn(language, by, uri)));
    }

    /** The lines the page shows after post/redirect/get (the confirmation of the action, P7). */
    @SuppressWarnings("unchecked")
    protected static List<String> notices(MvcTestResult result) {
        return (List<String>) result.getMvcResult().getFlashMap().get("notices");
    }

    /** The response body as the browser decodes it. */
    protected static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    protected OrderState state(String orderNumber) {
        return fixtures.withOrder(orderNumber, OrderState::of);
    }

    protected String version(String orderNumber) {
        return String.valueOf(state(orderNumber).version());
    }

    /** The order's history (T1), oldest first. */
    protected List<AuditRecord> history(String orderNumber) {
        return auditRecords.findByOrderIdOrderByOccurredAtAscIdAsc(
                state(orderNumber).id());
    }

    protected List<AuditRecord> history(String orderNumber, AuditAction action) {
        return history(orderNumber).stream()
                .filter(r -> r.getAction() == action)
                .toList();
    }

    /** Refusals recorded for members of the account, newest first (T1). */
    protected List<AuditRecord> refusals(Long accountId) {
        return auditRecords.findByAccountIdAndOutcomeOrderByIdDesc(accountId, AuditRecord.Outcome.REFUSED);
    }

    protected List<OutboxMail> mails(String orderNumber) {
        return outboxMails.findByOrderIdOrderByIdAsc(state(orderNumber).id());
    }

    /**
     * Sends the outbox (as the schedule would) until {@code mail} has been tried once more, and returns
     * it as stored then. Mails of other tests may be due before it; the sender takes them oldest first,
     * and ends a run at a server that is down or silent (a test of that queues its mail at an instant
     * before the other tests', so that only its own are due).
     */
    protected OutboxMail sendOutboxUntilTried(OutboxMail mail) {
        for (int round = 0; round < 50; round++) {
            outboxSender.sendDue();
            OutboxMail stored = outboxMails.findById(mail.getId()).orElseThrow();
            if (stored.getAttempts() > mail.getAttempts()) {
                return stored;
            }
        }
        throw new AssertionError("mail " + mail.getId() + " was never tried: is it due at " + clock.instant() + "?");
    }

    /** How many requests (new orders and revocations, any status) the account has. */
    protected long requestCount(Long accountId) {
        return approvalRequests
                .findVisible(accountId, null, (ApprovalRequest.Status) null)
                .size();
    }

    /** Every revocation request ever made on the order: a waiting one first, then the newest (A1). */
    protected List<RevocationRequest> requests(Long accountId, String orderNumber) {
        return approvalRequests.findVisible(accountId, null, (ApprovalRequest.Status) null).stream()
                .filter(r -> r instanceof RevocationRequest)
                .map(r -> (RevocationRequest) r)
                .filter(r -> r.getOrder().getOrderNumber().equals(orderNumber))
                .toList();
    }

    /**
     * The text a page shows for {@code key} in English (MockMvc requests prefer English), HTML-escaped
     * as Thymeleaf writes it; arguments that are message keys are translated, as the web layer does.
     */
    protected String shown(String key, Object... arguments) {
        return shownIn(Locale.ENGLISH, key, arguments);
    }

    protected String shownIn(Locale language, String key, Object... arguments) {
        Object[] translated = Arrays.stream(arguments)
                .map(a -> a instanceof String s
                                && Arrays.stream(TRANSLATED_ARGUMENT_PREFIXES).anyMatch(s::startsWith)
                        ? new DefaultMessageSourceResolvable(s)
                        : a)
                .toArray();
        return escaped(messageSource.getMessage(key, translated, language));
    }

    protected String text(String key, Locale language, Object... arguments) {
        return messageSource.getMessage(key, arguments, language);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
