package eventshop.platform.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What each service's subscriptions did with their messages, as MicroProfile metrics tagged with the
 * service (and the queue: payments and notifications also consume a command queue). Counted when the
 * delivery's transaction ends, so a message whose transaction rolls back counts as failed, not consumed,
 * and each redelivery counts again.
 */
@ApplicationScoped
public class MessagingMetrics {

    /** How a delivery ended, if its transaction commits. */
    public enum Outcome { CONSUMED, DEAD_LETTERED }

    private static final Metadata CONSUMED = Metadata.builder().withName("eventshop_messages_consumed")
            .withDescription("Messages a service handled (or skipped as already handled) and committed").build();
    private static final Metadata FAILED = Metadata.builder().withName("eventshop_messages_failed")
            .withDescription("Deliveries whose transaction rolled back; the broker redelivers them").build();
    private static final Metadata DEAD_LETTERED = Metadata.builder().withName("eventshop_messages_dead_lettered")
            .withDescription("Messages a service moved to its dead-letter queue (malformed, unknown, or awaiting an operator)").build();
    private static final Metadata PROCESSING = Metadata.builder().withName("eventshop_message_processing")
            .withDescription("Time from a message's arrival in the listener to the end of its transaction")
            .withUnit(MetricUnits.SECONDS).build();

    @Inject
    MetricRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Starts timing one delivery on {@code queue}; the returned tracker is told the outcome, and the counts
     * are taken when the transaction completes (at once without a transaction).
     */
    public Delivery start(String queue) {
        Tag[] tags = {new Tag("service", serviceOf(queue)), new Tag("queue", queue)};
        Delivery delivery = new Delivery(tags, System.nanoTime());
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(delivery);
        }
        return delivery;
    }

    /**
     * The service a queue belongs to: a subscription is named after its service ("orders"), a command queue
     * after its address ("eventshop.payments.gateway-replies").
     */
    public static String serviceOf(String queue) {
        String[] parts = queue.split("\\.");
        return parts.length > 1 && parts[0].equals("eventshop") ? parts[1] : queue;
    }

    /** One delivery, from the listener's start to the end of its transaction. */
    public final class Delivery implements Synchronization {

        private final Tag[] tags;
        private final long startedAt;
        private Outcome outcome = Outcome.CONSUMED;

        private Delivery(Tag[] tags, long startedAt) {
            this.tags = tags;
            this.startedAt = startedAt;
        }

        public void outcome(Outcome outcome) {
            this.outcome = outcome;
        }

        /** Without a transaction: the delivery is over when the listener returns (or throws). */
        public void finished(boolean succeeded) {
            if (transactions.getTransactionKey() == null) {
                record(succeeded);
            }
        }

        @Override
        public void beforeCompletion() {
            // Nothing to do before the commit: what counts is how it ended.
        }

        @Override
        public void afterCompletion(int status) {
            record(status == Status.STATUS_COMMITTED);
        }

        private void record(boolean committed) {
            registry.timer(PROCESSING, tags).update(Duration.ofNanos(System.nanoTime() - startedAt));
            if (!committed) {
                registry.counter(FAILED, tags).inc();
            } else if (outcome == Outcome.DEAD_LETTERED) {
                registry.counter(DEAD_LETTERED, tags).inc();
            } else {
                registry.counter(CONSUMED, tags).inc();
            }
        }
    }
}
