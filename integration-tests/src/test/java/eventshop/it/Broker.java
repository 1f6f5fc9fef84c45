package eventshop.it;

import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The test's own connection to the real broker, as the operator user: it listens on topics, sends
 * what a misbehaving producer would, reads dead-letter queues and retries them, and uses the broker's
 * management API as an operator would in the console (pause, purge, resume a queue, remove a message,
 * read the address settings).
 */
final class Broker implements AutoCloseable {

    /** Artemis's duplicate detection: a second message with the same value on an address is dropped. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final Connection connection;
    private final Session session;

    Broker(String url, String user, String password) throws JMSException {
        var factory = new ActiveMQConnectionFactory(url, user, password);
        connection = factory.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
    }

    /** A non-durable subscriber on a topic address: it sees what is published from now on. */
    MessageConsumer listen(String topicAddress) throws JMSException {
        return session.createConsumer(session.createTopic(topicAddress));
    }

    MessageConsumer consume(String queueAddress, String selector) throws JMSException {
        return session.createConsumer(session.createQueue(queueAddress), selector);
    }

    void publish(String topicAddress, String body, Map<String, ?> properties) throws JMSException {
        send(session.createTopic(topicAddress), body, properties);
    }

    /**
     * Publishes an envelope with the properties its producer's publisher puts beside the body
     * ({@link #publisherProperties}) but no duplicate id, so that the same envelope can be published again.
     */
    void publish(String topicAddress, Envelope envelope) throws JMSException {
        Map<String, Object> properties = publisherProperties(envelope);
        properties.remove(DUPLICATE_ID);
        publish(topicAddress, EventCodec.toJson(envelope), properties);
    }

