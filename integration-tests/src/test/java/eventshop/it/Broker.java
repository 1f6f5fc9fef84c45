package eventshop.it;

import eventshop.clients.BrokerConsole;
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
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The test's own connection to the real broker, as the operator user: it listens on topics, sends
 * what a misbehaving producer would, reads dead-letter queues and retries them; and uses the broker's
 * management API as an operator would in the console (pause, purge, resume a queue, remove a message,
 * read the address settings), through its Jolokia endpoint ({@link BrokerConsole}).
 */
final class Broker implements AutoCloseable {

    /** Artemis's duplicate detection: a second message with the same value on an address is dropped. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final Connection connection;
    private final Session session;
    private final BrokerConsole console;

    Broker(String url, URI console, String user, String password) throws JMSException {
        this.console = new BrokerConsole(console, user, password);
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

    /**
     * Every queue of the broker (subscriptions, work queues, dead-letter queues, the broker's own) by its fully
     * qualified name, address::queue: a subscription's queue is named after the service, not after its address.
     */
    List<String> queueNames() {
        return console.read(BrokerConsole.ALL_QUEUES, List.of("Name", "Address")).values().stream()
                .map(JsonValue::asJsonObject)
                .map(queue -> queue.getString("Address") + "::" + queue.getString("Name")).sorted().toList();
    }

    /** Every message a queue holds, as text: its body and every property, for a search. */
    List<String> browseAll(String queueName) throws JMSException {
        List<String> messages = new ArrayList<>();
        try (var browser = session.createBrowser(session.createQueue(queueName))) {
            for (Object each : Collections.list(browser.getEnumeration())) {
                Message message = (Message) each;
                StringBuilder text = new StringBuilder(message instanceof TextMessage body ? String.valueOf(body.getText()) : "");
                for (Object name : Collections.list(message.getPropertyNames())) {
                    text.append(' ').append(name).append('=').append(message.getObjectProperty((String) name));
                }
                messages.add(text.toString());
            }
        }
        return messages;
    }

    int browse(String queueName, String selector) throws JMSException {
        try (var browser = session.createBrowser(session.createQueue(queueName), selector)) {
            return java.util.Collections.list(browser.getEnumeration()).size();
        }
    }

    /** Stops the broker from delivering a queue's messages to its consumers; they wait, in order. */
    void pause(String queueName) {
        console.exec(console.queue(queueName), "pause()");
    }

    void resume(String queueName) {
        console.exec(console.queue(queueName), "resume()");
    }

    /** Removes the messages of a queue that match the selector; returns how many. */
    int remove(String queueName, String selector) {
        return (int) BrokerConsole.number(console.exec(console.queue(queueName), "removeMessages(java.lang.String)", selector));
    }

    /** Removes every message of a queue; returns how many. */
    int removeAll(String queueName) {
        return (int) BrokerConsole.number(console.exec(console.queue(queueName), "removeAllMessages()"));
    }

    /** A counter of a queue, e.g. ("notifications", "DeliveringCount"). */
    long counter(String queueName, String attribute) {
        return BrokerConsole.number(console.attribute(console.queue(queueName), attribute));
    }

    /** An attribute of the broker, e.g. "JournalSyncTransactional". */
    JsonValue brokerAttribute(String attribute) {
        return console.attribute(BrokerConsole.BROKER, attribute);
    }

    /**
     * Whether a queue still holds a message matching the selector: waiting, being delivered, or waiting
     * for its redelivery (the broker counts scheduled messages apart, without a selector: they are found
     * by a value of one of their properties).
     */
    boolean holds(String queueName, String selector, String propertyValue) {
        String queue = console.queue(queueName);
        return BrokerConsole.number(console.exec(queue, "countMessages(java.lang.String)", selector)) > 0
                || BrokerConsole.number(console.exec(queue, "countDeliveringMessages(java.lang.String)", selector)) > 0
                || ((JsonString) console.exec(queue, "listScheduledMessagesAsJSON()")).getString().contains(propertyValue);
    }

    /** The redelivery settings the broker applies to an address (broker.xml's address-settings). */
    JsonObject addressSettings(String address) {
        String settings = ((JsonString) console.exec(BrokerConsole.BROKER, "getAddressSettingsAsJSON", address)).getString();
        try (var reader = Json.createReader(new StringReader(settings))) {
            return reader.readObject();
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
