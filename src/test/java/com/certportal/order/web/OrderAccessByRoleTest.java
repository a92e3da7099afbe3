package com.certportal.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.account.CurrentMember;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderListPage;
import com.certportal.order.OrderSearch;
import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Roles on the demo data (read only): a user sees the orders it requested, an administrator and a
 * finance manager see their account's, nobody sees another account's; and an order one may not see is
 * answered exactly like an order that does not exist (404), on the list's quick view, the quick-view
 * fragment and the detail page (L3, L4, Roles).
 */
class OrderAccessByRoleTest extends PostgresIntegrationTest {

    private static final String USER = "user@example.com";
    private static final String ADMIN = "admin@example.com";
    private static final String FINANCE = "finance@example.com";
    private static final String OTHER_ADMIN = "admin@other.example";

    /** The demo's named scenarios (DemoDataLoader), by requester. */
    private static final Set<String> REQUESTED_BY_USER = Set.of(
            "duplicated.example.com",
            "pending-ov.example.com",
            "pending-dv-voucher.example.com",
            "issued-10d-voucher.example.com",
            "issued-29d-card.example.com",
            "issued-31d-voucher.example.com",
            "codesign-7d-token.example.com",
            "docsign-2d.example.com",
            "canceled.example.com",
            "canceled-codesign.example.com",
            "request-waiting.example.com",
            "licences-voucher.example.com",
            "expires-29d.example.com",
            "expired-8d.example.com");

    private static final Set<String> REQUESTED_BY_ADMIN = Set.of(
            "issued-45d-card.example.com",
            "issued-5d-bank-paid.example.com",
            "issued-3d-unit.example.com",
            "evcodesign-4d-token.example.com",
            "private-20d.example.internal",
            "reissued-8d.example.com",
            "renamed-cn.example.com",
            "revoked-60d.example.com",
            "dcv-email.example.com",
            "ov-pending.example.com",
            "renewed-pair.example.com",
            "expires-6d.example.com");

    private static final Set<String> OTHER_CORP = Set.of("other-issued.example.org", "other-pending.example.org");

    /** The demo's 48 filler orders are "host-NN.domain", every third one requested by the administrator. */
    private static final String[] FILLER_HOSTS = {
        "shop", "api", "mail", "portal", "intranet", "cdn", "auth", "billing", "docs", "status", "vpn", "git"
    };

    private static final Pattern FILLER = Pattern.compile("^([a-z]+)-(\\d{2})\\.");

    private static final String NONEXISTENT = "99999999";

    @Autowired
    private OrderFinder finder;

    @Test
    void aUserSeesExactlyTheOrdersItRequested() {
        List<CertificateOrder> listed = listAll(USER);

        assertThat(listed)
                .hasSize(46)
                .allSatisfy(o -> assertThat(o.getRequester().getEmail()).isEqualTo(USER));
        assertThat(commonNames(listed)).containsAll(REQUESTED_BY_USER).doesNotContainAnyElementsOf(REQUESTED_BY_ADMIN);
        assertThat(fillerNumbers(listed)).isEqualTo(fillerNumbersRequestedBy(USER));
    }

    @Test
    void anAdministratorSeesEveryOrderOfItsAccount() {
        assertSeesWholeExampleCorpAccount(ADMIN);
    }

    @Test
    void aFinanceManagerSeesEveryOrderOfItsAccount() {
        assertSeesWholeExampleCorpAccount(FINANCE);
    }

    @Test
    void anotherAccountsAdministratorSeesOnlyItsOwnTwoOrders() {
        List<CertificateOrder> listed = listAll(OTHER_ADMIN);

        assertThat(commonNames(listed)).containsExactlyInAnyOrderElementsOf(OTHER_CORP);
        assertThat(listed).hasSize(2);
    }

