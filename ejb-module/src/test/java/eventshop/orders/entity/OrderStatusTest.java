package eventshop.orders.entity;

import static eventshop.orders.entity.OrderStatus.CANCELLED;
import static eventshop.orders.entity.OrderStatus.NEEDS_ATTENTION;
import static eventshop.orders.entity.OrderStatus.PAID;
import static eventshop.orders.entity.OrderStatus.PLACED;
import static eventshop.orders.entity.OrderStatus.REJECTED;
import static eventshop.orders.entity.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

    @Test
    void terminalStatesAreShippedRejectedAndCancelled() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isTerminal))
                .containsExactlyInAnyOrder(SHIPPED, REJECTED, CANCELLED);
    }

    @Test
    void placedOrderCanBePaidRejectedCancelledOrNeedAttention() {
        assertThat(nextOf(PLACED)).containsExactlyInAnyOrder(PAID, REJECTED, CANCELLED, SHIPPED, NEEDS_ATTENTION);
    }

    @Test
    void paidOrderCanShipOrBeCancelledButNotRejected() {
        assertThat(nextOf(PAID)).containsExactlyInAnyOrder(SHIPPED, CANCELLED, NEEDS_ATTENTION);
    }

    /** A failed refund is settled by a retried refund that is made: the order then ends CANCELLED. */
    @Test
    void orderThatNeedsAttentionLeavesItOnlyForCancelled() {
        assertThat(nextOf(NEEDS_ATTENTION)).containsExactly(CANCELLED);
    }

    /** NEEDS_ATTENTION is a resting state, not an end: it does not count as the order's terminal state. */
    @Test
    void needsAttentionIsNotTerminal() {
        assertThat(NEEDS_ATTENTION.isTerminal()).isFalse();
        assertThat(NEEDS_ATTENTION.cancellableByCustomer()).isFalse();
    }

    /**
     * A terminal state leads nowhere but to NEEDS_ATTENTION: a cancellation whose refund or stock release
     * failed for good has not really ended.
     */
    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SHIPPED", "REJECTED", "CANCELLED"})
    void terminalStateLeadsOnlyToNeedsAttention(OrderStatus terminal) {
        assertThat(nextOf(terminal)).containsExactly(NEEDS_ATTENTION);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "NEEDS_ATTENTION", mode = EnumSource.Mode.EXCLUDE)
    void aFailedCompensationReachesNeedsAttentionFromEveryOtherStatus(OrderStatus status) {
        assertThat(status.canMoveTo(NEEDS_ATTENTION)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void noStatusMovesToItself(OrderStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }

    @Test
    void nothingGoesBackToPlaced() {
        assertThat(EnumSet.allOf(OrderStatus.class)).noneMatch(status -> status.canMoveTo(PLACED));
    }

    @Test
    void customerMayCancelOnlyPlacedAndPaidOrders() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::cancellableByCustomer))
                .containsExactlyInAnyOrder(PLACED, PAID);
    }

    private static Set<OrderStatus> nextOf(OrderStatus status) {
        return Arrays.stream(OrderStatus.values()).filter(status::canMoveTo).collect(Collectors.toSet());
    }
}
