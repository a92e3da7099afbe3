package com.certportal.ordering;

import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderEvents.OrderApproved;
import com.certportal.order.OrderEvents.OrderPlaced;
import com.certportal.order.OrderNumbers;
import com.certportal.order.Payment;
import com.certportal.token.HardwareToken;
import com.certportal.token.HardwareTokenRepository;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * O3, P6: a new hardware token is bought when its order is placed (at once, or when its request is
 * approved), never for a request that is rejected or withdrawn; it belongs to the account from then on.
 */
@Component
class TokenPurchases {

    private final HardwareTokenRepository tokens;
    private final OrderNumbers numbers;

    TokenPurchases(HardwareTokenRepository tokens, OrderNumbers numbers) {
        this.tokens = tokens;
        this.numbers = numbers;
    }

    @EventListener
    void on(OrderPlaced placed) {
        buyIfAsked(placed.order(), placed.at());
    }

    @EventListener
    void on(OrderApproved approved) {
        buyIfAsked(approved.order(), approved.at());
    }

    private void buyIfAsked(CertificateOrder order, Instant now) {
        Payment payment = order.getPayment();
        if (payment.buysHardwareToken()) {
            payment.attachBoughtHardwareToken(
                    tokens.save(new HardwareToken(order.getAccountId(), numbers.nextHardwareTokenSerial(), now)));
        }
    }
}