    @Test
    void theListPageShowsTheSameRowsAsItsModelNewestFirst() {
        MvcTestResult result = get("/orders?size=100", USER);
        OrderListPage page = listedIn(result);

        assertThat(Pages.orderRows(Pages.body(result)))
                .containsExactlyElementsOf(page.orders().stream()
                        .map(CertificateOrder::getOrderNumber)
                        .toList());
        assertThat(page.orders())
                .extracting(CertificateOrder::getCreatedAt)
                .isSortedAccordingTo(Comparator.reverseOrder());
        // The demo's named scenarios are its newest orders, so they head the list, by placement time;
        // canceled and docsign-2d were placed at the same instant, and the later one comes first.
        assertThat(page.orders().subList(0, 10))
                .extracting(CertificateOrder::getCommonName)
                .containsExactly(
                        "request-waiting.example.com",
                        "pending-dv-voucher.example.com",
                        "pending-ov.example.com",
                        "canceled-codesign.example.com",
                        "canceled.example.com",
                        "docsign-2d.example.com",
                        "codesign-7d-token.example.com",
                        "issued-10d-voucher.example.com",
                        "licences-voucher.example.com",
                        "duplicated.example.com");
    }

    @Test
    void eachRoleOpensTheDetailOfAnOrderItMaySee() {
        String usersOrder = number(ADMIN, "issued-10d-voucher.example.com");
        String adminsOrder = number(ADMIN, "issued-45d-card.example.com");

        for (String member : List.of(USER, ADMIN, FINANCE)) {
            assertDetailShows(member, usersOrder, "issued-10d-voucher.example.com");
        }
        assertDetailShows(ADMIN, adminsOrder, "issued-45d-card.example.com");
        assertDetailShows(FINANCE, adminsOrder, "issued-45d-card.example.com");
        assertDetailShows(OTHER_ADMIN, number(OTHER_ADMIN, "other-issued.example.org"), "other-issued.example.org");
    }

    /** Not requested by this user, another account's, and nonexistent: one and the same 404. */
    @Test
    void anOrderAUserMayNotSeeIsAnsweredExactlyLikeANonexistentOne() {
        String notRequested = number(ADMIN, "issued-45d-card.example.com");
        String otherAccount = number(OTHER_ADMIN, "other-issued.example.org");

        assertSameNotFoundEverywhere(USER, notRequested, otherAccount, NONEXISTENT);
    }

    @Test
    void anotherAccountsOrderIsAnsweredExactlyLikeANonexistentOneForEveryRole() {
        String otherAccount = number(OTHER_ADMIN, "other-issued.example.org");
        String exampleCorp = number(ADMIN, "issued-10d-voucher.example.com");

        assertSameNotFoundEverywhere(ADMIN, otherAccount, NONEXISTENT);
        assertSameNotFoundEverywhere(FINANCE, otherAccount, NONEXISTENT);
        assertSameNotFoundEverywhere(OTHER_ADMIN, exampleCorp, NONEXISTENT);
    }

    /** L3: the quick view opens beside the list, which stays on the page it was showing. */
    @Test
    void theQuickViewOpensBesideTheListThatStaysWhereItWas() {
        String order = number(ADMIN, "reissued-8d.example.com");

        String secondPage = Pages.links(Pages.body(get("/orders?size=10", ADMIN)), "rel=\"next\"")
                .get(0);
        String page = Pages.body(get(secondPage + "&view=" + order, ADMIN));
        String withoutPanel = Pages.body(get(secondPage, ADMIN));

        assertThat(page).contains("id=\"quick-view\"").contains("data-order=\"" + order + "\"");
        assertThat(Pages.main(page)).contains("reissued-8d.example.com", "shop.reissued-8d.example.com");
        assertThat(Pages.orderRows(page)).hasSize(10).isEqualTo(Pages.orderRows(withoutPanel));
        assertThat(Pages.links(page, "data-quick-view-close")).containsExactly(secondPage);
    }

    /** L3 with JavaScript: the fragment alone, without the layout. */
    @Test
    void theQuickViewFragmentIsThePanelAlone() {
        String order = number(ADMIN, "issued-29d-card.example.com");

        MvcTestResult result = get("/orders/" + order + "/quick-view?status=issued", USER);

        assertThat(result).hasStatusOk();
        String fragment = Pages.body(result).strip();
        assertThat(fragment).startsWith("<aside").endsWith("</aside>").doesNotContain("<html", "<main");
        assertThat(fragment).contains("issued-29d-card.example.com", "user@example.com", "/orders/" + order);
        assertThat(Pages.links(fragment, "data-quick-view-close")).containsExactly("/orders?status=issued");
    }

