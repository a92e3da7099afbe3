package com.certportal.orderpage;

import com.certportal.account.CurrentMember;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderNumbers;
import com.certportal.order.OrderSort;
import com.certportal.order.OrderStatus;
import com.certportal.order.web.OrderListParams;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** L1-L4: the order list with its quick view, and the bookmarkable order page. */
@Controller
class OrderPageController {

    private final OrderFinder orders;
    private final OrderPageAssembler pages;

    OrderPageController(OrderFinder orders, OrderPageAssembler pages) {
        this.orders = orders;
        this.pages = pages;
    }

    @GetMapping("/orders")
    String list(
            @ModelAttribute("params") OrderListParams params,
            @AuthenticationPrincipal CurrentMember member,
            Model model) {
        model.addAttribute("orders", orders.search(params.checked().toSearch(), member));
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("pageSizes", OrderListParams.PAGE_SIZES);
        model.addAttribute("sorts", OrderSort.values());
        model.addAttribute("expiringWithin", OrderListParams.EXPIRING_WITHIN);
        if (params.view() != null) {
            model.addAttribute("quickView", pages.summary(params.view(), member));
        }
        return "orders/list";
    }

    /** L3 with JavaScript: the same panel as `?view=`, fetched and opened in place. */
    @GetMapping("/orders/{orderNumber}/quick-view")
    String quickView(
            @PathVariable String orderNumber,
            @ModelAttribute("params") OrderListParams params,
            @AuthenticationPrincipal CurrentMember member,
            Model model) {
        params.checked();
        model.addAttribute("quickView", pages.summary(OrderNumbers.wellFormed(orderNumber), member));
        return "orders/quick-view :: panel";
    }

    @GetMapping("/orders/{orderNumber}")
    String detail(@PathVariable String orderNumber, @AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("page", pages.detail(OrderNumbers.wellFormed(orderNumber), member));
        return "orders/detail";
    }
}
