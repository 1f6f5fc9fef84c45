package eventshop.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * A customer placed an order; it is priced and stored, and waits for payment.
 *
 * <p>Carries the customer's name and e-mail and the card number so that customers, notifications and
 * payments can act without calling the orders service. Version 2 added {@code currency} to the order
 * and to its lines; {@link OrderPlacedV1Upcaster} reads version 1.
 *
 * <p>The customer's name and e-mail are {@link MayBeAbsent}: orders knows them only from a
 * CustomerRegistered event it has already received, and an order may come first (a customer the
 * customers service learns about from this very event, or a registration still on its way).
 */
@Contract(type = "OrderPlaced", version = 2)
public record OrderPlaced(
        String orderId,
        String customerId,
        @MayBeAbsent String customerName,
        @MayBeAbsent String customerEmail,
        List<PlacedLine> lines,
        BigDecimal total,
        @Since(2) String currency,
        String cardNumber) implements OrderMessage {

    public OrderPlaced {
        lines = List.copyOf(lines); // events are facts: nobody may change them after the fact
    }
}
