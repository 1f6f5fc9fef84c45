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
 * </pre>
 * SHIPPED, REJECTED and CANCELLED are terminal: an event that arrives for a terminal order is written
 * on its timeline and changes nothing else. NEEDS_ATTENTION is reserved for a compensation that fails
 * for good; only an operator's resolution (a terminal state) leads out of it.
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
            case NEEDS_ATTENTION -> next.isTerminal();
            case SHIPPED, REJECTED, CANCELLED -> false;
        };
    }

    /** The customer may cancel until the order ships or ends otherwise. */
    public boolean cancellableByCustomer() {
        return this == PLACED || this == PAID;
    }
}
