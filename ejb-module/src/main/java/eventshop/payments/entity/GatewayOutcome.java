package eventshop.payments.entity;

/** What a payment's state machine asks the service to do after the gateway answered (or did not). */
public enum GatewayOutcome {
    /** Publish PaymentTaken. */
    TAKEN,
    /** Publish PaymentDeclined with the payment's reason. */
    DECLINED,
    /** The order was cancelled while the gateway was deciding and it approved: give the money back now. */
    REFUND_AT_ONCE,
    /** A late or repeated answer for a payment already decided: nothing changes. */
    IGNORED
}
