package eventshop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void ceilingIsTheBrokerRateOverTheMessagesAnOrderCosts() {
        Measurement run = new Measurement("closed loop, 4 clients");
        run.start();
        run.toTerminal.recordValue(100_000);
        run.end();

        Report report = new Report(1000, 3000, 20, List.of(run), null, 700, 250);

        assertThat(report.brokerCeilingOrdersPerSecond()).isEqualTo(50.0);
        assertThat(report.markdown()).contains("20.0, so the broker's ceiling is 50.0 orders/s")
                .contains("| closed loop, 4 clients |")
                .contains("orders/s >= 50 % of the broker's ceiling: ")
                .contains("- met: server + broker < 2 GiB resident: 950 MB");
        assertThat(Plot.svg(List.of(run))).startsWith("<svg").contains("polyline");
    }

    @Test
    void theMixIsMostlyApprovedOrders() {
        Map<OrderMix, Integer> drawn = new EnumMap<>(OrderMix.class);
        for (int i = 0; i < 10_000; i++) {
            drawn.merge(OrderMix.next(), 1, Integer::sum);
        }

        assertThat(drawn.get(OrderMix.APPROVED)).isBetween(7_500, 8_500);
        assertThat(drawn).containsKeys(OrderMix.DECLINED, OrderMix.SCARCE, OrderMix.CANCELLED_BY_CLIENT);
        assertThat(OrderMix.DECLINED.card()).isEqualTo(OrderMix.DECLINED_CARD);
    }
}
