package eventshop.events;

import java.math.BigDecimal;

/**
 * Command to the payment gateway (its request queue): authorize this amount on the card behind this token.
 * Version 2 replaced the card number by the gateway's token ({@link AuthorizePaymentV1Upcaster}).
 *
 * @param paymentToken the gateway's token; absent only in a version 1 request still in circulation
 * @param cardNumber only in version 1, which the gateway still answers; never written since version 2
 */
@Contract(type = "AuthorizePayment", version = 2)
public record AuthorizePayment(
        String paymentId, String orderId, BigDecimal amount, String currency,
        @Since(2) @MayBeAbsent(onlyWhenUpcast = true) String paymentToken,
        @Until(1) @MayBeAbsent(onlyWhenUpcast = true) String cardNumber)
        implements OrderMessage {

    public AuthorizePayment {
        if ((paymentToken == null) == (cardNumber == null)) {
            throw new IllegalArgumentException("an AuthorizePayment carries a paymentToken (version 2) or, read from "
                    + "version 1, a cardNumber: exactly one of them");
        }
    }

    /** The current version: by token (a factory: JSON-B binds a record through its one constructor). */
    public static AuthorizePayment byToken(String paymentId, String orderId, BigDecimal amount, String currency,
            String paymentToken) {
        return new AuthorizePayment(paymentId, orderId, amount, currency, paymentToken, null);
    }
}
