package eventshop.orders.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final List<RequestedItem> ITEMS = List.of(new RequestedItem("MUG-1", 2), new RequestedItem("TEA-7", 1));

    @Test
    void canonicalBodyHasSortedKeysAndNoWhitespace() {
        assertThat(RequestFingerprint.canonical("c-1", ITEMS, "4242424242424242")).isEqualTo(
                "{\"customerId\":\"c-1\",\"items\":[{\"quantity\":2,\"sku\":\"MUG-1\"},{\"quantity\":1,\"sku\":\"TEA-7\"}],"
                        + "\"payment\":{\"cardNumber\":\"4242424242424242\"}}");
    }

    @Test
    void fingerprintIsTheSha256OfTheCanonicalBodyInHex() {
        // echo -n '{"customerId":"c-1","items":[{"quantity":1,"sku":"A"}],"payment":{"cardNumber":"4242424242424242"}}' | sha256sum
        assertThat(RequestFingerprint.of("c-1", List.of(new RequestedItem("A", 1)), "4242424242424242"))
                .isEqualTo("2ecd58846a26002be4e3e86cee4c99ff3f788368ccb170aad8b46216f76220fd");
    }

    @Test
    void sameRequestGivesTheSameFingerprint() {
        assertThat(RequestFingerprint.of("c-1", List.copyOf(ITEMS), "4242424242424242"))
                .isEqualTo(RequestFingerprint.of("c-1", ITEMS, "4242424242424242"))
                .hasSize(64);
    }

    @Test
    void everyValueChangesTheFingerprint() {
        String original = RequestFingerprint.of("c-1", ITEMS, "4242424242424242");

        assertThat(List.of(
                RequestFingerprint.of("c-2", ITEMS, "4242424242424242"),
                RequestFingerprint.of("c-1", List.of(new RequestedItem("MUG-1", 3), new RequestedItem("TEA-7", 1)), "4242424242424242"),
                RequestFingerprint.of("c-1", List.of(new RequestedItem("MUG-2", 2), new RequestedItem("TEA-7", 1)), "4242424242424242"),
                RequestFingerprint.of("c-1", List.of(new RequestedItem("MUG-1", 2)), "4242424242424242"),
                RequestFingerprint.of("c-1", ITEMS, "4000000000000002")))
                .doesNotContain(original)
                .doesNotHaveDuplicates();
    }

    @Test
    void itemOrderIsPartOfTheRequest() {
        assertThat(RequestFingerprint.of("c-1", List.of(ITEMS.get(1), ITEMS.get(0)), "4242424242424242"))
                .isNotEqualTo(RequestFingerprint.of("c-1", ITEMS, "4242424242424242"));
    }

    @Test
    void quotesInValuesCannotForgeAnotherRequest() {
        // Unescaped, both would read {"customerId":"a","items":...: escaping keeps them apart.
        String sneaky = RequestFingerprint.canonical("a\",\"x\":\"", ITEMS, "4242424242424242");

        assertThat(sneaky).startsWith("{\"customerId\":\"a\\\",\\\"x\\\":\\\"\",");
    }

    @Test
    void controlCharactersAreEscaped() {
        // The API refuses them in text (StrictJson) before any fingerprint; escaped all the same, by JSON-P.
        assertThat(RequestFingerprint.canonical("a\nb\\", List.of(), "1")).startsWith("{\"customerId\":\"a\\nb\\\\\"");
    }
}
