package eventshop.customers.control;

/** The customers service's event topic (Artemis address eventshop.customers.events). */
public final class CustomersTopic {

    public static final String JNDI_NAME = "jms/eventshop/customers/events";

    private CustomersTopic() {
    }
}
