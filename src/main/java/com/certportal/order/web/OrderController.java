package com.certportal.order.web;

import com.certportal.account.CurrentMember;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderStatus;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** L1-L4: the order list with its quick view, and the bookmarkable order page. */
@Controller
class OrderController {

    private final OrderFinder orders;
    private final OrderPages pages;

    OrderController(OrderFinder orders, OrderPages pages) {
        this.orders = orders;
        this.pages = pages;
    }

    @GetMapping("/orders")
    String list(
            @ModelAttribute("params") OrderListParams params,
            @AuthenticationPrincipal CurrentMember member,
            Model model) {
        Page<CertificateOrder> page = orders.search(params.checked().toSearch(), member);
        model.addAttribute("orders", page);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("pageSizes", OrderListParams.PAGE_SIZES);
        if (params.view() != null) {
            pages.summary(orders.get(params.view(), member), member, model, "quickView");
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
        pages.summary(orders.get(OrderPages.wellFormed(orderNumber), member), member, model, "quickView");
        return "orders/quick-view :: panel";
    }

    @GetMapping("/orders/{orderNumber}")
    String detail(@PathVariable String orderNumber, @AuthenticationPrincipal CurrentMember member, Model model) {
        pages.detail(orders.get(OrderPages.wellFormed(orderNumber), member), member, model);
        return "orders/detail";
    }
}
