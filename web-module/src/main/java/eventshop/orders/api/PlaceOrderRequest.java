package eventshop.orders.api;

import eventshop.api.Ids;
import eventshop.api.Problem;
import eventshop.events.CardNumbers;
import eventshop.orders.control.PaymentMethod;
import eventshop.orders.control.RequestedItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /api/orders: {"customerId", "items": [{"sku", "quantity"}], "payment": {"token"}} (or, from
 * clients written before tokens, "payment": {"cardNumber"}).
 * Numbers are boxed so that a missing one is reported as missing, not taken for 0.
 *
 * <p>Classes with constrained fields, not records: Payara 6.2025.9's OpenAPI generator fails on a
 * constraint it finds on a constructor parameter, which is where records put their components' ones.
 */
public class PlaceOrderRequest {

    @NotNull(message = "is required")
    @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE)
    public String customerId;

    @NotEmpty(message = "must name at least one item")
    @Size(max = 50, message = "must name at most 50 items")
    public List<@NotNull(message = "must be an item, not null") @Valid Item> items;

    @NotNull(message = "is required")
    @Valid
    public Payment payment;

    public PlaceOrderRequest() {
    }

    public PlaceOrderRequest(String customerId, List<Item> items, Payment payment) {
        this.customerId = customerId;
        this.items = items;
        this.payment = payment;
    }

    public String customerId() {
        return customerId;
    }

    public Payment payment() {
        return payment;
    }

    /** The items as the orders service takes them; call only on a valid request. */
    List<RequestedItem> requestedItems() {
        return items.stream().map(item -> new RequestedItem(item.sku, item.quantity)).toList();
    }

    public static class Item {

        @NotBlank(message = "is required")
        @Size(max = 64, message = "must be at most 64 characters")
        public String sku;

        @NotNull(message = "is required")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 999, message = "must be at most 999")
        public Integer quantity;

        public Item() {
        }

        public Item(String sku, Integer quantity) {
            this.sku = sku;
            this.quantity = quantity;
        }
    }

    /**
     * A token or a card number, exactly one. Their form is checked by {@link #problems()} (422), not by
     * constraints (400): a well-formed request whose payment the shop cannot take.
     */
    @Schema(description = "How the order is paid: the card gateway's token (\"token\", from POST /tokens of the gateway), "
            + "or, for clients written before tokens, the card number itself (\"cardNumber\"), which the orders service "
            + "exchanges for a token at the gateway before it stores or publishes anything. Exactly one of the two.")
    public static class Payment {

        /** The gateway's tokens: tok_ and 16 to 64 URL-safe characters. */
        static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("tok_[A-Za-z0-9_-]{16,64}");

        @Schema(description = "The card gateway's token for the card (tok_...): what a client sends now. A token the "
                + "gateway did not issue, or that paid for another order, is refused with 422 naming payment.token.",
                example = "tok_3nTQ0b4b2H9nq8WQe1k3yBzQ7sVYw5cC")
        @Size(max = 100, message = "must be at most 100 characters")
        public String token;

        @Schema(description = "Deprecated: the card number (13 to 19 digits passing the Luhn check), still accepted. "
                + "It is exchanged for a token at the card gateway before the order is stored; no table, event or log of "
                + "EventShop keeps it (only its last four digits). 503 when the gateway does not answer.",
                deprecated = true, example = "4242424242424242")
        @Size(max = 100, message = "must be at most 100 characters")
        public String cardNumber;

        public Payment() {
        }

        public Payment(String token, String cardNumber) {
            this.token = token;
            this.cardNumber = cardNumber;
        }

        /** Never the number (a request that is logged would print it). */
        @Override
        public String toString() {
            return "Payment[" + (token != null ? "token" : "") + (cardNumber != null ? " cardNumber ****" : "") + "]";
        }

        /** What the shop cannot take (422), each field named: both or neither, a bad card number or token. */
        List<Problem.FieldError> problems() {
            if ((token == null) == (cardNumber == null)) {
                return List.of(new Problem.FieldError("payment", token == null
                        ? "needs a token (or, from older clients, a cardNumber)"
                        : "takes a token or a cardNumber, not both"));
            }
            if (cardNumber != null && !CardNumbers.isValid(cardNumber)) {
                return List.of(new Problem.FieldError("payment.cardNumber",
                        "must be a card number: 13 to 19 digits that pass the Luhn check"));
            }
            if (token != null && !TOKEN.matcher(token).matches()) {
                return List.of(new Problem.FieldError("payment.token",
                        "must be a token of the card gateway: tok_ and 16 to 64 letters, digits, - or _"));
            }
            return List.of();
        }

        PaymentMethod method() {
            return token != null ? PaymentMethod.token(token) : PaymentMethod.cardNumber(cardNumber);
        }
    }
}
