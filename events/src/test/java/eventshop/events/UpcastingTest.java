package eventshop.events;

import static eventshop.events.Wire.assertRejected;
import static eventshop.events.Wire.edit;
import static eventshop.events.Wire.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpcastingTest {

    /** Written by hand as a version 1 producer wrote it: no currency on the order or its lines. */
    private static final String ORDER_PLACED_V1 = """
            {"eventId":"3f1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b","type":"OrderPlaced","version":1,
             "occurredAt":"2024-03-01T10:15:30Z","correlationId":"o-1","producer":"orders",
             "payload":{"orderId":"o-1","customerId":"c-1","customerName":"Ada Lovelace",
               "customerEmail":"ada@example.org","total":29.00,"cardNumber":"4242424242424242",
               "lines":[{"sku":"MUG-1","name":"Mug","quantity":2,"unitPrice":12.50},
                        {"sku":"TEA-7","name":"Tea","quantity":1,"unitPrice":4.00}]}}
            """;

    /** A contract of version 3 that no upcaster was written for. */
    @Contract(type = "Unfinished", version = 3)
    record Unfinished(String id) implements Event {
        @Override
        public String correlationKey() {
            return id;
        }
    }

    @Test
    void orderPlacedVersion1IsUpcastToEuros() {
        assertThat(read(ORDER_PLACED_V1, OrderPlaced.class)).isEqualTo(new OrderPlaced("o-1", "c-1",
                "Ada Lovelace", "ada@example.org",
                List.of(new PlacedLine("MUG-1", "Mug", 2, new BigDecimal("12.50"), "EUR"),
                        new PlacedLine("TEA-7", "Tea", 1, new BigDecimal("4.00"), "EUR")),
                new BigDecimal("29.00"), "EUR", null, "4242", "4242424242424242"));
    }

    @Test
    void orderPlacedVersion2KeepsItsNumberForPaymentsAndGivesEveryoneTheLastFour() {
        String v2 = """
                {"eventId":"3f1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b","type":"OrderPlaced","version":2,
                 "occurredAt":"2026-03-01T10:15:30Z","correlationId":"o-1","producer":"orders",
                 "payload":{"orderId":"o-1","customerId":"c-1","total":4.00,"currency":"USD",
                   "cardNumber":"4242424242424242",
                   "lines":[{"sku":"TEA-7","name":"Tea","quantity":1,"unitPrice":4.00,"currency":"USD"}]}}
                """;
        OrderPlaced read = read(v2, OrderPlaced.class);
        assertThat(read.currency()).isEqualTo("USD");
        assertThat(read.cardLast4()).isEqualTo("4242");
        assertThat(read.paymentToken()).isNull();
        assertThat(read.cardNumber()).isEqualTo("4242424242424242");
    }

    @Test
    void aNumberTheMigrationMaskedStillGivesItsLastFour() {
        OrderPlaced read = read(edit(ORDER_PLACED_V1, "4242424242424242", "************4242"), OrderPlaced.class);
        assertThat(read.cardLast4()).isEqualTo("4242");
    }

    @Test
    void version3IsWrittenWithTheTokenAndNeverWithANumber() {
        String json = Wire.json(Samples.ORDER_PLACED);
        assertThat(json).contains("\"version\":3", "\"paymentToken\":\"" + Samples.TOKEN, "\"cardLast4\":\"4242\"")
                .doesNotContain("cardNumber").doesNotContain("4242424242424242");
        assertThat(read(json, OrderPlaced.class)).isEqualTo(Samples.ORDER_PLACED);
    }

    @Test
    void version3WithANumberOrWithoutAnyPaymentIsRejected() {
        String json = Wire.json(Samples.ORDER_PLACED);
        assertRejected(edit(json, "\"paymentToken\":", "\"cardNumber\":\"4242424242424242\",\"paymentToken\":"),
                OrderPlaced.class, "does not bind");
        assertRejected(edit(json, "\"paymentToken\":\"" + Samples.TOKEN + "\",", ""), OrderPlaced.class, "does not bind");
    }

    @Test
    void authorizePaymentVersion1IsStillReadWithItsNumberAndVersion2CarriesTheToken() {
        String v1 = """
                {"eventId":"3f1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b","type":"AuthorizePayment","version":1,
                 "occurredAt":"2024-03-01T10:15:30Z","correlationId":"o-1","producer":"payments",
                 "payload":{"paymentId":"p-1","orderId":"o-1","amount":29.00,"currency":"EUR",
                   "cardNumber":"4000000000000002"}}
                """;
        AuthorizePayment read = read(v1, AuthorizePayment.class);
        assertThat(read.cardNumber()).isEqualTo("4000000000000002");
        assertThat(read.paymentToken()).isNull();
        String v2 = Wire.json(AuthorizePayment.byToken("p-1", "o-1", new BigDecimal("29.00"), "EUR", Samples.TOKEN));
        assertThat(v2).contains("\"version\":2", Samples.TOKEN).doesNotContain("cardNumber");
    }

    @Test
    void version1StillNeedsItsOwnFields() {
        assertRejected(edit(ORDER_PLACED_V1, "\"quantity\":1,", ""), OrderPlaced.class, "'lines[1].quantity'");
    }

    @Test
    void unknownMajorVersionIsRejected() {
        assertRejected(edit(ORDER_PLACED_V1, "\"version\":1", "\"version\":99"), OrderPlaced.class,
                "unsupported version 99");
        assertRejected(edit(ORDER_PLACED_V1, "\"version\":1", "\"version\":0"), OrderPlaced.class,
                "unsupported version 0");
    }

    @Test
    void olderVersionWithoutUpcasterIsRejectedNamingTheStep() {
        assertRejected(edit(ORDER_PLACED_V1, "\"type\":\"OrderPlaced\"", "\"type\":\"Unfinished\""),
                Unfinished.class, "unsupported version 1 of Unfinished: no upcaster from version 1 to 2");
    }

    @Test
    void everyOlderVersionOfEveryContractHasAnUpcaster() {
        for (Class<? extends Event> type : Contracts.ALL) {
            Contract contract = EventCodec.contractOf(type);
            for (int version = 1; version < contract.version(); version++) {
                assertThat(Upcasters.hasStep(contract.type(), version))
                        .as("upcaster for %s version %d", contract.type(), version).isTrue();
            }
        }
    }

    @Test
    void everyUpcasterReadsAnOlderVersionOfAKnownContract() {
        for (Upcaster upcaster : Upcasters.ALL) {
            Contract contract = Contracts.ALL.stream().map(EventCodec::contractOf)
                    .filter(c -> c.type().equals(upcaster.type())).findFirst().orElseThrow();
            assertThat(upcaster.fromVersion()).isBetween(1, contract.version() - 1);
        }
    }
}
