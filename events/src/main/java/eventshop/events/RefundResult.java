package eventshop.events;

/**
 * The gateway's reply to {@link RefundPayment}.
 *
 * @param reason why it refused; absent when approved
 */
@Contract(type = "RefundResult", version = 1)
public record RefundResult(String refundId, String paymentId, String orderId, boolean approved, @MayBeAbsent String reason)
        implements OrderMessage {
}
