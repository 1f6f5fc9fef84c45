package eventshop.orders.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import eventshop.orders.entity.CatalogueItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final Map<String, CatalogueItem> CATALOGUE = Map.of(
            "MUG-1", item("MUG-1", "Mug", "12.50", 30),
            "TEA-7", item("TEA-7", "Tea", "4.00", 0),
            "PEN-3", item("PEN-3", "Pen", "0.99", 5));

    private final Pricing pricing = new Pricing(sku -> Optional.ofNullable(CATALOGUE.get(sku)));

    @Test
    void linesAreQuantityTimesTheCataloguePriceAndTheTotalTheirSum() {
        PricedOrder priced = pricing.price(List.of(new RequestedItem("MUG-1", 2), new RequestedItem("PEN-3", 3)));

        assertThat(priced.lines())
                .extracting(PricedOrder.Line::sku, PricedOrder.Line::name, PricedOrder.Line::quantity,
                        PricedOrder.Line::unitPrice, PricedOrder.Line::lineTotal)
                .containsExactly(
                        tuple("MUG-1", "Mug", 2, new BigDecimal("12.50"), new BigDecimal("25.00")),
                        tuple("PEN-3", "Pen", 3, new BigDecimal("0.99"), new BigDecimal("2.97")));
        assertThat(priced.total()).isEqualTo(new BigDecimal("27.97"));
        assertThat(priced.currency()).isEqualTo("EUR");
    }

    @Test
    void productOutOfStockIsStillPricedBecauseTheWarehouseJudgesStock() {
        assertThat(pricing.price(List.of(new RequestedItem("TEA-7", 1))).total()).isEqualTo(new BigDecimal("4.00"));
    }

    @Test
    void amountsHaveTwoDecimals() {
        Pricing wholeEuros = new Pricing(sku -> Optional.of(item(sku, "Book", "10", 1)));

        PricedOrder priced = wholeEuros.price(List.of(new RequestedItem("BOOK-1", 3)));

        assertThat(priced.lines().get(0).unitPrice()).hasToString("10.00");
        assertThat(priced.total()).hasToString("30.00");
    }

    @Test
    void everyUnknownSkuIsNamedByItsItem() {
        assertThatThrownBy(() -> pricing.price(List.of(
                new RequestedItem("NOPE-1", 1), new RequestedItem("MUG-1", 1), new RequestedItem("NOPE-2", 1))))
                .isInstanceOfSatisfying(OrderRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(OrderRejected.Reason.UNKNOWN_SKU);
                    assertThat(rejected.fields()).extracting(OrderRejected.Field::name)
                            .containsExactly("items[0].sku", "items[2].sku");
                    assertThat(rejected.fields().get(0).message()).contains("NOPE-1");
                });
    }

    @Test
    void skuOnTwoItemsIsAnInvalidRequestNamingTheSecond() {
        assertThatThrownBy(() -> pricing.price(List.of(
                new RequestedItem("MUG-1", 1), new RequestedItem("TEA-7", 1), new RequestedItem("MUG-1", 2))))
                .isInstanceOfSatisfying(OrderRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(OrderRejected.Reason.INVALID_REQUEST);
                    assertThat(rejected.fields()).extracting(OrderRejected.Field::name).containsExactly("items[2].sku");
                    assertThat(rejected.fields().get(0).message()).contains("items[0]");
                });
    }

    @Test
    void totalBeyondWhatAnOrderHoldsIsRefused() {
        Pricing jewels = new Pricing(sku -> Optional.of(item(sku, "Crown", "9999999.99", 1)));

        assertThatThrownBy(() -> jewels.price(List.of(new RequestedItem("CROWN-1", 999), new RequestedItem("CROWN-2", 999))))
                .isInstanceOfSatisfying(OrderRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(OrderRejected.Reason.INVALID_REQUEST);
                    assertThat(rejected.fields()).extracting(OrderRejected.Field::name).containsExactly("items");
                });
        assertThat(jewels.price(List.of(new RequestedItem("CROWN-1", 999))).total()).isEqualTo(new BigDecimal("9989999990.01"));
    }

    private static CatalogueItem item(String sku, String name, String price, int available) {
        CatalogueItem item = new CatalogueItem(sku);
        item.apply(name, new BigDecimal(price), available, Instant.now());
        return item;
    }
}
