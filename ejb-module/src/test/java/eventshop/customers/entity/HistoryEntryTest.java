package eventshop.customers.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HistoryEntryTest {

    private static final Instant PLACED_AT = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2025-01-01T10:05:00Z");

    private final HistoryEntry entry = new HistoryEntry("order-1", "customer-1", new BigDecimal("25.00"), PLACED_AT);

    @Test
    void a_new_entry_is_placed_as_of_its_order() {
        assertThat(entry.status()).isEqualTo(HistoryStatus.PLACED);
        assertThat(entry.placedAt()).isEqualTo(PLACED_AT);
        assertThat(entry.updatedAt()).isEqualTo(PLACED_AT);
    }

    @Test
    void the_happy_path_moves_placed_to_paid_to_shipped() {
        assertThat(entry.moveTo(HistoryStatus.PAID, LATER)).isTrue();
        assertThat(entry.moveTo(HistoryStatus.SHIPPED, LATER.plusSeconds(60))).isTrue();

        assertThat(entry.status()).isEqualTo(HistoryStatus.SHIPPED);
        assertThat(entry.updatedAt()).isEqualTo(LATER.plusSeconds(60));
        assertThat(entry.placedAt()).isEqualTo(PLACED_AT);
    }

    @ParameterizedTest
    @EnumSource(value = HistoryStatus.class, names = {"REJECTED", "SHIPPED", "CANCELLED"})
    void a_placed_order_may_end_in_any_terminal_state(HistoryStatus terminal) {
        assertThat(entry.moveTo(terminal, LATER)).isTrue();
        assertThat(entry.status()).isEqualTo(terminal);
    }

    @ParameterizedTest
    @EnumSource(value = HistoryStatus.class, names = {"REJECTED", "SHIPPED", "CANCELLED"})
    void a_terminal_entry_never_moves(HistoryStatus terminal) {
        entry.moveTo(terminal, LATER);

        for (HistoryStatus next : HistoryStatus.values()) {
            assertThat(entry.moveTo(next, LATER.plusSeconds(60))).as("%s to %s", terminal, next).isFalse();
        }
        assertThat(entry.status()).isEqualTo(terminal);
        assertThat(entry.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void a_paid_entry_does_not_go_back_to_placed_nor_take_paid_twice() {
        entry.moveTo(HistoryStatus.PAID, LATER);

        assertThat(entry.moveTo(HistoryStatus.PLACED, LATER.plusSeconds(60))).isFalse();
        assertThat(entry.moveTo(HistoryStatus.PAID, LATER.plusSeconds(60))).isFalse();
        assertThat(entry.status()).isEqualTo(HistoryStatus.PAID);
        assertThat(entry.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void only_shipped_rejected_and_cancelled_are_terminal() {
        assertThat(HistoryStatus.values()).filteredOn(HistoryStatus::isTerminal)
                .containsExactlyInAnyOrder(HistoryStatus.REJECTED, HistoryStatus.SHIPPED, HistoryStatus.CANCELLED);
    }
}
