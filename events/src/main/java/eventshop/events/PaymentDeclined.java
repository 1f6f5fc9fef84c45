package eventshop.events;

/** The gateway refused the order's payment, or did not answer in time; the order is rejected. */
@Contract(type = "PaymentDeclined", version = 1)
public record PaymentDeclined(String orderId, String paymentId, String reason) implements OrderMessage {
}
