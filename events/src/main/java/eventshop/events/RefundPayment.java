package eventshop.events;

import java.math.BigDecimal;

/**
 * Command to the payment gateway: give back (part of) an authorized payment.
 *
 * @param gatewayReference the authorization's reference, when the gateway gave one
 */
@Contract(type = "RefundPayment", version = 1)
public record RefundPayment(
        String refundId,
        String paymentId,
        String orderId,
        BigDecimal amount,
        String currency,
        @MayBeAbsent String gatewayReference) implements OrderMessage {
}
