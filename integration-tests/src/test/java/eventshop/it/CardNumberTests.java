package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Card numbers never leave the payment path (issue 15). Orders are placed with known card numbers through both
 * forms of POST /api/orders (the gateway's token, and the card number of an older client), and go every way an
 * order goes: shipped, declined, cancelled (out of stock, refunded), dead-lettered (a refund the gateway refuses),
 * replayed; an old OrderPlaced (version 2, before tokens) that still holds a number is dead-lettered and shown by
 * the operator API. Then the numbers are searched for everywhere they could have been kept: every text column of
 * every table of every schema, every message still on the broker (every queue, dead-letter queues included), the
 * e-mails the SMTP sink received, and the server's, the broker's and the gateway's logs. Only the last four digits
 * may appear. Runs after the groups that place orders (their numbers are searched too), before Contracts.
 *
 * <p>Run on the code before issue 15 (main at db7abee with these tests), it failed: orders.event_journal held the
 * numbers (OrderPlaced version 2: 2 rows with {@link #CARD}, one each with the declined and the refund-refusing
 * card), /api/ops showed the old message's number in clear, and it stayed in the four dead-letter queues; the token
 * form failed as there were no tokens. The mails and the logs held no number there either.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CardNumberTests {

    /** A card number no other group uses (Luhn-valid; the gateway approves it): found anywhere, it leaked from here. */
    static final String CARD = "4000056655665556";
    /** Every number the suite's orders were paid with that no test publishes on purpose in an old message. */
    private static final List<String> NUMBERS = List.of(CARD, Shop.DECLINED_CARD, Shop.REFUND_REFUSING_CARD, Shop.SILENT_CARD);
    /** The passwords of the test profile (bin/eventshop.defaults), which no log line may hold either. */
    private static final List<String> PASSWORD_PROPERTIES = List.of("it.admin.password", "it.broker.admin.password",
            "it.broker.ops.password", "it.broker.gateway.password", "it.broker.orders.password",
            "it.broker.customers.password", "it.broker.payments.password", "it.broker.warehouse.password",
            "it.broker.notifications.password");

    private final Shop shop = new Shop();
    private static final List<Shop.Customer> CUSTOMERS = new ArrayList<>();

    @Test
    @Order(1)
    void ordersPaidByTokenAndByCardNumberGoEveryWayAnOrderGoes() {
        Shop.Customer cat = customer("Cat Cardholder");
        String sku = shop.stockedProduct(new BigDecimal("4.00"), 100);
        String scarce = shop.stockedProduct(new BigDecimal("5.00"), 1);
        String scarceToo = shop.stockedProduct(new BigDecimal("6.00"), 1);

        // The card-number form first: it is the one the code before tokens took too.
        String byNumber = placedByNumber(cat, sku, 1, CARD);
        String declinedByNumber = placedByNumber(cat, sku, 1, Shop.DECLINED_CARD);
        String outOfStock = placedByNumber(cat, scarce, 2, CARD);                            // paid, refunded, CANCELLED
        String refundRefused = placedByNumber(cat, scarceToo, 2, Shop.REFUND_REFUSING_CARD); // reply dead-lettered
        String byToken = shop.placedOrderId(cat, sku, 1, CARD);
        String declinedByToken = shop.placedOrderId(cat, sku, 1, Shop.DECLINED_CARD);

        assertThat(shop.awaitTerminal(byToken).getString("status")).isEqualTo("SHIPPED");
        assertThat(shop.awaitTerminal(byNumber).getString("status")).isEqualTo("SHIPPED");
        assertThat(shop.awaitTerminal(declinedByToken).getString("status")).isEqualTo("REJECTED");
        assertThat(shop.awaitTerminal(declinedByNumber).getString("status")).isEqualTo("REJECTED");
        assertThat(shop.awaitTerminal(outOfStock).getString("status")).isEqualTo("CANCELLED");
        assertThat(shop.awaitStatus(refundRefused, "NEEDS_ATTENTION").getString("status")).isEqualTo("NEEDS_ATTENTION");
        for (String orderId : List.of(byToken, byNumber)) {
            assertThat(shop.payments(orderId)).singleElement()
                    .satisfies(payment -> assertThat(payment.getString("cardLast4")).isEqualTo("5556"));
        }
        await().atMost(Stack.EVENTUAL).until(() -> Mailbox.subjects(cat.email()).stream()
                .filter(subject -> subject.startsWith("Order received")).count() == 6);

        // Replayed: the journal's events of an order sent again to one subscription (the copies are skipped).
        RestClient.Reply replay = Stack.OPERATOR.post("api/ops/replay",
                "{\"service\":\"notifications\",\"orderId\":\"" + byNumber + "\",\"dryRun\":false}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().getInt("count")).isPositive();
    }

    /**
     * An OrderPlaced of version 2 (before tokens) still in circulation holds a number; this one is malformed too
     * (its lines are no list), so every subscriber dead-letters it. The operator API shows only the last four; the
     * operator discards the letters, and the number leaves the broker with them.
     */
    @Test
    @Order(2)
    void anOldMessageThatStillHoldsANumberShowsMaskedInTheDeadLetters() throws Exception {
        String orderId = UUID.randomUUID().toString();
        JsonObject payload = Json.createObjectBuilder().add("orderId", orderId).add("customerId", UUID.randomUUID().toString())
                .add("lines", "none").add("total", 4.00).add("currency", "EUR").add("cardNumber", CARD).build();
        String envelope = Json.createObjectBuilder().add("eventId", UUID.randomUUID().toString()).add("type", "OrderPlaced")
                .add("version", 2).add("occurredAt", "2026-01-01T10:00:00Z").add("correlationId", orderId)
                .add("producer", "orders").add("payload", payload).build().toString();
        Stack.broker().publish("eventshop.orders.events", envelope, Map.of("type", "OrderPlaced", "version", 2,
                "producer", "orders", "correlationId", orderId, "JMSXGroupID", orderId));

        for (String service : List.of("customers", "payments", "warehouse", "notifications")) {
            JsonObject letter = await().atMost(Stack.EVENTUAL).until(() -> deadLetterOf(service, orderId), l -> l != null);
            assertThat(letter.getString("body")).as(service).contains("************5556").doesNotContain(CARD);
            RestClient.Reply discarded = Stack.OPERATOR.delete("api/ops/dead-letters/" + service + "/" + letter.getString("id"));
            assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void noTableOfAnySchemaHoldsACardNumber() {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = Stack.DB.query("select table_schema, table_name, column_name "
                + "from information_schema.columns where table_schema not in ('pg_catalog', 'information_schema') "
                + "and data_type in ('character varying', 'text', 'character', 'json', 'jsonb')");
        assertThat(columns).as("text columns of the services' schemas").hasSizeGreaterThan(50);
        for (Map<String, Object> column : columns) {
            String qualified = column.get("table_schema") + "." + column.get("table_name");
            String name = (String) column.get("column_name");
            for (String number : NUMBERS) {
                long rows = ((Number) Stack.DB.query("select count(*) as n from " + qualified + " where \"" + name
                        + "\" like ?", "%" + number + "%").get(0).get("n")).longValue();
                if (rows > 0) {
                    found.add(rows + " rows of " + qualified + "." + name + " hold " + number);
                }
            }
        }
        assertThat(found).isEmpty();
        assertThat(Stack.DB.query("select count(*) as n from orders.orders where card_last4 = '5556'").get(0).get("n"))
                .as("the last four are kept").isNotEqualTo(0L);
    }

    @Test
    @Order(4)
    void noMessageOnTheBrokerHoldsACardNumber() throws Exception {
        List<String> found = new ArrayList<>();
        List<String> queues = Stack.broker().queueNames();
        assertThat(queues).contains("eventshop.orders.subscription::orders", "eventshop.payments.dlq::eventshop.payments.dlq",
                "eventshop.payments.gateway-requests::eventshop.payments.gateway-requests");
        for (String queue : queues) {
            for (String message : Stack.broker().browseAll(queue)) {
                NUMBERS.stream().filter(message::contains).forEach(number -> found.add(queue + " holds " + number + ": " + message));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    @Order(5)
    void noMailHoldsACardNumber() {
        List<String> found = new ArrayList<>();
        for (Shop.Customer customer : CUSTOMERS) {
            for (String mail : Mailbox.contents(customer.email())) {
                NUMBERS.stream().filter(mail::contains).forEach(number -> found.add("a mail to " + customer.email() + " holds " + number));
            }
        }
        assertThat(found).isEmpty();
        assertThat(CUSTOMERS).isNotEmpty();
    }

    @Test
    @Order(6)
    void noLogLineHoldsACardNumberOrAPassword() throws IOException {
        List<String> secrets = new ArrayList<>(NUMBERS);
        PASSWORD_PROPERTIES.stream().map(System::getProperty).forEach(secrets::add);
        secrets.add("fingerprint-secret");
        List<Path> logs = logs();
        assertThat(logs).as("server, broker and gateway logs").hasSizeGreaterThanOrEqualTo(3);
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                lines.forEach(line -> secrets.stream().filter(line::contains)
                        .forEach(secret -> found.add(log.getFileName() + " holds " + mask(secret) + ": " + line.replace(secret, mask(secret)))));
            }
        }
        assertThat(found).isEmpty();
    }

    /** The server's log (with its rotated files), the broker's, the gateway simulator's. */
    private static List<Path> logs() throws IOException {
        List<Path> logs = new ArrayList<>();
        Path serverLogs = Path.of(System.getProperty("it.server.log")).getParent();
        Path state = Path.of(System.getProperty("it.state.dir"));
        for (Path folder : List.of(serverLogs, state.resolve("broker").resolve("log"), state)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().contains(".log")).forEach(logs::add);
            }
        }
        return logs;
    }

    private static String mask(String secret) {
        return "****" + secret.substring(Math.max(0, secret.length() - 2));
    }

    private Shop.Customer customer(String name) {
        Shop.Customer customer = shop.newCustomer(name);
        CUSTOMERS.add(customer);
        return customer;
    }

    private String placedByNumber(Shop.Customer customer, String sku, int quantity, String card) {
        RestClient.Reply reply = shop.placeOrderByCardNumber(customer, sku, quantity, card);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().getString("id");
    }

    private static JsonObject deadLetterOf(String service, String orderId) {
        RestClient.Reply letters = Stack.OPERATOR.get("api/ops/dead-letters/" + service);
        assertThat(letters.status()).as(letters.body()).isEqualTo(200);
        return letters.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(letter -> orderId.equals(letter.getString("correlationId", null))).findFirst().orElse(null);
    }
}
