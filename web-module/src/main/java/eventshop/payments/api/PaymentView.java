package eventshop.payments.api;

import eventshop.payments.entity.Payment;
import java.math.BigDecimal;

/**
 * A payment of an order as the API shows it: the card by its last four digits only, and its refund.
 * Like every answer of the API, a null field is left out: no refund means no {@code refund} field, so
 * that a client reading it as an object gets null instead of a JSON null it cannot cast.
 *
 * @param reason why it was declined, or why the order was cancelled while it was pending
 */
public record PaymentView(String id, String orderId, BigDecimal amount, String currency, String status,
                          String cardLast4, String reason, RefundView refund) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment.id(), payment.orderId(), payment.amount(), payment.currency(),
                payment.status().name(), payment.cardLast4(), payment.reason(),
                payment.refund().map(RefundView::of).orElse(null));
    }
}
