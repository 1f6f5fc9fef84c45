package eventshop.ops.control;

import eventshop.platform.messaging.MessagingTopology;
import eventshop.platform.messaging.ProcessedMessages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what this instance consumes into ops.consumer_instance, shared by every instance: each listener's number of
 * consumers here (eventshop.&lt;service&gt;[.&lt;queue&gt;].consumers as this instance resolved it when the application
 * started, see {@link MessagingTopology.Listener#consumersHere()}), then and every 15 s, so that the
 * operator API on any instance shows which instance consumes what ({@link MessagingOverview}), and tells a running
 * instance from one that stopped writing.
 */
@Singleton
@Startup
public class ConsumerRegistry {

    /** An instance not seen for this long is shown as gone. */
    static final int SEEN_WITHIN_SECONDS = 45;

    @PersistenceContext(unitName = "ops")
    EntityManager em;

    /**
     * Each listener's consumers, read when the application started, as its activations were: Payara changes a system
     * property in the running JVM at once, but an activation keeps its maxSession until the application is enabled
     * again or the instance restarts, so a value read later would show what is not there yet.
     */
    private Map<MessagingTopology.Listener, Integer> activated;

    @PostConstruct
    void started() {
        activated = new LinkedHashMap<>();
        MessagingTopology.get().listeners().forEach(listener -> activated.put(listener, listener.consumersHere()));
        report();
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "ops consumer registry")
    public void report() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("delete from ops.consumer_instance where instance_name = ?")
                .setParameter(1, ProcessedMessages.INSTANCE).executeUpdate();
        for (Map.Entry<MessagingTopology.Listener, Integer> listener : activated.entrySet()) {
            em.createNativeQuery("insert into ops.consumer_instance (instance_name, queue_name, service, consumers, "
                            + "seen_at) values (?, ?, ?, ?, ?)")
                    .setParameter(1, ProcessedMessages.INSTANCE)
                    .setParameter(2, listener.getKey().queue())
                    .setParameter(3, listener.getKey().service())
                    .setParameter(4, listener.getValue())
                    .setParameter(5, now)
                    .executeUpdate();
        }
    }
}
