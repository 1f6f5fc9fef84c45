package eventshop.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Map;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The test's own connection to the real broker, as the operator user: it listens on topics, sends
 * what a misbehaving producer would, reads dead-letter queues, and manages queues as an operator would
 * in the console (pause, purge, resume).
 */
final class Broker implements AutoCloseable {

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

    /** Sends a text message to a topic, with properties of any JMS type (e.g. an int version, JMSXGroupID). */
    void publish(String topicAddress, String body, Map<String, ?> properties) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        for (var property : properties.entrySet()) {
            setProperty(message, property.getKey(), property.getValue());
        }
        try (var producer = session.createProducer(session.createTopic(topicAddress))) {
            producer.send(message);
        }
    }

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

    /** How many messages matching the selector wait in a queue; a subscription by its full name, address::queue. */
    int browse(String queueName, String selector) throws JMSException {
        try (var browser = session.createBrowser(session.createQueue(queueName), selector)) {
            return java.util.Collections.list(browser.getEnumeration()).size();
        }
    }

    /**
     * Invokes an operation of the broker's management API through its management address, e.g.
     * ("queue.notifications", "pause"), and returns its result; fails when the broker refuses it.
     */
    Object manage(String resource, String operation, Object... parameters) throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putOperationInvocation(request, resource, operation, parameters);
        return management(request, resource + " " + operation);
    }

    /** An attribute of a managed resource, e.g. ("queue.notifications", "deliveringCount"). */
    Object attribute(String resource, String attribute) throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, resource, attribute);
        return management(request, resource + " " + attribute);
    }

    private Object management(Message request, String what) throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        request.setJMSReplyTo(replies);
        try (MessageProducer management = session.createProducer(session.createQueue("activemq.management"));
             MessageConsumer answers = session.createConsumer(replies)) {
            management.send(request);
            Message reply = answers.receive(Stack.EVENTUAL.toMillis());
            if (reply == null) {
                throw new IllegalStateException("No answer from the broker's management to " + what);
            }
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException(what + " failed: " + JMSManagementHelper.getResult(reply));
            }
            return JMSManagementHelper.getResult(reply);
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
