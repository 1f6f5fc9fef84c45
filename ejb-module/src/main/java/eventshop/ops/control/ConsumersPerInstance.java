package eventshop.ops.control;

import eventshop.platform.messaging.MessagingTopology;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which Payara instance consumes what, for {@link MessagingOverview}: the consumers each instance reported
 * ({@link ConsumerRegistry}, ops.consumer_instance) and the messages each service handled on each instance lately,
 * counted from the services' processed-message records (their instance_name). An EJB of the EJB module, whose
 * persistence unit "ops" the web module's callers cannot name themselves.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ConsumersPerInstance {

    /** The window of {@link MessagingOverview.InstanceConsumers#handledLastFiveMinutes()}. */
    static final Duration HANDLED_WINDOW = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "ops")
    EntityManager em;

    /** Every instance that ever reported, by name, from ops.consumer_instance and the processed-message records. */
    public List<MessagingOverview.InstanceConsumers> read() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Map<String, Integer>> consumers = new TreeMap<>();
        Map<String, Instant> seen = new HashMap<>();
        for (Object row : em.createNativeQuery("select instance_name, queue_name, consumers, seen_at from "
                + "ops.consumer_instance").getResultList()) {
            Object[] columns = (Object[]) row;
            String instance = (String) columns[0];
            consumers.computeIfAbsent(instance, i -> new LinkedHashMap<>());
            consumers.get(instance).put((String) columns[1], ((Number) columns[2]).intValue());
            seen.merge(instance, instant(columns[3]), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, Map<String, Long>> handled = new TreeMap<>();
        for (String service : MessagingTopology.get().serviceNames()) {
            List<?> rows;
            try {
                rows = em.createNativeQuery("select instance_name, count(*) from " + service + ".processed_message "
                                + "where processed_at > ? and instance_name is not null group by instance_name")
                        .setParameter(1, now.minus(HANDLED_WINDOW)).getResultList();
            } catch (PersistenceException notYet) {
                // a service's schema is made when its persistence unit first logs in (its first message): nothing yet
                continue;
            }
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                handled.computeIfAbsent((String) columns[0], i -> new LinkedHashMap<>())
                        .put(service, ((Number) columns[1]).longValue());
            }
        }
        List<MessagingOverview.InstanceConsumers> instances = new ArrayList<>();
        Set<String> names = new TreeSet<>(consumers.keySet());
        names.addAll(handled.keySet());
        for (String instance : names) {
            Instant seenAt = seen.get(instance);
            Map<String, Integer> ordered = new LinkedHashMap<>();
            Map<String, Integer> reported = consumers.getOrDefault(instance, Map.of());
            MessagingTopology.get().listeners().forEach(l -> {
                if (reported.containsKey(l.queue())) {
                    ordered.put(l.queue(), reported.get(l.queue()));
                }
            });
            Map<String, Long> work = new LinkedHashMap<>();
            MessagingTopology.get().serviceNames().forEach(service ->
                    work.put(service, handled.getOrDefault(instance, Map.of()).getOrDefault(service, 0L)));
            instances.add(new MessagingOverview.InstanceConsumers(instance,
                    seenAt != null && seenAt.isAfter(now.toInstant().minusSeconds(ConsumerRegistry.SEEN_WITHIN_SECONDS)),
                    seenAt == null ? null : seenAt.atOffset(ZoneOffset.UTC), ordered, work));
        }
        return instances;
    }

    /** A TIMESTAMP WITH TIME ZONE as the driver returns it (PostgreSQL: Timestamp or OffsetDateTime, H2: OffsetDateTime). */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof TemporalAccessor temporal) {
            return Instant.from(temporal);
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
