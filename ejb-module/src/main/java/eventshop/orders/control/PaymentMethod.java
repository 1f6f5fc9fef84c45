package eventshop.orders.control;

/**
 * How a client pays for an order: the card gateway's token (what clients send now), or, from clients written
 * before tokens, the card number itself, which the orders service exchanges for a token at the gateway
 * before it stores or publishes anything. Exactly one of the two; the API checked their form.
 */
public record PaymentMethod(String token, String cardNumber) {

    public PaymentMethod {
        if ((token == null) == (cardNumber == null)) {
            throw new IllegalArgumentException("a payment is a token or a card number");
        }
    }

    public static PaymentMethod token(String token) {
        return new PaymentMethod(token, null);
    }

    public static PaymentMethod cardNumber(String cardNumber) {
        return new PaymentMethod(null, cardNumber);
    }

    /** Never the number: a record's toString would print it into whatever logs the request. */
    @Override
    public String toString() {
        return token != null ? "PaymentMethod[token]" : "PaymentMethod[cardNumber ****]";
    }
}
