package eventshop.events;

import static eventshop.events.Wire.assertRejected;
import static eventshop.events.Wire.edit;
import static eventshop.events.Wire.json;
import static eventshop.events.Wire.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a consumer accepts of a current-version payload: unknown fields yes, missing required ones no. */
class PayloadCheckTest {

    private static final PaymentAuthorizationResult DECLINED =
            new PaymentAuthorizationResult("p-1", "o-1", false, "card declined", null);

    @Test
    void unknownFieldsAreIgnoredAlsoInNestedRecords() {
        String json = edit(json(Samples.ORDER_PLACED), "\"orderId\":", "\"giftWrap\":true,\"orderId\":");
        json = edit(json, "\"sku\":\"MUG-1\"", "\"sku\":\"MUG-1\",\"colour\":\"blue\"");

        assertThat(read(json, OrderPlaced.class)).isEqualTo(Samples.ORDER_PLACED);
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertRejected(edit(json(Samples.ORDER_PLACED), "\"cardLast4\":\"4242\",", ""),
                OrderPlaced.class, "OrderPlaced payload lacks the field 'cardLast4'");
    }

    @Test
    void orderOfACustomerTheOrdersServiceDoesNotKnowYetIsAccepted() {
        OrderPlaced anonymous = OrderPlaced.paidByToken(Samples.ORDER, Samples.CUSTOMER, null, null,
                Samples.ORDER_PLACED.lines(), Samples.ORDER_PLACED.total(), "EUR", Samples.TOKEN, "4242");

        assertThat(json(anonymous)).doesNotContain("customerName").doesNotContain("customerEmail");
        assertThat(read(json(anonymous), OrderPlaced.class)).isEqualTo(anonymous);
    }

    @Test
    void missingFieldOfANestedRecordIsNamedWithItsPath() {
        assertRejected(edit(json(Samples.ORDER_PLACED), "\"currency\":\"EUR\",\"name\":\"Tea\"", "\"name\":\"Tea\""),
                OrderPlaced.class, "'lines[1].currency'");
    }

    @Test
    void nullRequiredFieldIsRejectedLikeAMissingOne() {
        assertRejected(edit(json(DECLINED), "\"approved\":false", "\"approved\":null"),
                PaymentAuthorizationResult.class, "'approved'");
    }

    @Test
    void nullInAListIsRejected() {
        StockUnavailable event = new StockUnavailable("o-1", List.of("MUG-1", "TEA-7"), "not enough stock");

        assertRejected(edit(json(event), "[\"MUG-1\",", "[null,"), StockUnavailable.class, "'skus[0]'");
    }

    @Test
    void optionalFieldMayBeAbsent() {
        String json = json(DECLINED);

        assertThat(json).doesNotContain("gatewayReference");
        assertThat(read(json, PaymentAuthorizationResult.class)).isEqualTo(DECLINED);
    }

    @Test
    void optionalFieldMayBeNull() {
        String json = edit(json(DECLINED), "\"reason\":", "\"gatewayReference\":null,\"reason\":");

        assertThat(read(json, PaymentAuthorizationResult.class)).isEqualTo(DECLINED);
    }

    @Test
    void notificationAboutNoOrderIsAccepted() {
        SendNotification welcome = new SendNotification("n-1", null, "c-1", "ada@example.org", "Welcome", "Hi", "Hello");

        assertThat(read(json(welcome), SendNotification.class)).isEqualTo(welcome);
    }
}
