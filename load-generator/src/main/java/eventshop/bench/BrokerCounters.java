package eventshop.bench;

import eventshop.clients.BrokerConsole;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * How many messages the broker has routed to EventShop's queues so far, read through the broker's management
 * API ({@link BrokerConsole}, one read of every queue's counter): the difference over a run, divided by the
 * orders, is the number of message deliveries an order costs.
 */
final class BrokerCounters {

    private BrokerCounters() {
    }

    static long messagesAddedToEventShopQueues(Settings settings) {
        return sumOverEventShopQueues(settings, "MessagesAdded");
    }

    /**
     * How many messages EventShop's queues hold now (waiting or being delivered): the backlog a level leaves behind.
     * Terminal states are reached before the notifications' and customers' subscriptions have drained, so a level
     * can end with their work still queued, which would run, and cost cores, during the next level.
     */
    static long messagesInEventShopQueues(Settings settings) {
        return sumOverEventShopQueues(settings, "MessageCount");
    }

    private static long sumOverEventShopQueues(Settings settings, String counter) {
        var console = new BrokerConsole(settings.brokerConsole(), settings.brokerUser(), settings.brokerPassword());
        long sum = 0;
        for (JsonValue queue : console.read(BrokerConsole.ALL_QUEUES, List.of("Name", counter)).values()) {
            JsonObject counters = queue.asJsonObject();
            if (isEventShopQueue(counters.getString("Name"))) {
                sum += BrokerConsole.number(counters.get(counter));
            }
        }
        return sum;
    }

    /** The services' subscriptions (named after them) and the command queues; not dead letters, not ours. */
    private static boolean isEventShopQueue(String queue) {
        return queue.matches("orders|customers|payments|warehouse|notifications")
                || queue.startsWith("eventshop.") && !queue.endsWith(".dlq") && !queue.equals("eventshop.dlq");
    }
}
