package eventshop.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Learns when each order reaches its terminal state by listening to the events that decide it, on
 * every service's topic at once (the wildcard address): OrderShipped, PaymentDeclined, OrderCancelled.
 * Listening costs the system one more non-durable subscriber, where polling every order over HTTP
 * would cost it hundreds of requests a second.
 */
final class TerminalWatcher implements AutoCloseable {

    /** When an order became terminal (System.nanoTime) and as what. */
    record Terminal(long at, String status) {
    }

    private static final Map<String, String> DECIDING_EVENTS = Map.of(
            "OrderShipped", "SHIPPED", "PaymentDeclined", "REJECTED", "OrderCancelled", "CANCELLED");

    private final Map<String, CompletableFuture<Terminal>> orders = new ConcurrentHashMap<>();
    private final Connection connection;

    TerminalWatcher(Settings settings) throws JMSException {
        connection = new ActiveMQConnectionFactory(settings.brokerUrl(), settings.brokerUser(), settings.brokerPassword())
                .createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic("eventshop.*.events"),
                        "type IN ('OrderShipped', 'PaymentDeclined', 'OrderCancelled')")
                .setMessageListener(this::onEvent);
        connection.start();
    }

    /** The terminal state of an order, whether its deciding event arrives before or after this call. */
    CompletableFuture<Terminal> terminalOf(String orderId) {
        return orders.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    void forget(String orderId) {
        orders.remove(orderId);
    }

    private void onEvent(Message message) {
        try {
            long now = System.nanoTime();
            String status = DECIDING_EVENTS.get(message.getStringProperty("type"));
            String orderId = message.getStringProperty("correlationId");
            if (status != null && orderId != null) {
                terminalOf(orderId).complete(new Terminal(now, status));
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
