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
 * The warehouse's one way to publish its events (topic eventshop.warehouse.events), in the caller's
 * transaction. Every change of a product's stock or price goes out as ProductUpdated with its whole
 * new state, so the orders service's catalogue copy follows.
 */
@ApplicationScoped
public class WarehouseEvents {

    public static final String OUT_OF_STOCK = "out of stock";

    @Resource(lookup = WarehouseTopic.JNDI_NAME)
    Topic topic;

    @Inject
    EventPublisher publisher;

    /**
     * @param correlationId the order whose reservation or shipment changed it, or the sku for an operator's change
     * @param causationId the event id of the message that caused it, or null (a REST call, a timer)
     */
    public void productUpdated(Product product, String correlationId, String causationId) {
        publisher.publish(topic, new ProductUpdated(product.sku(), product.name(), product.price(), product.available()),
                ProductCatalogue.PRODUCER, correlationId, causationId);
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
