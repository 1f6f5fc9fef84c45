package eventshop.orders.api;

import static org.assertj.core.api.Assertions.assertThat;

import eventshop.orders.control.RequestedItem;
import eventshop.orders.entity.OrderStatus;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OrdersResourceTest {

    private static final Pattern STATUS = Pattern.compile(OrdersQuery.STATUS_PATTERN);

    @Test
    void statusFilterAcceptsEveryStatusAndBlank() {
        assertThat(Arrays.stream(OrderStatus.values()).map(Enum::name)).allMatch(name -> STATUS.matcher(name).matches());
        assertThat(STATUS.matcher("").matches()).isTrue();
    }

    @Test
    void statusFilterRefusesAnythingElse() {
        assertThat(List.of("paid", "SHIPPING", "PAID,SHIPPED", " PAID", "PLACEDPAID"))
                .noneMatch(value -> STATUS.matcher(value).matches());
    }

    @Test
    void requestItemsAreHandedOnInTheirOrder() {
        PlaceOrderRequest request = new PlaceOrderRequest("c-1",
                List.of(new PlaceOrderRequest.Item("MUG-1", 2), new PlaceOrderRequest.Item("TEA-7", 1)),
                new PlaceOrderRequest.Payment(null, "4242424242424242"));

        assertThat(request.requestedItems()).containsExactly(new RequestedItem("MUG-1", 2), new RequestedItem("TEA-7", 1));
    }

    @Test
    void aPaymentIsATokenOrACardNumberOfTheRightForm() {
        assertThat(fields(new PlaceOrderRequest.Payment("tok_abcdefghijklmnopqrstuvwx", null))).isEmpty();
        assertThat(fields(new PlaceOrderRequest.Payment(null, "4242424242424242"))).isEmpty();
        assertThat(fields(new PlaceOrderRequest.Payment(null, null))).containsExactly("payment");
        assertThat(fields(new PlaceOrderRequest.Payment("tok_abcdefghijklmnopqrstuvwx", "4242424242424242"))).containsExactly("payment");
        assertThat(fields(new PlaceOrderRequest.Payment(null, "4242424242424241"))).as("Luhn").containsExactly("payment.cardNumber");
        assertThat(fields(new PlaceOrderRequest.Payment(null, "424242424242"))).as("12 digits").containsExactly("payment.cardNumber");
        assertThat(fields(new PlaceOrderRequest.Payment("4242424242424242", null))).containsExactly("payment.token");
        assertThat(new PlaceOrderRequest.Payment(null, "4242424242424242").toString()).doesNotContain("4242");
    }

    private static List<String> fields(PlaceOrderRequest.Payment payment) {
        return payment.problems().stream().map(eventshop.api.Problem.FieldError::field).toList();
    }
}
