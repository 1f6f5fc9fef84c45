package eventshop.warehouse.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockLineTest {

    @Test
    void lines_of_the_same_sku_are_added_up_in_the_order_skus_first_appear() {
        List<Map.Entry<String, Integer>> orderLines = List.of(Map.entry("TEE", 1), Map.entry("MUG", 2), Map.entry("TEE", 3));

        assertThat(StockLine.perSku(orderLines, Map.Entry::getKey, Map.Entry::getValue))
                .containsExactly(new StockLine("TEE", 4), new StockLine("MUG", 2));
    }

    @Test
    void a_line_needs_a_positive_quantity() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StockLine("MUG", 0));
    }
}
