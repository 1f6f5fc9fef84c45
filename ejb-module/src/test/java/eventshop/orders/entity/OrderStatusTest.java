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

    @Test
    void orderThatNeedsAttentionIsResolvedOnlyToATerminalState() {
        assertThat(nextOf(NEEDS_ATTENTION)).containsExactlyInAnyOrder(SHIPPED, REJECTED, CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SHIPPED", "REJECTED", "CANCELLED"})
    void terminalStateLeadsNowhere(OrderStatus terminal) {
        assertThat(nextOf(terminal)).isEmpty();
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
