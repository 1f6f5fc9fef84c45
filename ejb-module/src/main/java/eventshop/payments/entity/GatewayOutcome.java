package eventshop.payments.entity;

/** What a payment's state machine asks the service to do after the gateway answered (or did not). */
public enum GatewayOutcome {
    /** Publish PaymentTaken. */
    TAKEN,
    /** Publish PaymentDeclined with the payment's reason. */
    DECLINED,
    /**
     * The gateway approved after the order was cancelled, or after the payment was declined for its
     * silence: the money was taken for an order that will not ship, give it back now.
     */
    REFUND_AT_ONCE,
    /** A late or repeated answer for a payment already decided: nothing changes. */
    IGNORED
}
