package eventshop.warehouse.entity;

import static eventshop.warehouse.entity.ProductTest.stocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipmentTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2025-01-01T10:00:00Z");
    private static final OffsetDateTime DUE = NOW.plusSeconds(2);

    private static Map<String, Product> products(Product... products) {
        Map<String, Product> bySku = new LinkedHashMap<>();
        for (Product product : products) {
            bySku.put(product.sku(), product);
        }
        return bySku;
    }

    /** A reservation of the lines, due at {@link #DUE}. */
    private static Shipment reserved(String orderId, Map<String, Product> products, StockLine... lines) {
        return Shipment.reserve("shipment-of-" + orderId, orderId, List.of(lines), products, NOW, DUE);
    }

    @Test
    void no_sku_is_short_when_every_line_fits_what_is_available() {
        Map<String, Product> products = products(stocked("MUG", 2), stocked("TEE", 5));

        assertThat(Shipment.skusShortOfStock(List.of(new StockLine("MUG", 2), new StockLine("TEE", 1)), products))
                .isEmpty();
    }

    @Test
    void the_skus_with_fewer_available_than_ordered_are_short() {
        Product mug = stocked("MUG", 5);
        mug.reserve(4); // 1 available
        Map<String, Product> products = products(mug, stocked("TEE", 5), stocked("CAP", 0));

        List<String> shortOf = Shipment.skusShortOfStock(
                List.of(new StockLine("MUG", 2), new StockLine("TEE", 5), new StockLine("CAP", 1)), products);

        assertThat(shortOf).containsExactly("MUG", "CAP");
    }

    @Test
    void a_sku_the_warehouse_does_not_know_is_short() {
        assertThat(Shipment.skusShortOfStock(List.of(new StockLine("GHOST", 1)), products(stocked("MUG", 5))))
                .containsExactly("GHOST");
    }

    @Test
    void a_reservation_reserves_every_line_on_its_product() {
        Map<String, Product> products = products(stocked("MUG", 2), stocked("TEE", 5));

        Shipment shipment = reserved("order-1", products, new StockLine("MUG", 2), new StockLine("TEE", 1));

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.RESERVED);
        assertThat(shipment.lines()).containsExactly(new StockLine("MUG", 2), new StockLine("TEE", 1));
        assertThat(products.get("MUG").reserved()).isEqualTo(2);
        assertThat(products.get("MUG").available()).isZero();
        assertThat(products.get("TEE").available()).isEqualTo(4);
    }

    @Test
    void a_reservation_is_due_at_its_due_time_until_it_ships() {
        Map<String, Product> products = products(stocked("MUG", 2));
        Shipment shipment = reserved("order-1", products, new StockLine("MUG", 1));

        assertThat(shipment.isDue(DUE.minusNanos(1))).isFalse();
        assertThat(shipment.isDue(DUE)).isTrue();

        shipment.ship(products, DUE);

        assertThat(shipment.isDue(DUE.plusSeconds(1))).isFalse();
    }

    @Test
    void a_reservation_due_at_once_is_due_immediately() {
        Shipment shipment = Shipment.reserve("shipment-1", "order-1", List.of(new StockLine("MUG", 1)),
                products(stocked("MUG", 2)), NOW, NOW);

        assertThat(shipment.isDue(NOW)).isTrue();
    }

    @Test
    void shipping_takes_the_reserved_units_off_the_shelf() {
        Map<String, Product> products = products(stocked("MUG", 3), stocked("TEE", 5));
        Shipment shipment = reserved("order-1", products, new StockLine("MUG", 2), new StockLine("TEE", 1));

        shipment.ship(products, DUE);

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.SHIPPED);
        assertThat(shipment.shippedAt()).isEqualTo(DUE);
        assertThat(products.get("MUG").stockOnHand()).isEqualTo(1);
        assertThat(products.get("MUG").reserved()).isZero();
        assertThat(products.get("TEE").stockOnHand()).isEqualTo(4);
        assertThat(products.get("TEE").available()).isEqualTo(4);
    }

    @Test
    void cancelling_gives_the_reserved_units_back_to_sale() {
        Map<String, Product> products = products(stocked("MUG", 3));
        Shipment shipment = reserved("order-1", products, new StockLine("MUG", 2));

        shipment.cancel(products, DUE);

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(products.get("MUG").reserved()).isZero();
        assertThat(products.get("MUG").available()).isEqualTo(3);
        assertThat(products.get("MUG").stockOnHand()).isEqualTo(3);
    }

    @Test
    void a_shipment_ships_or_is_cancelled_once() {
        Map<String, Product> products = products(stocked("MUG", 3));
        Shipment shipped = reserved("order-1", products, new StockLine("MUG", 1));
        Shipment cancelled = reserved("order-2", products, new StockLine("MUG", 1));
        shipped.ship(products, DUE);
        cancelled.cancel(products, DUE);

        assertThatIllegalStateException().isThrownBy(() -> shipped.cancel(products, DUE)).withMessageContaining("SHIPPED");
        assertThatIllegalStateException().isThrownBy(() -> shipped.ship(products, DUE));
        assertThatIllegalStateException().isThrownBy(() -> cancelled.ship(products, DUE)).withMessageContaining("CANCELLED");
        assertThat(products.get("MUG").stockOnHand()).isEqualTo(2);
        assertThat(products.get("MUG").reserved()).isZero();
    }
}
