package eventshop.warehouse.control;

import eventshop.events.CompensationFailed;
import eventshop.events.OrderShipped;
import eventshop.events.ProductUpdated;
import eventshop.events.ShippedLine;
import eventshop.events.StockUnavailable;
import eventshop.platform.messaging.EventPublisher;
import eventshop.warehouse.entity.Product;
import eventshop.warehouse.entity.Shipment;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Topic;
import java.util.Collection;
import java.util.List;

/**
 * The warehouse's one way to publish its events (topic eventshop.warehouse.events). Every change of a product's
 * stock or price goes out as ProductUpdated with its whole new state, so the orders service's catalogue copy follows
 * (it keeps the newest by occurredAt, so a request's event relayed after a listener's later one changes nothing).
 * An event caused by a consumed message is sent in the listener's XA transaction; the one of a request (a product
 * changed through the API) is journaled with a row in the warehouse outbox and sent after the commit
 * ({@code platform.messaging.Outbox}), so the request needs no broker.
 */
@ApplicationScoped
public class WarehouseEvents {

    public static final String OUT_OF_STOCK = "out of stock";

    @Resource(lookup = WarehouseTopic.JNDI_NAME)
    Topic topic;

    @Inject
    EventPublisher publisher;

    /**
     * @param correlationId the order whose reservation or shipment changed it
     * @param causationId the event id of the message that caused it, or null (the shipping timer)
     */
    public void productUpdated(Product product, String correlationId, String causationId) {
        publisher.publish(topic, productUpdated(product), ProductCatalogue.PRODUCER, correlationId, causationId);
    }

    private static ProductUpdated productUpdated(Product product) {
        return new ProductUpdated(product.sku(), product.name(), product.price(), product.available());
    }

    /** A product changed by a request of the API: its ProductUpdated waits in the outbox until the commit. */
    public void productChangedByRequest(Product product) {
        publisher.publishAfterCommit(topic, productUpdated(product), ProductCatalogue.PRODUCER, product.sku(), null);
    }

    public void productsUpdated(Collection<Product> products, String orderId, String causationId) {
        products.forEach(product -> productUpdated(product, orderId, causationId));
    }

    public void stockUnavailable(String orderId, List<String> skus, String causationId) {
        publisher.publish(topic, new StockUnavailable(orderId, skus, OUT_OF_STOCK),
                ProductCatalogue.PRODUCER, orderId, causationId);
    }

    public void orderShipped(Shipment shipment, String causationId) {
        List<ShippedLine> lines = shipment.lines().stream()
                .map(line -> new ShippedLine(line.sku(), line.quantity()))
                .toList();
        publisher.publish(topic, new OrderShipped(shipment.orderId(), shipment.id(), lines),
                ProductCatalogue.PRODUCER, shipment.orderId(), causationId);
    }

    /** Stock of a cancelled order could not be released: the orders service puts the order in NEEDS_ATTENTION. */
    public void compensationFailed(String orderId, String reason, String causationId) {
        publisher.publish(topic, new CompensationFailed(orderId, CompensationFailed.STOCK_RELEASE, reason),
                ProductCatalogue.PRODUCER, orderId, causationId);
    }
}
