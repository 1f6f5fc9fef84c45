package eventshop.bench;

import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * How many messages the broker has routed to EventShop's queues so far, read through Artemis's own
 * management API (management messages): the difference over a run, divided by the orders, is the
 * number of message deliveries an order costs.
 */
final class BrokerCounters {

    private BrokerCounters() {
    }

    static long messagesAddedToEventShopQueues(Settings settings) throws Exception {
        var factory = new ActiveMQConnectionFactory(settings.brokerUrl(), settings.brokerUser(), settings.brokerPassword());
        try (QueueConnection connection = factory.createQueueConnection()) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue management = ActiveMQJMSClient.createQueue("activemq.management");
            QueueRequestor requestor = new QueueRequestor(session, management);
            connection.start();
            Object[] names = (Object[]) ask(session, requestor, "broker", "queueNames");
            long added = 0;
            for (Object name : names) {
                String queue = String.valueOf(name);
                if (isEventShopQueue(queue)) {
                    added += ((Number) ask(session, requestor, "queue." + queue, "messagesAdded")).longValue();
                }
            }
            return added;
        }
    }

    /** The services' subscriptions (named after them) and the command queues; not dead letters, not ours. */
    private static boolean isEventShopQueue(String queue) {
        return queue.matches("orders|customers|payments|warehouse|notifications")
                || queue.startsWith("eventshop.") && !queue.endsWith(".dlq") && !queue.equals("eventshop.dlq");
    }

    private static Object ask(QueueSession session, QueueRequestor requestor, String resource, String attribute)
            throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, resource, attribute);
        Message reply = requestor.request(request);
        if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("management request " + resource + "." + attribute + " failed: "
                    + JMSManagementHelper.getResult(reply));
        }
        return JMSManagementHelper.getResult(reply);
    }
}
