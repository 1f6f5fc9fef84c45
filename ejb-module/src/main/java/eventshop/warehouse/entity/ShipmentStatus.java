package eventshop.warehouse.entity;

/** A paid order's stock: set aside until it ships, or given back if the order is cancelled first. */
public enum ShipmentStatus {
    RESERVED,
    SHIPPED,
    CANCELLED
}
