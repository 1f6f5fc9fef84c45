package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Every flow of the spec through the public API only, asserting what each service did: the order's
 * terminal state and timeline, the payment and refund, the stock (on hand, reserved), the customer's
 * history and the emails the SMTP sink received. Run as a group of {@link EventShopIT}.
 */
abstract class OrderFlowTests {

    private final Shop shop = new Shop();

    @Test
    void happyPathShipsThePaidOrder() {
        Shop.Customer ada = shop.newCustomer("Ada Lovelace");
        String sku = shop.stockedProduct(new BigDecimal("12.50"), 10);

        String orderId = shop.placedOrderId(ada, sku, 2, Shop.APPROVED_CARD);

        JsonObject order = shop.awaitTerminal(orderId);
        assertThat(order.getString("status")).isEqualTo("SHIPPED");
        assertThat(order.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("25.00");
        assertThat(Shop.timeline(order)).containsExactly(
                "PLACED OrderPlaced orders", "PAID PaymentTaken payments", "SHIPPED OrderShipped warehouse");
        assertThat(shop.payments(orderId)).singleElement().satisfies(payment -> {
            assertThat(payment.getString("status")).isEqualTo("CAPTURED");
            assertThat(payment.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("25.00");
        });
        assertThat(Shop.stock(sku)).containsExactly(8, 0);
        Shop.awaitHistory(ada, orderId, "SHIPPED");
        Shop.awaitEmails(ada, "Order received", "Order shipped");
    }

    /** A client written before tokens still sends the number: the shop exchanges it, and the flows are the same. */
    @Test
    void anOrderPaidByTheCardNumberOfAnOlderClientShipsAndTheCardsRulesFollowItsToken() {
        Shop.Customer cy = shop.newCustomer("Cy Legacy");
        String sku = shop.stockedProduct(new BigDecimal("3.00"), 10);

        RestClient.Reply approved = shop.placeOrderByCardNumber(cy, sku, 1, Shop.APPROVED_CARD);
        RestClient.Reply declined = shop.placeOrderByCardNumber(cy, sku, 1, Shop.DECLINED_CARD);

        assertThat(approved.status()).as(approved.body()).isEqualTo(202);
        assertThat(declined.status()).as(declined.body()).isEqualTo(202);
        assertThat(shop.awaitTerminal(approved.json().getString("id")).getString("status")).isEqualTo("SHIPPED");
        assertThat(shop.awaitTerminal(declined.json().getString("id")).getString("status")).isEqualTo("REJECTED");
        assertThat(shop.payments(declined.json().getString("id"))).singleElement()
                .satisfies(payment -> assertThat(payment.getString("reason")).isEqualTo("card declined"));
    }

    @Test
    void declinedCardRejectsTheOrder() {
        Shop.Customer bob = shop.newCustomer("Bob Declined");
        String sku = shop.stockedProduct(new BigDecimal("5.00"), 10);

        String orderId = shop.placedOrderId(bob, sku, 1, Shop.DECLINED_CARD);

        JsonObject order = shop.awaitTerminal(orderId);
        assertThat(order.getString("status")).isEqualTo("REJECTED");
        assertThat(Shop.timeline(order)).containsExactly("PLACED OrderPlaced orders", "REJECTED PaymentDeclined payments");
        assertThat(shop.payments(orderId)).singleElement().satisfies(payment -> {
            assertThat(payment.getString("status")).isEqualTo("DECLINED");
            assertThat(payment.getString("reason")).isEqualTo("card declined");
        });
        assertThat(Shop.stock(sku)).containsExactly(10, 0);
        Shop.awaitHistory(bob, orderId, "REJECTED");
        Shop.awaitEmails(bob, "Order received", "Payment declined");
    }

    @Test
    void silentGatewayTimesOutAndRejectsTheOrder() {
        Shop.Customer carol = shop.newCustomer("Carol Timeout");
        String sku = shop.stockedProduct(new BigDecimal("7.00"), 10);

        String orderId = shop.placedOrderId(carol, sku, 1, Shop.SILENT_CARD);

        JsonObject order = shop.awaitTerminal(orderId);
        assertThat(order.getString("status")).isEqualTo("REJECTED");
        assertThat(shop.payments(orderId)).singleElement().satisfies(payment -> {
            assertThat(payment.getString("status")).isEqualTo("DECLINED");
            assertThat(payment.getString("reason")).isEqualTo("gateway timeout");
        });
        assertThat(Shop.stock(sku)).containsExactly(10, 0);
    }

    @Test
    void outOfStockAfterPaymentRefundsAndCancels() {
        Shop.Customer dan = shop.newCustomer("Dan Scarce");
        String sku = shop.stockedProduct(new BigDecimal("30.00"), 1);

        String orderId = shop.placedOrderId(dan, sku, 2, Shop.APPROVED_CARD);

        JsonObject order = shop.awaitTerminal(orderId);
        assertThat(order.getString("status")).isEqualTo("CANCELLED");
        assertThat(Shop.timeline(order)).containsSubsequence(
                "PLACED OrderPlaced orders", "PAID PaymentTaken payments",
                "PAID StockUnavailable warehouse", "CANCELLED PaymentRefunded payments");
        assertRefunded(orderId, "60.00");
        assertThat(Shop.stock(sku)).containsExactly(1, 0);
        Shop.awaitHistory(dan, orderId, "CANCELLED");
        Shop.awaitEmails(dan, "Order received", "Order cancelled");
    }

    @Test
    void clientCancelsBeforeShippingAndIsRefunded() {
        Shop.Customer eve = shop.newCustomer("Eve Cancel");
        String sku = shop.stockedProduct(new BigDecimal("10.00"), 5);
        String orderId = shop.placedOrderId(eve, sku, 3, Shop.APPROVED_CARD);
        shop.awaitStatus(orderId, "PAID");

        RestClient.Reply cancel = Stack.API.post("api/orders/" + orderId + "/cancel", "");

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
        assertThat(cancel.json().getString("status")).isEqualTo("CANCELLED");
        assertRefunded(orderId, "30.00");
        await().atMost(Stack.EVENTUAL).untilAsserted(() -> assertThat(Shop.stock(sku)).containsExactly(5, 0));
        assertThat(shop.order(orderId).getString("status")).isEqualTo("CANCELLED");
        Shop.awaitHistory(eve, orderId, "CANCELLED");
        Shop.awaitEmails(eve, "Order received", "Order cancelled");

        RestClient.Reply again = Stack.API.post("api/orders/" + orderId + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cancellingAShippedOrderIsAConflict() {
        Shop.Customer fay = shop.newCustomer("Fay Shipped");
        String sku = shop.stockedProduct(new BigDecimal("3.00"), 5);
        String orderId = shop.placedOrderId(fay, sku, 1, Shop.APPROVED_CARD);
        shop.awaitStatus(orderId, "SHIPPED");

        RestClient.Reply cancel = Stack.API.post("api/orders/" + orderId + "/cancel", "");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.contentType()).startsWith("application/problem+json");
        assertThat(shop.order(orderId).getString("status")).isEqualTo("SHIPPED");
    }

    @Test
    void twoPaidOrdersForTheLastItemShipOneAndRefundTheOther() {
        Shop.Customer gil = shop.newCustomer("Gil First");
        Shop.Customer hal = shop.newCustomer("Hal Second");
        String sku = shop.stockedProduct(new BigDecimal("99.00"), 1);

        var first = CompletableFuture.supplyAsync(() -> shop.placedOrderId(gil, sku, 1, Shop.APPROVED_CARD));
        var second = CompletableFuture.supplyAsync(() -> shop.placedOrderId(hal, sku, 1, Shop.APPROVED_CARD));
        List<String> orderIds = List.of(first.join(), second.join());

        List<String> outcomes = orderIds.stream().map(id -> shop.awaitTerminal(id).getString("status")).sorted().toList();
        assertThat(outcomes).containsExactly("CANCELLED", "SHIPPED");
        String cancelled = orderIds.stream()
                .filter(id -> shop.order(id).getString("status").equals("CANCELLED")).findFirst().orElseThrow();
        assertRefunded(cancelled, "99.00");
        assertThat(Shop.stock(sku)).containsExactly(0, 0);
    }

    private void assertRefunded(String orderId, String amount) {
        await().atMost(Stack.EVENTUAL).untilAsserted(() ->
                assertThat(shop.payments(orderId)).singleElement().satisfies(payment -> {
                    assertThat(payment.getString("status")).isEqualTo("CAPTURED");
                    JsonObject refund = payment.getJsonObject("refund");
                    assertThat(refund).as("refund of " + orderId).isNotNull();
                    assertThat(refund.getString("status")).isEqualTo("REFUNDED");
                    assertThat(refund.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo(amount);
                }));
    }
}
