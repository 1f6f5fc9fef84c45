package eventshop.customers.entity;

/**
 * Where an order stands in its customer's history. An entry only moves forward (placed, then paid,
 * then one terminal state); events that arrive late or twice therefore cannot undo a later state.
 */
public enum HistoryStatus {
    PLACED(0),
    PAID(1),
    REJECTED(2),
    SHIPPED(2),
    CANCELLED(2);

    private static final int TERMINAL = 2;

    private final int stage;

    HistoryStatus(int stage) {
        this.stage = stage;
    }

    public boolean isTerminal() {
        return stage == TERMINAL;
    }

    /** True when an entry in this status may take the next one: never out of a terminal state, never back. */
    public boolean canMoveTo(HistoryStatus next) {
        return !isTerminal() && next.stage > stage;
    }
}
