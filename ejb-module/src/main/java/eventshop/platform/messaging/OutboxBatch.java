package eventshop.platform.messaging;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One step of the relay: the next events of a producer's outbox sent, and their outbox rows deleted, in one XA
 * transaction of its own (the database and the broker commit together, or neither). Many events share one
 * two-phase commit, so busy moments cost less than one commit per event.
 */
@Stateless
public class OutboxBatch {

    private static final Logger LOG = MessageLog.logger(OutboxBatch.class);

    @Inject
    Outbox outbox;

    @Inject
    EventJournal journal;

    @Inject
    EventPublisher publisher;

    /** @return how many events were sent; fewer than {@code limit}: the outbox was empty after them */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int relay(String producer, int limit) {
        List<Long> positions = outbox.lockNext(producer, limit);
        if (positions.isEmpty()) {
            return 0;
        }
        long first = positions.get(0);
        long last = positions.get(positions.size() - 1);
        Set<Long> waiting = new HashSet<>(positions);
        // The journal between the two also holds events sent in a listener's transaction: those are skipped.
        List<JournaledEvent> events = journal.read(producer, new JournalRange(first, last, null, null, null, null),
                (int) Math.min(Integer.MAX_VALUE, last - first + 1));
        for (JournaledEvent event : events) {
            if (waiting.contains(event.position())) {
                publisher.sendJournaled(event);
            }
        }
        outbox.sent(producer, positions);
        return positions.size();
    }

    /**
     * Takes the first waiting event out of the outbox without sending it: the broker answers, but refused it at
     * commit twice in a row, alone in its transaction. The one cause met is the broker's duplicate detection: a copy
     * with the same event id was sent before (a relay that died after the broker's commit and before the database's,
     * left unresolved), which makes Artemis reject the whole transaction; left in place, the event would stop every
     * event behind it. Its journal row stays, and the log line says how to send it again to a subscription.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void setAside(String producer) {
        List<Long> first = outbox.lockNext(producer, 1);
        if (first.isEmpty()) {
            return;
        }
        long position = first.get(0);
        List<JournaledEvent> event = journal.read(producer, new JournalRange(position, position, null, null, null, null), 1);
        outbox.sent(producer, first);
        LOG.log(Level.SEVERE, "The broker refused {0} {1} of {2} (journal position {3}) from the outbox of {4} twice at "
                + "commit while it answers: most likely a copy was sent before (same duplicate id). It is taken out of "
                + "the outbox so that the events behind it go on; its journal row stays. If a subscriber did not get it, "
                + "replay it: POST /api/ops/replay with the producer, fromPosition and toPosition {3}", new Object[] {
                event.isEmpty() ? "?" : event.get(0).type(), event.isEmpty() ? "?" : event.get(0).eventId(),
                event.isEmpty() ? "?" : event.get(0).correlationId(), String.valueOf(position), producer});
    }
}
