package eventshop.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what producers' outboxes ({@link Outbox}) hold, at once after the commit that filled them: woken by
 * that commit, it drains the outbox on a managed thread, batch after batch ({@link OutboxBatch}), in journal
 * order. One drain per producer at a time in this server, so that it never sends a producer's events out of
 * order or twice (other server instances are kept apart by the outbox rows' locks); a wake-up during a drain
 * makes that drain look again before it stops.
 *
 * <p>A failed batch (the broker is down) rolls back and stays in the outbox; the drain stops and the next
 * wake-up, or the producer's periodic sweep, tries again. Requests that fill the outbox meanwhile still
 * succeed: they need the database only.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Events per transaction: enough to share a commit in busy moments, small enough to keep it short. */
    static final int BATCH = 50;

    private static final Logger LOG = MessageLog.logger(OutboxRelay.class);

    @Resource
    ManagedExecutorService executor;

    @Inject
    OutboxBatch batches;

    private final Map<String, Drain> drains = new ConcurrentHashMap<>();

    /** There may be events to send in the producer's outbox: make sure a drain runs after this call. */
    public void wake(String producer) {
        Drain drain = drains.computeIfAbsent(producer, Drain::new);
        drain.wanted.set(true);
        if (drain.running.compareAndSet(false, true)) {
            executor.execute(() -> run(drain));
        }
    }

    /** Whether the last attempt to send the producer's outbox failed (the broker could not be reached). */
    public boolean failing(String producer) {
        Drain drain = drains.get(producer);
        return drain != null && drain.failing;
    }

    private void run(Drain drain) {
        do {
            try {
                while (drain.wanted.getAndSet(false)) {
                    while (relayBatch(drain.producer) == BATCH) {
                        // a full batch: there may be more
                    }
                }
            } catch (RuntimeException e) {
                // Said once per outage: the sweep retries every few seconds while the broker is away.
                if (!drain.failing) {
                    LOG.log(Level.WARNING, "The outbox of {0} cannot be sent; it is tried again at the next wake-up or "
                            + "sweep, and requests go on filling it: {1}",
                            new Object[] {drain.producer, String.valueOf(rootCause(e))});
                }
                drain.failing = true;
                drain.running.set(false);
                return;
            }
            if (drain.failing) {
                LOG.log(Level.INFO, "The outbox of {0} is sent again", drain.producer);
                drain.failing = false;
            }
            drain.running.set(false);
            // A wake-up between the last look and the line above found the drain running and left: look again.
        } while (drain.wanted.get() && drain.running.compareAndSet(false, true));
    }

    /**
     * One batch; if the broker refused it at commit (it answered every send), the same events one by one, so that
     * an event the broker keeps refusing is found and set aside ({@link OutboxBatch#setAside}) instead of holding
     * up every event behind it. A broker that cannot be reached fails at the first send instead, and ends the drain.
     */
    private int relayBatch(String producer) {
        try {
            return batches.relay(producer, BATCH);
        } catch (RuntimeException e) {
            if (!refusedAtCommit(e)) {
                throw e;
            }
        }
        int sent = 0;
        while (sent < BATCH) {
            if (relayOne(producer) == 0) {
                return sent;
            }
            sent++;
        }
        return sent;
    }

    /** The first waiting event alone; refused at commit twice, set aside. @return 0 when the outbox was empty */
    private int relayOne(String producer) {
        for (int attempt = 1; ; attempt++) {
            try {
                return batches.relay(producer, 1);
            } catch (RuntimeException e) {
                if (!refusedAtCommit(e)) {
                    throw e;
                }
                if (attempt == 2) {
                    batches.setAside(producer);
                    return 1;
                }
            }
        }
    }

    /**
     * The sends went through and the commit was refused (Payara's RollbackException: a resource failed to prepare),
     * as opposed to a broker that cannot be reached, which fails the first send.
     */
    private static boolean refusedAtCommit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.transaction.RollbackException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static final class Drain {
        final String producer;
        final AtomicBoolean wanted = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean();
        volatile boolean failing;

        Drain(String producer) {
            this.producer = producer;
        }
    }
}
