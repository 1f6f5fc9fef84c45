package eventshop.events;

import java.math.BigDecimal;

/** A taken payment was given back (a compensation: out of stock, or cancelled by the customer). */
@Contract(type = "PaymentRefunded", version = 1)
public record PaymentRefunded(
        String orderId, String paymentId, String refundId, BigDecimal amount, String currency, String reason)
        implements OrderMessage {
}
