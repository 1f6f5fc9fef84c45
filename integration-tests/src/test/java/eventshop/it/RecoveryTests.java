package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import eventshop.events.CustomerRegistered;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import jakarta.json.JsonString;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Recovery after a broker crash is bounded: within {@link #BOUND} of the broker's restart, every queue that had
 * consumers has them again and a new order reaches its terminal state.
 *
 * <p>The crash is put where it hurts, not hoped for: the broker dies (its JVM halts, as with kill -9) when the
 * commit of a message-driven bean's delivery arrives, i.e. after Payara prepared every branch and decided to
 * commit (broker-plugin's test-only HaltOnCommitFault, switched on by the test profile, fires on a message marked
 * eventshopFault=halt-broker-on-commit). Payara is then in the commit phase on a dead connection.
 *
 * <p>Runs after the other groups and before Chaos (EventShopIT): it restarts the broker under everybody's connections.
 */
abstract class RecoveryTests {

    private static final Logger LOG = Logger.getLogger(RecoveryTests.class.getName());
    /** issue 17: consumers back and orders completing within a minute of the restart. */
    static final Duration BOUND = Duration.ofSeconds(60);

    private final Shop shop = new Shop();

    @Test
    void afterTheBrokerDiesInTheCommitOfADeliveryEveryQueueConsumesAgainAndOrdersCompleteWithinAMinute() throws Exception {
        Shop.Customer ann = shop.newCustomer("Ann Recovery");
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);
        List<String> consumed = queuesWithConsumers();
        assertThat(consumed).as("queues with consumers before the crash").containsAll(Names.SERVICES);
        Path brokerPid = Path.of(System.getProperty("it.state.dir"), "broker.pid");
        long pid = Long.parseLong(Files.readString(brokerPid).trim());

        // A customer registered elsewhere: the orders service records it (a row) and acknowledges, two-phase.
        String customerId = UUID.randomUUID().toString();
        Envelope registered = EventCodec.envelope(new CustomerRegistered(customerId, "Halt On Commit",
                "halt." + Shop.shortId() + "@example.org"), customerId, null, "customers");
        Map<String, Object> properties = Broker.publisherProperties(registered);
        properties.put("eventshopFault", "halt-broker-on-commit");
        Stack.broker().publish("eventshop.customers.events", EventCodec.toJson(registered), properties);

        await("the broker halting on the commit").atMost(Stack.EVENTUAL)
                .until(() -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
        Stack.forgetBroker();
        restartTheBroker();
        Instant restarted = Instant.now();
        Instant deadline = restarted.plus(BOUND);

        await("every queue that had consumers has them again").atMost(BOUND).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions().untilAsserted(() -> assertThat(withoutConsumers(consumed)).isEmpty());
        LOG.info(() -> "consumers back " + Duration.between(restarted, Instant.now()).toSeconds() + " s after the restart");
        String[] orderId = new String[1];
        await("an order accepted").atMost(Duration.between(Instant.now(), deadline)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    RestClient.Reply reply = shop.placeOrder(ann, sku, 1, Shop.APPROVED_CARD);
                    orderId[0] = reply.status() == 202 ? reply.json().getString("id") : null;
                    return orderId[0] != null;
                });
        await("the order shipped").atMost(Duration.between(Instant.now(), deadline)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> "SHIPPED".equals(shop.order(orderId[0]).getString("status")));
        LOG.info(() -> "an order shipped " + Duration.between(restarted, Instant.now()).toSeconds() + " s after the restart");
    }

    static void restartTheBroker() throws IOException, InterruptedException {
        // bin/eventshop start starts only what is down; the test profile's settings, as the build started it.
        Process start = new ProcessBuilder("env", "EVENTSHOP_PROFILE=test", "EVENTSHOP_DB=postgres",
                System.getProperty("it.eventshop.command"), "start", "--no-deploy")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!start.waitFor(3, TimeUnit.MINUTES)) {
            start.destroyForcibly();
        }
        assertThat(start.exitValue()).as("bin/eventshop start --no-deploy").isZero();
    }

    /** EventShop's own queues (the services' subscriptions and eventshop.*), not the clients' temporary ones. */
    private static List<String> queuesWithConsumers() throws Exception {
        Broker broker = Stack.broker();
        return broker.brokerAttribute("QueueNames").asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .filter(queue -> Names.SERVICES.contains(queue) || queue.startsWith("eventshop."))
                .filter(queue -> broker.counter(queue, "ConsumerCount") > 0).sorted().toList();
    }

    private static List<String> withoutConsumers(List<String> queues) throws Exception {
        try (Broker broker = Stack.newBroker()) {
            return queues.stream().filter(queue -> broker.counter(queue, "ConsumerCount") == 0).toList();
        }
    }
}
