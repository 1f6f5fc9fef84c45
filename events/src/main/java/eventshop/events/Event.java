package eventshop.events;

/**
 * A contract that travels in an {@link Envelope}: an event (a fact, named in the past tense) or a
 * command (imperative). Each record declares its type and current version in {@link Contract}.
 */
public interface Event {

    /** The id messages about this contract are correlated and grouped by (an order id, a sku). */
    String correlationKey();
}
