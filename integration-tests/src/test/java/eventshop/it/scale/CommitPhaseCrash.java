package eventshop.it.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.BrokerConsole;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.JsonValue;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Issue 18, a dead instance's in-doubt transactions: puts an instance's crash in the commit phase of one delivery,
 * where it leaves branches prepared, instead of hoping a kill from outside lands there; and counts what is in doubt.
 *
 * <p>The crash: the warehouse's copy of an order's PaymentTaken is held back (its subscription paused, the message
 * removed) and sent to the warehouse's subscription again marked {@code eventshopFault=halt-instance-on-commit}; the
 * instance whose consumer takes it halts in the commit phase of that delivery (ejb-module's test-only
 * platform.messaging.HaltOnCommit, on in the test profile only): Payara has prepared every branch and logged its
 * decision to commit; the database's branch (the reservation, the product's stock row locked) is left prepared.
 */
final class CommitPhaseCrash implements AutoCloseable {

    private static final String FAULT = "eventshopFault";
    private static final String HALT_INSTANCE_ON_COMMIT = "halt-instance-on-commit";
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final BrokerConsole console;
    private final Connection connection;
    private final Session session;
    private final String pgUrl;
    private final String pgUser;
    private final String pgPassword;

    CommitPhaseCrash(String brokerUrl, BrokerConsole console, String brokerUser, String brokerPassword,
                     String pgUrl, String pgUser, String pgPassword) throws JMSException {
        this.console = console;
        this.connection = new ActiveMQConnectionFactory(brokerUrl, brokerUser, brokerPassword).createConnection();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
        this.pgUrl = pgUrl;
        this.pgUser = pgUser;
        this.pgPassword = pgPassword;
    }

    /**
     * Places an order (placeOrder, which returns its id) with the warehouse's subscription paused, and sends the
     * warehouse its PaymentTaken again, marked to halt the instance that commits its delivery.
     */
    void haltTheWarehouseOnThePaymentOf(Supplier<String> placeOrder) throws JMSException {
        String subscription = console.queue("warehouse");
        try (MessageConsumer payments = session.createConsumer(session.createTopic("eventshop.payments.events"))) {
            console.exec(subscription, "pause()");
            try {
                String orderId = placeOrder.get();
                Message taken = next(payments, "PaymentTaken", orderId);
                String selector = "type = 'PaymentTaken' AND correlationId = '" + orderId + "'";
                long[] removed = {0};
                await().atMost(Duration.ofSeconds(60)).until(() -> (removed[0] +=
                        BrokerConsole.number(console.exec(subscription, "removeMessages(java.lang.String)", selector))) >= 1);
                assertThat(removed[0]).as("PaymentTaken held back from the warehouse's subscription").isOne();
                sendMarkedCopy(taken);
            } finally {
                console.exec(subscription, "resume()");
            }
        }
    }

    /** The copy goes to the warehouse's subscription alone (replayedTo passes its selector), under a new duplicate id. */
    private void sendMarkedCopy(Message original) throws JMSException {
        TextMessage copy = session.createTextMessage(((TextMessage) original).getText());
        for (Object name : Collections.list(original.getPropertyNames())) {
            String property = (String) name;
            if (property.equals("JMSXGroupID") || !property.startsWith("_") && !property.startsWith("JMSX")) {
                copy.setObjectProperty(property, original.getObjectProperty(property));
            }
        }
        copy.setStringProperty(FAULT, HALT_INSTANCE_ON_COMMIT);
        copy.setStringProperty("replayedTo", "warehouse");
        copy.setStringProperty(DUPLICATE_ID, UUID.randomUUID().toString());
        try (var producer = session.createProducer(session.createTopic("eventshop.warehouse.subscription"))) {
            producer.send(copy);
        }
    }

    private static Message next(MessageConsumer topic, String type, String orderId) throws JMSException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Message message = topic.receive(1_000);
            if (message != null && type.equals(message.getStringProperty("type"))
                    && orderId.equals(message.getStringProperty("correlationId"))) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " of order " + orderId + " within 90 s");
    }

    /** Branches PostgreSQL holds prepared (pg_prepared_xacts): each a transaction manager's decision it waits for. */
    long preparedInPostgres() throws SQLException {
        try (var db = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
             var statement = db.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from pg_prepared_xacts")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Transactions the live broker holds prepared. */
    long preparedOnTheBroker() {
        JsonValue list = console.exec(BrokerConsole.BROKER, "listPreparedTransactions()");
        return list.getValueType() == JsonValue.ValueType.ARRAY ? list.asJsonArray().size() : 0;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
