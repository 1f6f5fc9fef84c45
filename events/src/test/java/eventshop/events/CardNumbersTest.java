package eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void masksEveryCardNumberInATextAndLeavesTheLastFour() {
        String body = "{\"cardNumber\":\"4242424242424242\",\"other\":\"4000000000000119\",\"total\":29.00,"
                + "\"orderId\":\"7d0c2a6e-3b1f-4c52-9a57-0d6f3c1b2a90\",\"count\":123456789012}";
        assertThat(CardNumbers.mask(body)).isEqualTo("{\"cardNumber\":\"************4242\",\"other\":\"************0119\","
                + "\"total\":29.00,\"orderId\":\"7d0c2a6e-3b1f-4c52-9a57-0d6f3c1b2a90\",\"count\":123456789012}");
        assertThat(CardNumbers.mask(null)).isNull();
    }

    @Test
    void luhnAndLength() {
        assertThat(CardNumbers.isValid("4242424242424242")).isTrue();
        assertThat(CardNumbers.isValid("4000000000000002")).isTrue();
        assertThat(CardNumbers.isValid("4000000000000119")).isTrue();
        assertThat(CardNumbers.isValid("4000000000000341")).isTrue();
        assertThat(CardNumbers.isValid("4242424242424241")).isFalse();
        assertThat(CardNumbers.isValid("424242424242")).isFalse();
        assertThat(CardNumbers.isValid("42424242424242424242")).isFalse();
        assertThat(CardNumbers.isValid("4242 4242 4242 4242")).isFalse();
    }

    @Test
    void lastFour() {
        assertThat(CardNumbers.lastFour("4242424242424242")).isEqualTo("4242");
        assertThat(CardNumbers.lastFour("************0119")).isEqualTo("0119");
    }
}
