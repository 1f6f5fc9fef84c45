package eventshop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eventshop.orders.api.PlaceOrderRequest;
import eventshop.ops.api.ReplayRequest;
import eventshop.warehouse.api.ProductChange;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void readsAWellTypedOrder() {
        PlaceOrderRequest order = StrictJson.read("{\"customerId\":\"c\",\"items\":[{\"sku\":\"MUG\",\"quantity\":2.0}],"
                + "\"payment\":{\"cardNumber\":\"4242424242424242\"},\"unknown\":[1]}", PlaceOrderRequest.class);

        assertThat(order.customerId()).isEqualTo("c");
        assertThat(order.items).hasSize(1);
        assertThat(order.items.get(0).quantity).isEqualTo(2);
        assertThat(order.payment().cardNumber).isEqualTo("4242424242424242");
    }

    @Test
    void namesEveryValueOfTheWrongTypeWithItsPath() {
        assertThat(errors("{\"customerId\":42,\"items\":[{\"sku\":\"MUG\",\"quantity\":1.5},{\"sku\":[\"a\"],\"quantity\":\"2\"}],"
                + "\"payment\":{\"cardNumber\":4242424242424242}}", PlaceOrderRequest.class))
                .containsExactly(
                        "customerId: must be a string, not a number",
                        "items[0].quantity: must be a whole number, not 1.5",
                        "items[1].sku: must be a string, not an array",
                        "items[1].quantity: must be a whole number, not a string",
                        "payment.cardNumber: must be a string, not a number");
    }

    @Test
    void aNumberOutOfRangeIsTooLargeNotWrappedAround() {
        assertThat(errors("{\"items\":[{\"quantity\":4294967297}]}", PlaceOrderRequest.class))
                .containsExactly("items[0].quantity: is too large: must be a whole number at most 2147483647");
        assertThat(errors("{\"items\":[{\"quantity\":-1e999999999}]}", PlaceOrderRequest.class))
                .containsExactly("items[0].quantity: is too small: must be a whole number at least -2147483648");
        assertThat(errors("{\"fromPosition\":1e30,\"dryRun\":true}", ReplayRequest.class)).singleElement().asString()
                .startsWith("fromPosition: is too large");
    }

    @Test
    void refusesControlCharactersAndBrokenText() {
        assertThat(errors("{\"customerId\":\"a\\u0000b\",\"items\":[{\"sku\":\"\\ud800\"}]}", PlaceOrderRequest.class))
                .containsExactly("customerId: must not contain control characters (found U+0000 at position 1)",
                        "items[0].sku: must be valid Unicode text (an unpaired surrogate at position 0)");
        assertThat(StrictJson.read("{\"name\":\"Zoë 😀\",\"price\":1,\"stockOnHand\":0}", ProductChange.class).name())
                .isEqualTo("Zoë 😀");
    }

    @Test
    void booleansAndObjectsAreWhatTheySay() {
        assertThat(errors("{\"service\":\"orders\",\"dryRun\":\"false\"}", ReplayRequest.class))
                .containsExactly("dryRun: must be true or false, not a string");
        assertThat(errors("{\"payment\":\"4242\",\"items\":{}}", PlaceOrderRequest.class))
                .containsExactly("items: must be an array, not an object", "payment: must be an object, not a string");
        assertThat(errors("[1]", PlaceOrderRequest.class)).containsExactly("body: must be an object, not an array");
    }

    @Test
    void notJsonADuplicateKeyAndAnEmptyBody() {
        assertThat(errors("{not json", PlaceOrderRequest.class)).singleElement().asString().startsWith("body: is not valid JSON");
        assertThat(errors("{\"customerId\":\"a\",\"customerId\":\"b\"}", PlaceOrderRequest.class))
                .singleElement().asString().startsWith("body: is not valid JSON");
        assertThat(StrictJson.read(" ", PlaceOrderRequest.class)).isNull();
    }

    @Test
    void nullAndMissingLeaveTheFieldNullForValidationToJudge() {
        ProductChange change = StrictJson.read("{\"name\":null,\"price\":12.50}", ProductChange.class);

        assertThat(change.name()).isNull();
        assertThat(change.price()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(change.stockOnHand()).isNull();
    }

    private static List<String> errors(String json, Class<?> type) {
        UnreadableBody refused = catchThrowableOfType(UnreadableBody.class, () -> StrictJson.read(json, type));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.problem().status()).isEqualTo(400);
        return refused.errors().stream().map(error -> error.field() + ": " + error.message()).toList();
    }
}
