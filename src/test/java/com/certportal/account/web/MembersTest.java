package com.certportal.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.certportal.account.Account;
import com.certportal.account.AccountRepository;
import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.MemberRepository;
import com.certportal.account.Role;
import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.mail.MailKind;
import com.certportal.mail.OutboxMail;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.BrowserSession;
import com.certportal.support.Fixtures.TestAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * M1 and M2 through the pages: an administrator invites a member, the invited person sets a password
 * through the one-time link and signs in with the invited role through the real sign-in form; roles
 * change and members are deactivated (their live sessions end); the last administrator stays, also
 * when two administrators demote each other at the same moment; another account's members are 404;
 * every change is in the trail (T1).
 */
class MembersTest extends ActionIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/invitations/([A-Za-z0-9_-]{40,})");
    private static final String GOOD_PASSWORD = "violet kettle on the 9:40 ferry";

    @Autowired
    private MemberRepository members;

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate transaction;

    private TestAccount account;
    private String address;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount();
        address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "."
                + (1 + ThreadLocalRandom.current().nextInt(254));
    }

    @Test
    void anInvitedPersonSetsAPasswordThroughTheLinkAndSignsInWithTheInvitedRole_M1_M2() {
        String email = "new-" + account.tag() + "@test.example";

        MvcTestResult invited = post(
                account.admin(),
                "/account/members/invitations",
                "email",
                " New-" + account.tag() + "@Test.Example ",
                "role",
                "finance_manager");

        assertThat(invited).hasStatus3xxRedirection().hasRedirectedUrl("/account/members");
        OutboxMail mail = invitationMailTo(email);
        assertThat(mail.getLanguage()).isEqualTo("en"); // the inviting administrator's mail language
        assertThat(mail.getSubject()).isEqualTo("[CertPortal] Invitation to Test " + account.tag());
        String token = token(mail);
        List<String> stored = jdbc.sql("select token_hash from invitation where email = :email")
                .param("email", email)
                .query(String.class)
                .list();
        assertThat(stored)
                .singleElement()
                .satisfies(
                        hash -> assertThat(hash).hasSize(64).isNotEqualTo(token).doesNotContain(token));
        assertThat(body(get(account.admin(), "/account/members"))).contains(email, "Invited (link valid until ");

        MvcTestResult page = mvc.get().uri("/invitations/" + token).exchange();
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains(email, "Finance manager", "name=\"password\"", "name=\"passwordConfirmation\"");

        MvcTestResult weak = accept(token, "Password2026!", "Password2026!");
        assertThat(weak).hasStatus(400);
        assertThat(body(weak)).contains(shown("password.common"));
        MvcTestResult mismatch = accept(token, GOOD_PASSWORD, GOOD_PASSWORD + "x");
        assertThat(body(mismatch)).contains(shown("password.confirmation-differs"));

        MvcTestResult joined = accept(token, GOOD_PASSWORD, GOOD_PASSWORD);
        assertThat(joined).hasStatus3xxRedirection().hasRedirectedUrl("/login?joined");

        BrowserSession session = browsers.newVisitor();
        assertThat(signIn(email, GOOD_PASSWORD, session)).hasRedirectedUrl("/orders");
        assertThat(session.exchange(mvc.get().uri("/refunds"))).hasStatusOk();
        assertThat(session.exchange(mvc.get().uri("/account/members"))).hasStatus(403);
        Member member = members.findByEmail(email).orElseThrow();
        assertThat(member.getRole()).isEqualTo(Role.FINANCE_MANAGER);
        assertThat(member.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(GOOD_PASSWORD);
        assertThat(member.getDisplayName()).isEqualTo("new-" + account.tag());

        // The link works once.
        MvcTestResult again = mvc.get().uri("/invitations/" + token).exchange();
        assertThat(again).hasStatus(410);
        assertThat(body(again)).contains(shown("invitation.used.title"));
        assertThat(accept(token, GOOD_PASSWORD, GOOD_PASSWORD)).hasStatus(410);
        assertThat(trail())
                .extracting(AuditRecord::getAction)
                .contains(AuditAction.MEMBER_INVITED, AuditAction.INVITATION_ACCEPTED);
    }

    @Test
    void aLinkOlderThanSeventyTwoHoursSaysItExpiredAndMakesNoMember_M1() {
        String email = "late-" + account.tag() + "@test.example";
        post(account.admin(), "/account/members/invitations", "email", email, "role", "user");
        String token = token(invitationMailTo(email));

        clock.advance(Duration.ofHours(72).minusSeconds(1));
        assertThat(mvc.get().uri("/invitations/" + token).exchange()).hasStatusOk();
        clock.advance(Duration.ofSeconds(1));

        MvcTestResult page = mvc.get().uri("/invitations/" + token).exchange();
        assertThat(page).hasStatus(410);
        assertThat(body(page)).contains(shown("invitation.expired.title"));
        assertThat(accept(token, GOOD_PASSWORD, GOOD_PASSWORD)).hasStatus(410);
        assertThat(members.findByEmail(email)).isEmpty();
    }

    @Test
    void aTokenThatNamesNoInvitationIsNotFound_M1() {
        assertThat(mvc.get()
                        .uri("/invitations/not-a-real-token-at-all-000000000000000000")
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void onlyAdministratorsSeeAndManageMembers_M1() {
        assertThat(get(account.user(), "/account/members")).hasStatus(403);
        assertThat(post(account.finance(), "/account/members/invitations", "email", "x@test.example", "role", "user"))
                .hasStatus(403);
        String page = body(get(account.admin(), "/account/members"));
        assertThat(page)
                .contains(
                        account.admin().email(),
                        account.user().email(),
                        account.finance().email())
                .contains("Administrator", "User", "Finance manager", ">Active<")
                .contains("href=\"/account/members\"");
        assertThat(body(get(account.user(), "/orders")))
                .doesNotContain("href=\"/account/members\"")
                .contains("href=\"/settings/password\"");
    }

    @Test
    void anInvitationOffersTheThreeCustomerRolesOnly_M1() {
        assertThat(post(
                        account.admin(),
                        "/account/members/invitations",
                        "email",
                        "v-" + account.tag() + "@test.example",
                        "role",
                        "validation_agent"))
                .hasStatus(400);
        assertThat(post(
                        account.admin(),
                        "/account/members/invitations",
                        "email",
                        "w-" + account.tag() + "@test.example",
                        "role",
                        "user\u0000"))
                .hasStatus(400);
        assertThat(post(
                        account.admin(),
                        "/account/members/invitations",
                        "email",
                        account.user().email(),
                        "role",
                        "user"))
                .hasStatus(400);
    }

    @Test
    void aRoleChangeAppliesToTheMembersLiveSession_M1() {
        CurrentMember second = secondAdministrator(account);
        BrowserSession session = browsers.newVisitor();
        assertThat(signIn(second.email(), "secret", session)).hasRedirectedUrl("/orders");
        assertThat(session.exchange(mvc.get().uri("/account/members"))).hasStatusOk();

        assertThat(post(account.admin(), "/account/members/" + second.memberId() + "/role", "role", "user"))
                .hasStatus3xxRedirection();

        assertThat(session.exchange(mvc.get().uri("/account/members"))).hasStatus(403);
        assertThat(trail()).anySatisfy(r -> {
            assertThat(r.getAction()).isEqualTo(AuditAction.MEMBER_ROLE_CHANGED);
            assertThat(r.getFromStatus()).isEqualTo("ADMINISTRATOR");
            assertThat(r.getToStatus()).isEqualTo("USER");
            assertThat(r.getDetail()).isEqualTo("member " + second.email());
        });
    }

    @Test
    void deactivationEndsALiveSessionAndSignInIsRefusedAfterwards_M1() {
        BrowserSession session = browsers.newVisitor();
        assertThat(signIn(account.user().email(), "secret", session)).hasRedirectedUrl("/orders");
        assertThat(session.exchange(mvc.get().uri("/orders"))).hasStatusOk();

        assertThat(post(account.admin(), "/account/members/" + account.user().memberId() + "/deactivate"))
                .hasStatus3xxRedirection();

        MvcTestResult next = session.exchange(mvc.get().uri("/orders"));
        assertThat(next).hasStatus3xxRedirection().hasRedirectedUrl("/login?ended");
        assertThat(!session.isLive()).isTrue();
        assertThat(signIn(account.user().email(), "secret", browsers.newVisitor()))
                .hasRedirectedUrl("/login?error");
        assertThat(body(get(account.admin(), "/account/members"))).contains(">Deactivated<");
        assertThat(trail()).extracting(AuditRecord::getAction).contains(AuditAction.MEMBER_DEACTIVATED);
    }

    @Test
    void theLastActiveAdministratorIsNeitherDemotedNorDeactivated_M1() {
        MvcTestResult demote =
                post(account.admin(), "/account/members/" + account.admin().memberId() + "/role", "role", "user");
        MvcTestResult deactivate =
                post(account.admin(), "/account/members/" + account.admin().memberId() + "/deactivate");

        assertThat(demote).hasStatus(409);
        assertThat(body(demote)).contains(shown("members.refused.last-administrator"));
        assertThat(deactivate).hasStatus(409);
        Member admin = members.findById(account.admin().memberId()).orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(admin.isActive()).isTrue();
        assertThat(refusals(account.id()))
                .filteredOn(r -> "members.refused.last-administrator".equals(r.getDetail()))
                .extracting(AuditRecord::getAction)
                .containsExactlyInAnyOrder(AuditAction.MEMBER_ROLE_CHANGED, AuditAction.MEMBER_DEACTIVATED);
    }

    /** Two administrators demote each other at the same moment: one wins, one administrator is left. */
    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator_M1() throws Exception {
        for (int round = 0; round < 4; round++) {
            TestAccount pair = fixtures.newAccount();
            CurrentMember first = pair.admin();
            CurrentMember second = secondAdministrator(pair);
            boolean deactivate = round % 2 == 1;

            List<MvcTestResult> results = atOnce(
                    () -> deactivate
                            ? post(first, "/account/members/" + second.memberId() + "/deactivate")
                            : post(first, "/account/members/" + second.memberId() + "/role", "role", "user"),
                    () -> post(second, "/account/members/" + first.memberId() + "/role", "role", "finance_manager"));

            assertThat(results)
                    .as("round %d", round)
                    .filteredOn(r -> r.getResponse().getStatus() == 302)
                    .hasSize(1);
            assertThat(members.countByAccount_IdAndRoleAndStatus(pair.id(), Role.ADMINISTRATOR, Member.Status.ACTIVE))
                    .as("round %d", round)
                    .isEqualTo(1);
        }
    }

    @Test
    void anotherAccountsMembersAreNotFound_M1() {
        TestAccount other = fixtures.newAccount();

        assertThat(post(
                        account.admin(),
                        "/account/members/" + other.user().memberId() + "/role",
                        "role",
                        "administrator"))
                .hasStatus(404);
        assertThat(post(account.admin(), "/account/members/" + other.user().memberId() + "/deactivate"))
                .hasStatus(404);
        assertThat(post(account.admin(), "/account/members/99999999/deactivate"))
                .hasStatus(404);
        Member untouched = members.findById(other.user().memberId()).orElseThrow();
        assertThat(untouched.getRole()).isEqualTo(Role.USER);
        assertThat(untouched.isActive()).isTrue();
        assertThat(body(get(account.admin(), "/account/members")))
                .doesNotContain(other.user().email());
    }

    @Test
    void aMemberChangesItsOwnPasswordAfterGivingTheCurrentOne_M2() {
        String email = account.user().email();
        assertThat(get(account.user(), "/settings/password")).hasStatusOk();

        assertRefused(changePassword("not-it", GOOD_PASSWORD), "password.current-wrong");
        assertRefused(changePassword("secret", "short"), "password.too-short", 12);
        assertRefused(changePassword("secret", "P@ssw0rd2026!"), "password.common");
        assertRefused(changePassword("secret", "qwertyuiop123"), "password.common");
        assertRefused(changePassword("secret", "123456789012"), "password.common");
        assertRefused(changePassword("secret", email.split("@")[0] + "2026!"), "password.common");
        assertRefused(changePassword("secret", "tab\there password"), "form.control-characters");

        MvcTestResult changed = changePassword("secret", GOOD_PASSWORD);
        assertThat(changed).hasStatus3xxRedirection().hasRedirectedUrl("/settings/password");

        assertThat(signIn(email, GOOD_PASSWORD, browsers.newVisitor())).hasRedirectedUrl("/orders");
        assertThat(signIn(email, "secret", browsers.newVisitor())).hasRedirectedUrl("/login?error");
        assertThat(trail()).extracting(AuditRecord::getAction).contains(AuditAction.PASSWORD_CHANGED);
        assertThat(trail())
                .allSatisfy(r -> assertThat(String.valueOf(r.getComment()) + r.getDetail())
                        .doesNotContain(GOOD_PASSWORD));
    }

    private MvcTestResult changePassword(String current, String next) {
        return post(
                account.user(),
                "/settings/password",
                "currentPassword",
                current,
                "newPassword",
                next,
                "newPasswordConfirmation",
                next);
    }

    private void assertRefused(MvcTestResult result, String key, Object... arguments) {
        assertThat(result).hasStatus(400);
        assertThat(body(result)).contains(shown(key, arguments));
    }

    private MvcTestResult accept(String token, String password, String confirmation) {
        return mvc.post()
                .uri("/invitations/" + token)
                .param("password", password)
                .param("passwordConfirmation", confirmation)
                .with(csrf())
                .exchange();
    }

    private MvcTestResult signIn(String email, String password, BrowserSession session) {
        return session.exchange(mvc.post()
                .uri("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    private OutboxMail invitationMailTo(String email) {
        return outboxMails.findByAccountIdOrderByIdDesc(account.id(), Limit.of(50)).stream()
                .filter(m ->
                        m.getKind() == MailKind.INVITATION && m.getRecipient().equals(email))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no invitation mail to " + email));
    }

    private static String token(OutboxMail mail) {
        Matcher matcher = LINK.matcher(mail.getBody());
        assertThat(matcher.find()).as("a link in %s", mail.getBody()).isTrue();
        return matcher.group(1);
    }

    private List<AuditRecord> trail() {
        return auditRecords.findAll().stream()
                .filter(r -> account.id().equals(r.getAccountId()))
                .toList();
    }

    private CurrentMember secondAdministrator(TestAccount owner) {
        return transaction.execute(status -> {
            Account account = accounts.getReferenceById(owner.id());
            Member admin = members.save(new Member(
                    account,
                    "admin2-" + owner.tag() + "@test.example",
                    "Second admin " + owner.tag(),
                    Role.ADMINISTRATOR,
                    "{noop}secret",
                    "en",
                    clock.instant()));
            return fixtures.principal(admin);
        });
    }

    @SafeVarargs
    private List<MvcTestResult> atOnce(java.util.concurrent.Callable<MvcTestResult>... actions) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(actions.length);
        try {
            CountDownLatch ready = new CountDownLatch(actions.length);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MvcTestResult>> futures = new ArrayList<>();
            for (var action : actions) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return action.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<MvcTestResult> results = new ArrayList<>();
            for (Future<MvcTestResult> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
