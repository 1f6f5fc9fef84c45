package eventshop.platform.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every few seconds, for each producer of {@link Outbox#PRODUCERS}: wakes its relay, besides the wake-up each commit
 * gives it, so that what a relay could not send (the broker was down) or a crash left in an outbox goes out without
 * waiting for the next request; and reads its backlog for the gauge {@code eventshop_outbox_pending{producer=...}}
 * (one that keeps growing is a broker the relay cannot reach).
 */
@Singleton
@Startup
public class OutboxSweep {

    private static final Logger LOG = MessageLog.logger(OutboxSweep.class);

    private static final Metadata PENDING = Metadata.builder().withName("eventshop_outbox_pending")
            .withDescription("Events of a producer committed but not sent to the broker yet (its outbox); one that "
                    + "keeps growing is a broker the relay cannot reach").build();

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    MetricRegistry registry;

    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    @PostConstruct
    void registerGauges() {
        for (String producer : Outbox.PRODUCERS) {
            registry.gauge(PENDING, () -> pending.getOrDefault(producer, 0L), new Tag("producer", producer));
        }
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "outbox sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        for (String producer : Outbox.PRODUCERS) {
            relay.wake(producer);
            try {
                pending.put(producer, outbox.backlog(producer).pending());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The outbox of " + producer + " could not be read", e);
            }
        }
    }
}