    /**
     * What EventShop's publisher (ejb-module: EventPublisher) puts beside an envelope's body: type, version,
     * producer, correlation id, the correlation id as message group, and the event id as duplicate id. A new
     * map, for the caller to add to.
     */
    static Map<String, Object> publisherProperties(Envelope envelope) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", envelope.type());
        properties.put("version", envelope.version());
        properties.put("producer", envelope.producer());
        properties.put("correlationId", envelope.correlationId());
        properties.put("JMSXGroupID", envelope.correlationId());
        properties.put(DUPLICATE_ID, envelope.eventId().toString());
        return properties;
    }

    /** Sends to an anycast queue, e.g. a command queue, as a producer of its messages would. */
    void sendToQueue(String queueAddress, String body, Map<String, ?> properties) throws JMSException {
        send(session.createQueue(queueAddress), body, properties);
    }

    /**
     * Publishes a copy of a message received earlier: its body and every property its producer set
     * (the duplicate id and the message group included), with some of them replaced or added.
     *
     * @return the properties sent
     */
    Map<String, Object> republish(Message original, String topicAddress, Map<String, ?> replaced) throws JMSException {
        Map<String, Object> properties = new LinkedHashMap<>(producerProperties(original));
        properties.putAll(replaced);
        publish(topicAddress, text(original), properties);
        return properties;
    }

    /** The properties a producer set, without those the broker adds to each delivery. */
    static Map<String, Object> producerProperties(Message message) throws JMSException {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            String property = (String) name;
            if (property.equals(DUPLICATE_ID) || property.equals("JMSXGroupID")
                    || !property.startsWith("_") && !property.startsWith("JMSX")) {
                properties.put(property, message.getObjectProperty(property));
            }
        }
        return properties;
    }

    private void send(Destination destination, String body, Map<String, ?> properties) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        for (var property : properties.entrySet()) {
            setProperty(message, property.getKey(), property.getValue());
        }
        try (var producer = session.createProducer(destination)) {
            producer.send(message);
        }
    }

    /** How many messages matching the selector wait in a queue; a subscription by its full name, address::queue. */
    /**
     * An operator's retry of a dead letter: its body and the producer's properties (the dead-letter
     * notes and the broker's delivery properties left behind) sent back to the queue it came from.
     */
    void retryToQueue(Message deadLetter, String queueAddress) throws JMSException {
        retry(deadLetter, session.createQueue(queueAddress));
    }

    /**
     * The same, back to the topic it was published on: the services that processed it already skip it
     * (their processed-message record), the one that dead-lettered it runs it again.
     */
    void retryToTopic(Message deadLetter, String topicAddress) throws JMSException {
        retry(deadLetter, session.createTopic(topicAddress));
    }

    private void retry(Message deadLetter, jakarta.jms.Destination destination) throws JMSException {
        TextMessage copy = session.createTextMessage(text(deadLetter));
        for (Object name : Collections.list(deadLetter.getPropertyNames())) {
            String property = (String) name;
            boolean producers = !property.startsWith("_AMQ") && !property.equals("JMSXDeliveryCount")
                    && !property.startsWith("deadLetter") && !property.startsWith("original");
            if (producers) {
                setProperty(copy, property, deadLetter.getObjectProperty(property));
            }
        }
        try (var producer = session.createProducer(destination)) {
            producer.send(copy);
        }
    }

    // Typed setters: the JMS client maps JMSX names (JMSXGroupID) to the broker's own properties through them.
    private static void setProperty(Message message, String name, Object value) throws JMSException {
        if (value instanceof String text) {
            message.setStringProperty(name, text);
        } else if (value instanceof Integer number) {
            message.setIntProperty(name, number);
        } else {
            message.setObjectProperty(name, value);
        }
    }

    int browse(String queueName, String selector) throws JMSException {
        try (var browser = session.createBrowser(session.createQueue(queueName), selector)) {
            return java.util.Collections.list(browser.getEnumeration()).size();
        }
    }

    /** Stops the broker from delivering a queue's messages to its consumers; they wait, in order. */
    void pause(String queueName) throws JMSException {
        manage("queue." + queueName, "pause");
    }

    void resume(String queueName) throws JMSException {
        manage("queue." + queueName, "resume");
    }

    /** Removes the messages of a queue that match the selector; returns how many. */
    int remove(String queueName, String selector) throws JMSException {
        return ((Number) manage("queue." + queueName, "removeMessages", selector)).intValue();
    }

    /**
     * Whether a queue still holds a message matching the selector: waiting, being delivered, or waiting
     * for its redelivery (the broker counts scheduled messages apart, without a selector: they are found
     * by a value of one of their properties).
     */
    boolean holds(String queueName, String selector, String propertyValue) throws JMSException {
        String queue = "queue." + queueName;
        return ((Number) manage(queue, "countMessages", selector)).longValue() > 0
                || ((Number) manage(queue, "countDeliveringMessages", selector)).longValue() > 0
                || String.valueOf(manage(queue, "listScheduledMessagesAsJSON")).contains(propertyValue);
    }

    /** The redelivery settings the broker applies to an address (broker.xml's address-settings). */
    JsonObject addressSettings(String address) throws JMSException {
        try (var reader = Json.createReader(new StringReader(
                String.valueOf(manage("broker", "getAddressSettingsAsJSON", address))))) {
            return reader.readObject();
        }
    }

    /**
     * Invokes an operation of the broker's management API through its management address, e.g.
     * ("queue.notifications", "pause"), and returns its result; fails when the broker refuses it.
     */
    Object manage(String resource, String operation, Object... parameters) throws JMSException {
        Message request = session.createMessage();
        try {
            JMSManagementHelper.putOperationInvocation(request, resource, operation, parameters);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot encode " + resource + " " + operation, e);
        }
        return management(request, resource + " " + operation + List.of(parameters));
    }

    /** An attribute of a managed resource, e.g. ("queue.notifications", "deliveringCount"). */
    Object attribute(String resource, String attribute) throws JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, resource, attribute);
        return management(request, resource + " " + attribute);
    }

    private Object management(Message request, String what) throws JMSException {
        var replies = session.createTemporaryQueue();
        request.setJMSReplyTo(replies);
        try (var producer = session.createProducer(session.createQueue("activemq.management"));
             var answers = session.createConsumer(replies)) {
            producer.send(request);
            Message answer = answers.receive(Stack.EVENTUAL.toMillis());
            if (answer == null) {
                throw new IllegalStateException(what + ": no answer from the broker's management");
            }
            try {
                if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
                    throw new IllegalStateException(what + " failed: " + JMSManagementHelper.getResult(answer));
                }
                return JMSManagementHelper.getResult(answer);
            } catch (JMSException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("unreadable management answer to " + what, e);
            }
        } finally {
            replies.delete();
        }
    }

    static String text(Message message) throws JMSException {
        return ((TextMessage) message).getText();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
