package eventshop.payments.entity;

/** Reasons come from outside (the gateway, a customer); the columns hold at most {@link #MAX_LENGTH}. */
final class Reasons {

    static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    /** Cuts a reason to the column's size: a longer text must not fail the whole transaction. */
    static String fit(String reason) {
        return reason == null || reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH);
    }
}
