package eventshop.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * A customer placed an order; it is priced and stored, and waits for payment.
 *
 * <p>Carries the customer's name and e-mail so that customers, notifications and payments can act without
 * calling the orders service, and the payment as the gateway's token with the card's last four digits.
 * Version 2 added {@code currency} to the order and to its lines ({@link OrderPlacedV1Upcaster}). Version 3
 * replaced the card number by {@code paymentToken} and {@code cardLast4}: a card number must reach the
 * gateway and nothing else that stores or broadcasts ({@link OrderPlacedV2Upcaster}).
 *
 * <p>The customer's name and e-mail are {@link MayBeAbsent}: orders knows them only from a
 * CustomerRegistered event it has already received, and an order may come first (a customer the
 * customers service learns about from this very event, or a registration still on its way).
 *
 * @param paymentToken the gateway's token for the card; absent only in an older version upcast, which holds
 *     {@code cardNumber} instead (payments exchanges it for a token at once)
 * @param cardNumber only in versions 1 and 2, still read from old messages; never written since version 3
 */
@Contract(type = "OrderPlaced", version = 3)
public record OrderPlaced(
        String orderId,
        String customerId,
        @MayBeAbsent String customerName,
        @MayBeAbsent String customerEmail,
        List<PlacedLine> lines,
        BigDecimal total,
        @Since(2) String currency,
        @Since(3) @MayBeAbsent(onlyWhenUpcast = true) String paymentToken,
        @Since(3) String cardLast4,
        @Until(2) @MayBeAbsent(onlyWhenUpcast = true) String cardNumber) implements OrderMessage {

    public OrderPlaced {
        lines = List.copyOf(lines); // events are facts: nobody may change them after the fact
        if ((paymentToken == null) == (cardNumber == null)) {
            throw new IllegalArgumentException("an OrderPlaced carries a paymentToken (version 3) or, read from an "
                    + "older version, a cardNumber: exactly one of them");
        }
    }

    /**
     * The current version: paid by the gateway's token, no card number. A factory, not a second constructor:
     * JSON-B binds a record through its one constructor.
     */
    public static OrderPlaced paidByToken(String orderId, String customerId, String customerName, String customerEmail,
            List<PlacedLine> lines, BigDecimal total, String currency, String paymentToken, String cardLast4) {
        return new OrderPlaced(orderId, customerId, customerName, customerEmail, lines, total, currency, paymentToken,
                cardLast4, null);
    }
}
