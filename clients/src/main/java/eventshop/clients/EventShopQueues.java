package eventshop.clients;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A counter of each of EventShop's own queues on the broker (the services' subscriptions, named after them, and the
 * command and work queues; not the dead-letter queues, not the broker's own), in one read of the broker's
 * management API. Artemis's {@code MessageCount} counts what a queue holds in every state: waiting, being
 * delivered, and scheduled for a later redelivery.
 */
public final class EventShopQueues {

    private EventShopQueues() {
    }

    /** The counter (an attribute of Artemis's QueueControl, e.g. MessageCount, MessagesAdded) of each queue, by name, in a new map. */
    public static Map<String, Long> counter(BrokerConsole console, String counter) {
        Map<String, Long> byQueue = new TreeMap<>();
        for (JsonValue queue : console.read(BrokerConsole.ALL_QUEUES, List.of("Name", counter)).values()) {
            JsonObject counters = queue.asJsonObject();
            String name = counters.getString("Name");
            if (isEventShopQueue(name)) {
                byQueue.put(name, BrokerConsole.number(counters.get(counter)));
            }
        }
        return byQueue;
    }

    static boolean isEventShopQueue(String queue) {
        return queue.matches("orders|customers|payments|warehouse|notifications")
                || queue.startsWith("eventshop.") && !queue.endsWith(".dlq") && !queue.equals("eventshop.dlq");
    }
}
