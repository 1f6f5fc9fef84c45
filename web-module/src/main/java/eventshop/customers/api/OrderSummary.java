package eventshop.customers.api;

import eventshop.customers.entity.HistoryEntry;
import java.math.BigDecimal;
import java.time.Instant;

/** One order of a customer's history. */
public record OrderSummary(String orderId, String status, BigDecimal total, Instant placedAt, Instant updatedAt) {

    static OrderSummary of(HistoryEntry entry) {
        return new OrderSummary(entry.orderId(), entry.status().name(), entry.total(), entry.placedAt(),
                entry.updatedAt());
    }
}
