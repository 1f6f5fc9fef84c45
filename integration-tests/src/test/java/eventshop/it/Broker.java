package eventshop.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
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

    void publish(String topicAddress, String body, Map<String, String> properties) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        for (var property : properties.entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        try (var producer = session.createProducer(session.createTopic(topicAddress))) {
            producer.send(message);
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
