package eventshop.warehouse.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** The reservation arithmetic: available = on hand - reserved. */
class ProductTest {

    static Product stocked(String sku, int onHand) {
        Product product = new Product(sku, "Product " + sku);
        product.restock(onHand);
        return product;
    }

    @Test
    void reserving_lowers_what_is_available_not_what_is_on_hand() {
        Product mug = stocked("MUG", 10);

        mug.reserve(3);

        assertThat(mug.stockOnHand()).isEqualTo(10);
        assertThat(mug.reserved()).isEqualTo(3);
        assertThat(mug.available()).isEqualTo(7);
    }

    @Test
    void the_last_units_can_be_reserved_but_not_one_more() {
        Product mug = stocked("MUG", 2);

        mug.reserve(2);

        assertThat(mug.available()).isZero();
        assertThatIllegalStateException().isThrownBy(() -> mug.reserve(1)).withMessageContaining("only 0 available");
        assertThat(mug.reserved()).isEqualTo(2);
    }

    @Test
    void releasing_gives_reserved_units_back_to_sale() {
        Product mug = stocked("MUG", 10);
        mug.reserve(3);

        mug.release(3);

        assertThat(mug.reserved()).isZero();
        assertThat(mug.available()).isEqualTo(10);
        assertThat(mug.stockOnHand()).isEqualTo(10);
    }

    @Test
    void shipping_takes_reserved_units_off_the_shelf_and_leaves_available_as_it_was() {
        Product mug = stocked("MUG", 10);
        mug.reserve(3);

        mug.ship(3);

        assertThat(mug.stockOnHand()).isEqualTo(7);
        assertThat(mug.reserved()).isZero();
        assertThat(mug.available()).isEqualTo(7);
    }

    @Test
    void nothing_unreserved_can_be_released_or_shipped() {
        Product mug = stocked("MUG", 10);
        mug.reserve(1);

        assertThatIllegalStateException().isThrownBy(() -> mug.release(2));
        assertThatIllegalStateException().isThrownBy(() -> mug.ship(2));
        assertThat(mug.reserved()).isEqualTo(1);
        assertThat(mug.stockOnHand()).isEqualTo(10);
    }

    @Test
    void quantities_must_be_positive() {
        Product mug = stocked("MUG", 10);

        assertThatIllegalArgumentException().isThrownBy(() -> mug.reserve(0));
        assertThatIllegalArgumentException().isThrownBy(() -> mug.release(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> mug.ship(0));
    }
}
