package eventshop.chaos;

import eventshop.clients.BrokerConsole;
import eventshop.clients.EventShopQueues;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The broker as its operator sees it (the admin user): the dead-letter queues (browsed over JMS), the transactions
 * it holds prepared or decided heuristically (its management API, through {@link BrokerConsole}), and a producer
 * of poisoned messages. Each call opens its own connection: the broker is killed and restarted during the run.
 */
final class BrokerAdmin {

    /** Every queue a message can be dead-lettered to: each service's, the unrouted one, the broker's own. */
    static final List<String> DEAD_LETTER_QUEUES = List.of("eventshop.orders.dlq", "eventshop.customers.dlq",
            "eventshop.payments.dlq", "eventshop.warehouse.dlq", "eventshop.notifications.dlq", "eventshop.dlq", "DLQ");

    /** A dead letter: where it waits, the broker's id of it, and the properties the audit reads. */
    record DeadLetter(String queue, String messageId, Map<String, String> properties) {
    }

    private final ChaosSettings settings;
    private final BrokerConsole console;

    BrokerAdmin(ChaosSettings settings) {
        this.settings = settings;
        this.console = new BrokerConsole(settings.brokerConsoles(), settings.brokerUser(), settings.brokerPassword());
    }

    List<DeadLetter> deadLetters() throws JMSException {
        try (Connection connection = connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            List<DeadLetter> found = new ArrayList<>();
            for (String queue : DEAD_LETTER_QUEUES) {
                try (var browser = session.createBrowser(session.createQueue(queue))) {
                    for (Object each : Collections.list(browser.getEnumeration())) {
                        Message message = (Message) each;
                        found.add(new DeadLetter(queue, message.getJMSMessageID(), Map.of(
                                "type", String.valueOf(message.getStringProperty("type")),
                                "correlationId", String.valueOf(message.getStringProperty("correlationId")),
                                "deadLetterReason", String.valueOf(message.getStringProperty("deadLetterReason")),
                                Poison.RUN, String.valueOf(message.getStringProperty(Poison.RUN)),
                                Poison.MARKER, String.valueOf(message.getStringProperty(Poison.MARKER)))));
                    }
                }
            }
            return found;
        }
    }

    /** Publishes a message that can never be handled (not JSON) on a topic, marked as the run's. */
    void publishPoison(String topic, Poison poison) throws JMSException {
        try (Connection connection = connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage("chaos run " + poison.run() + ": this is not json");
            message.setStringProperty("type", "OrderPlaced");
            message.setStringProperty(Poison.RUN, poison.run());
            message.setStringProperty(Poison.MARKER, poison.marker());
            try (var producer = session.createProducer(session.createTopic(topic))) {
                producer.send(message);
            }
        }
    }

    /**
     * How many acknowledgements the broker's XA guard (broker-plugin/) refused, counted in the brokers' logs (the folders
     * given, each broker's of a pair). The plugin logs each refusal; the broker's management knows nothing of plugins.
     */
    long refusedAcknowledgements(List<Path> logFolders) throws IOException {
        long refused = 0;
        for (Path logs : logFolders) {
            if (!Files.isDirectory(logs)) {
                continue;
            }
            try (var files = Files.list(logs)) {
                refused += files.filter(file -> file.getFileName().toString().startsWith("artemis.log"))
                        .mapToLong(BrokerAdmin::refusalsIn).sum();
            }
        }
        return refused;
    }

    private static long refusalsIn(Path log) {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains("Refused acknowledgement")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a broker is live: its console answers as {@code Active} (with a pair, {@link BrokerConsole} asks each
     * console and counts only the live broker's answer; a backup waiting for the journal's lock is not live).
     */
    boolean live() {
        try {
            return JsonValue.TRUE.equals(console.attribute(BrokerConsole.BROKER, "Active"));
        } catch (BrokerConsole.Unreadable e) {
            return false;
        }
    }

    /**
     * The messages each of EventShop's queues still holds (waiting, being delivered or scheduled for a redelivery),
     * the queues holding none left out: work the services have not finished.
     */
    Map<String, Long> messagesInEventShopQueues() {
        Map<String, Long> held = EventShopQueues.counter(console, "MessageCount");
        held.values().removeIf(count -> count == 0);
        return held;
    }

    /** Transactions the broker holds prepared, waiting for the transaction manager's decision. */
    int preparedTransactions() {
        return length("listPreparedTransactions");
    }

    /** Transactions the broker decided by itself (an operator's heuristic commit or rollback). */
    int heuristicTransactions() {
        return length("listHeuristicCommittedTransactions") + length("listHeuristicRolledBackTransactions");
    }

    private int length(String listOperation) {
        JsonValue list = console.exec(BrokerConsole.BROKER, listOperation + "()");
        return list.getValueType() == JsonValue.ValueType.ARRAY ? list.asJsonArray().size() : 0;
    }

    private Connection connect() throws JMSException {
        return new ActiveMQConnectionFactory(settings.brokerUrl(), settings.brokerUser(), settings.brokerPassword())
                .createConnection();
    }

    /** A poisoned message of a run: the run and a marker of its own, as message properties. */
    record Poison(String run, String marker) {
        static final String RUN = "chaosRun";
        static final String MARKER = "chaosPoison";
    }
}
