package eventshop.warehouse.control;

/** The warehouse's event topic (Artemis address eventshop.warehouse.events). */
public final class WarehouseTopic {

    public static final String JNDI_NAME = "jms/eventshop/warehouse/events";

    private WarehouseTopic() {
    }
}
