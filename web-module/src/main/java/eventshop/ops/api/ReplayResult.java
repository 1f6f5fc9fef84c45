package eventshop.ops.api;

import eventshop.platform.messaging.JournaledEvent;
import java.time.Instant;
import java.util.List;

/** What a replay sent (or, for a dry run, would send), in the order it is sent. */
public record ReplayResult(boolean dryRun, int count, List<Event> events) {

    public record Event(long position, String producer, String eventId, String type, String correlationId,
                        Instant occurredAt) {
    }

    static ReplayResult of(boolean dryRun, List<JournaledEvent> events) {
        return new ReplayResult(dryRun, events.size(), events.stream()
                .map(event -> new Event(event.position(), event.producer(), event.eventId().toString(), event.type(),
                        event.correlationId(), event.occurredAt().toInstant()))
                .toList());
    }
}
