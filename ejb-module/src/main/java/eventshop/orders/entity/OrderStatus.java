package eventshop.orders.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands, and the state machine that says where it may go next.
 *
 * <pre>
 * PLACED ──PaymentTaken──▶ PAID ──OrderShipped──▶ SHIPPED
 *   │  └──PaymentDeclined──▶ REJECTED
 *   └─────┴──cancel / PaymentRefunded──▶ CANCELLED
 *
 * any status ──CompensationFailed──▶ NEEDS_ATTENTION ──PaymentRefunded (the retried refund was made,
 *                                                      and nothing else failed)──▶ CANCELLED
 * </pre>
 * SHIPPED, REJECTED and CANCELLED are terminal: an event that arrives for a terminal order is written
 * on its timeline and changes nothing else, with one exception. A compensating step that fails for good
 * (a refund the gateway refuses, stock that cannot be released because the shipment left) moves the
 * order to NEEDS_ATTENTION from wherever it is, a terminal state included: a cancellation whose
 * compensation failed has not really ended, and must not look as if it had.
 *
 * <p>NEEDS_ATTENTION is not terminal, so an order in it does not count as the one terminal state every
 * order ends in; it is a resting state: no payment, shipment or cancel moves the order on (they go on the
 * timeline). It is left only when what failed is done after all: a refund retried from the dead-letter
 * queue that the gateway makes leads to CANCELLED. The {@link Order} decides whether every failed
 * compensation is settled; this state machine only says CANCELLED is the one way out.
 */
public enum OrderStatus {

    PLACED, PAID, SHIPPED, REJECTED, CANCELLED, NEEDS_ATTENTION;

    private static final Set<OrderStatus> TERMINAL = EnumSet.of(SHIPPED, REJECTED, CANCELLED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            // SHIPPED straight from PLACED: the warehouse ships only after PaymentTaken, so a shipment
            // proves the payment even when a redelivered PaymentTaken reaches orders after it.
            case PLACED -> EnumSet.of(PAID, REJECTED, CANCELLED, SHIPPED, NEEDS_ATTENTION).contains(next);
            case PAID -> EnumSet.of(SHIPPED, CANCELLED, NEEDS_ATTENTION).contains(next);
            case SHIPPED, REJECTED, CANCELLED -> next == NEEDS_ATTENTION;
            case NEEDS_ATTENTION -> next == CANCELLED;
        };
    }

    /** The customer may cancel until the order ships or ends otherwise (or needs a person to look at it). */
    public boolean cancellableByCustomer() {
        return this == PLACED || this == PAID;
    }
}
