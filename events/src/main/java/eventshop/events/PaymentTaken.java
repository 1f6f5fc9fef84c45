package eventshop.events;

import java.math.BigDecimal;

/** The gateway authorized the order's payment; the warehouse may now reserve and ship. */
@Contract(type = "PaymentTaken", version = 1)
public record PaymentTaken(String orderId, String paymentId, BigDecimal amount, String currency)
        implements OrderMessage {
}
