package eventshop.orders.api;

import eventshop.api.Ids;
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

/**
 * The body of POST /api/orders: {"customerId", "items": [{"sku", "quantity"}], "payment": {"cardNumber"}}.
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

    public static class Payment {

        @NotNull(message = "is required")
        @Pattern(regexp = "\\d{13,19}", message = "must be 13 to 19 digits")
        public String cardNumber;

        public Payment() {
        }

        public Payment(String cardNumber) {
            this.cardNumber = cardNumber;
        }

        public String cardNumber() {
            return cardNumber;
        }
    }
}