    private void assertSeesWholeExampleCorpAccount(String email) {
        List<CertificateOrder> listed = listAll(email);

        assertThat(listed).hasSize(75);
        assertThat(commonNames(listed)).containsAll(REQUESTED_BY_USER).containsAll(REQUESTED_BY_ADMIN);
        assertThat(commonNames(listed)).doesNotContainAnyElementsOf(OTHER_CORP);
        assertThat(listed).extracting(o -> o.getRequester().getEmail()).containsOnly(USER, ADMIN);
        assertThat(fillerNumbers(listed)).hasSize(48);
        for (CertificateOrder order : listed) {
            fillerNumber(order)
                    .ifPresent(n -> assertThat(order.getRequester().getEmail())
                            .as("filler %d", n)
                            .isEqualTo(n % 3 == 0 ? ADMIN : USER));
        }
    }

    private void assertDetailShows(String member, String orderNumber, String commonName) {
        MvcTestResult result = get("/orders/" + orderNumber, member);

        assertThat(result).as("%s opens %s", member, orderNumber).hasStatusOk();
        assertThat(Pages.main(Pages.body(result))).contains(orderNumber, commonName);
    }

    private void assertSameNotFoundEverywhere(String member, String... orderNumbers) {
        List<String> pages = new ArrayList<>();
        for (String orderNumber : orderNumbers) {
            for (String uri : List.of(
                    "/orders/" + orderNumber,
                    "/orders/" + orderNumber + "/quick-view",
                    "/orders?view=" + orderNumber)) {
                MvcTestResult result = get(uri, member);
                assertThat(result).as("%s GET %s", member, uri).hasStatus(404);
                String page = Pages.body(result);
                assertThat(Pages.title(page)).isEqualTo("Not found | CertPortal");
                assertThat(page).doesNotContain("Exception", "at com.certportal");
                pages.add(Pages.main(page));
            }
        }
        assertThat(pages).as("one and the same 404 page").containsOnly(pages.get(0));
        assertThat(pages.get(0)).contains("There is no such page or order, or it is not available to you.");
    }

    private MvcTestResult get(String uri, String email) {
        return mvc.get().uri(uri).with(user(fixtures.principal(email))).exchange();
    }

    private List<CertificateOrder> listAll(String email) {
        MvcTestResult result = get("/orders?size=100", email);
        assertThat(result).hasStatusOk();
        OrderListPage page = listedIn(result);
        assertThat(page.hasNext()).isFalse();
        assertThat(Pages.orderRows(Pages.body(result))).hasSize(page.orders().size());
        return page.orders();
    }

    @SuppressWarnings("unchecked")
    private static OrderListPage listedIn(MvcTestResult result) {
        return (OrderListPage)
                result.getMvcResult().getModelAndView().getModel().get("orders");
    }

    private String number(String seenBy, String commonName) {
        CurrentMember member = fixtures.principal(seenBy);
        List<CertificateOrder> found =
                finder.search(OrderSearch.of(Optional.empty(), Optional.of(commonName), 10), member).orders().stream()
                        .filter(o -> o.getCommonName().equals(commonName))
                        .toList();
        assertThat(found).as(commonName).hasSize(1);
        return found.get(0).getOrderNumber();
    }

    private static Set<String> commonNames(List<CertificateOrder> orders) {
        return orders.stream().map(CertificateOrder::getCommonName).collect(Collectors.toSet());
    }

    private static Set<Integer> fillerNumbers(List<CertificateOrder> orders) {
        return orders.stream()
                .map(OrderAccessByRoleTest::fillerNumber)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private static Set<Integer> fillerNumbersRequestedBy(String email) {
        return IntStream.rangeClosed(1, 48)
                .filter(i -> (i % 3 == 0) == email.equals(ADMIN))
                .boxed()
                .collect(Collectors.toSet());
    }

    /** The filler index of a demo order, if it is one: "api-13.example.net" is filler 13. */
    private static Optional<Integer> fillerNumber(CertificateOrder order) {
        Matcher m = FILLER.matcher(order.getCommonName());
        if (!m.find()) {
            return Optional.empty();
        }
        int i = Integer.parseInt(m.group(2));
        return FILLER_HOSTS[i % FILLER_HOSTS.length].equals(m.group(1)) ? Optional.of(i) : Optional.empty();
    }
}
