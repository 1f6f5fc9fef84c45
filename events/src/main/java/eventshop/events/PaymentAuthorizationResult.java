package eventshop.events;

/**
 * The gateway's reply to {@link AuthorizePayment} (on its reply queue).
 *
 * @param reason why it declined; absent when approved
 * @param gatewayReference the gateway's id of the authorization, needed to refund it; absent when
 *     declined
 */
@Contract(type = "PaymentAuthorizationResult", version = 1)
public record PaymentAuthorizationResult(
        String paymentId,
        String orderId,
        boolean approved,
        @MayBeAbsent String reason,
        @MayBeAbsent String gatewayReference) implements OrderMessage {
}
