package eventshop.platform.messaging;

import java.time.OffsetDateTime;

/**
 * Which journaled events to read; every bound is optional and inclusive, and the bounds given must
 * all hold.
 *
 * @param fromPosition the first journal position (positions count per producer)
 * @param toPosition the last journal position
 * @param from the earliest occurredAt
 * @param to the latest occurredAt
 * @param type only events of this type
 * @param correlationId only events with this correlation id: every event of one order
 */
public record JournalRange(Long fromPosition, Long toPosition, OffsetDateTime from, OffsetDateTime to,
                           String type, String correlationId) {
}
