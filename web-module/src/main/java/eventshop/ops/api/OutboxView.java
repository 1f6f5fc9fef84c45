package eventshop.ops.api;

import eventshop.platform.messaging.Outbox;
import java.time.Instant;

/**
 * A producer's outbox as the operator sees it (eventshop.platform.messaging.Outbox): events committed by requests
 * (orders: OrderPlaced, the customer's OrderCancelled; customers: CustomerRegistered; warehouse: the ProductUpdated
 * of a product change) and not yet published. What GET /api/ops/{producer}/outbox and GET /api/ops/outbox answer.
 *
 * @param producer the service whose outbox it is
 * @param pending how many wait
 * @param oldestSince when the oldest of them was committed; absent when none waits
 * @param lastAttemptFailed whether the relay's last attempt to publish failed: the broker cannot be reached, the
 *     requests are still accepted and their events wait here
 * @param at when this was read
 */
public record OutboxView(String producer, long pending, Instant oldestSince, boolean lastAttemptFailed, Instant at) {

    static OutboxView of(Outbox.Backlog backlog) {
        return new OutboxView(backlog.producer(), backlog.pending(),
                backlog.oldestSince() == null ? null : backlog.oldestSince().toInstant(), backlog.failing(), Instant.now());
    }
}
