package eventshop.events;

import java.math.BigDecimal;

/** Command to the payment gateway (its request queue): authorize this amount on this card. */
@Contract(type = "AuthorizePayment", version = 1)
public record AuthorizePayment(
        String paymentId, String orderId, BigDecimal amount, String currency, String cardNumber)
        implements OrderMessage {
}
