package eventshop.events;

/**
 * Work item on the notifications send queue: e-mail this message to a customer.
 *
 * @param orderId the order it is about; absent for a message about no order
 * @param kind what the message is about (for example {@code "OrderPlaced"}), for filtering and display
 */
@Contract(type = "SendNotification", version = 1)
public record SendNotification(
        String notificationId,
        @MayBeAbsent String orderId,
        String customerId,
        String email,
        String kind,
        String subject,
        String body) implements OrderMessage {

    /** A message about no order is still grouped, by its customer, so that one customer's mail stays in order. */
    @Override
    public String correlationKey() {
        return orderId != null ? orderId : customerId;
    }
}
