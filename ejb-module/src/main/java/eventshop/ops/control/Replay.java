package eventshop.ops.control;

import eventshop.platform.messaging.EventJournal;
import eventshop.platform.messaging.EventPublisher;
import eventshop.platform.messaging.JournalRange;
import eventshop.platform.messaging.JournaledEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Sends journaled events again to ONE service's subscription, e.g. after its queue lost messages. Safe
 * to repeat: the copies keep their event ids, and the subscriber skips what it has already processed.
 *
 * <p>One replay is one transaction: every copy is sent, or none. The copies go out in the order the
 * events occurred, across the producers' journals, so that an order's events arrive in their causal
 * order (an OrderShipped after its OrderPlaced).
 */
@Stateless
public class Replay {

    /** A larger range is refused rather than sent in one transaction; replay it in parts. */
    public static final int MAX_EVENTS = 5000;

    private static final Logger LOG = Logger.getLogger(Replay.class.getName());

    private static final Comparator<JournaledEvent> OCCURRENCE = Comparator.comparing(JournaledEvent::occurredAt)
            .thenComparing(JournaledEvent::producer)
            .thenComparingLong(JournaledEvent::position);

    @Inject
    EventJournal journal;

    @Inject
    EventPublisher publisher;

    /**
     * @param producer only this producer's journal (positions count per journal); null: every producer the
     *                 service listens to
     * @param dryRun true: only list what would be sent
     * @return the events sent (or that would be), in the order they are sent
     */
    public List<JournaledEvent> replay(String service, String producer, JournalRange range, boolean dryRun) {
        List<String> producers = ReplayTargets.producersOf(service).orElseThrow(() -> new ReplayRefused("service",
                "There is no subscription '" + service + "'; replays go to one of " + ReplayTargets.services() + "."));
        if (producer != null && !producers.contains(producer)) {
            throw new ReplayRefused("producer", "The " + service + " subscription receives no events from '" + producer
                    + "'; it listens to " + producers + ".");
        }
        List<JournaledEvent> events = (producer == null ? producers.stream() : Stream.of(producer))
                .flatMap(journalOf -> journal.read(journalOf, range, MAX_EVENTS + 1).stream())
                .sorted(OCCURRENCE)
                .toList();
        if (events.size() > MAX_EVENTS) {
            throw new ReplayRefused(null, "More than " + MAX_EVENTS + " events match; replay a narrower range.");
        }
        if (!dryRun) {
            publisher.replay(events, service);
        }
        LOG.log(Level.INFO, "Replay to {0}{1}: {2} events, {3}", new Object[] {service,
                producer == null ? "" : " from " + producer, events.size(), dryRun ? "dry run (nothing sent)" : "sent"});
        return events;
    }
}
