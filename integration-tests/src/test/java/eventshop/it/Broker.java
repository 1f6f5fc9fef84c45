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
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The test's own connection to the real broker, as the operator user: it listens on topics, sends
 * what a misbehaving producer would, and reads dead-letter queues.
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

    /** An attribute of a queue through the broker's management API, e.g. consumerCount. */
    Object queueAttribute(String queueName, String attribute) throws Exception {
        return manage(message -> JMSManagementHelper.putAttribute(message, ResourceNames.QUEUE + queueName, attribute));
    }

    /** Stops (pause) or restarts (resume) deliveries from a queue, as an operator does in the console. */
    void invoke(String queueName, String operation) throws Exception {
        manage(message -> JMSManagementHelper.putOperationInvocation(message, ResourceNames.QUEUE + queueName, operation));
    }

    private interface Request {
        void fill(Message message) throws Exception;
    }

    private Object manage(Request request) throws Exception {
        try (Session management = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = management.createTemporaryQueue();
            Message message = management.createMessage();
            request.fill(message);
            message.setJMSReplyTo(replies);
            try (MessageProducer producer = management.createProducer(management.createQueue("activemq.management"));
                 MessageConsumer consumer = management.createConsumer(replies)) {
                producer.send(message);
                Message reply = consumer.receive(10_000);
                if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                    throw new IllegalStateException("the broker's management refused or did not answer: "
                            + (reply == null ? "no reply" : JMSManagementHelper.getResult(reply)));
                }
                return JMSManagementHelper.getResult(reply);
            } finally {
                replies.delete();
            }
        }
    }

    /** How many messages matching the selector wait in a queue; a subscription by its full name, address::queue. */
    int browse(String queueName, String selector) throws JMSException {
        try (var browser = session.createBrowser(session.createQueue(queueName), selector)) {
            return java.util.Collections.list(browser.getEnumeration()).size();
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
