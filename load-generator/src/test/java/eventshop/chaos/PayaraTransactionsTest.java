package eventshop.chaos;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayaraTransactionsTest {

    @Test
    void readsTheIdsOfTheTransactionManagersListAsPayaraRendersIt() {
        // As an instance answered through the DAS (/monitoring/domain/instance-1/transaction-service), 2026-12-06.
        String current = "%%%EOL%%%%%%EOL%%%Transaction Id                          Status                   ElapsedTime(ms)"
                + "          ComponentName                        ResourceNames %%%EOL%%%0000000000000001_00"
                + "                     Active                   76                       eventshop.orders.control.OrderGauges %%%EOL%%%";

        assertThat(PayaraTransactions.ids(current)).containsExactly("0000000000000001_00");
        assertThat(PayaraTransactions.ids("")).isEmpty();
    }
}
