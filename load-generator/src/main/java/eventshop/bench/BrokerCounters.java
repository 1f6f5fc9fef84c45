package eventshop.bench;

import eventshop.clients.BrokerConsole;
import eventshop.clients.EventShopQueues;

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
        return EventShopQueues.counter(console, counter).values().stream().mapToLong(Long::longValue).sum();
    }
}
