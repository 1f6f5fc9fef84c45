package eventshop.orders.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final String SECRET = "fingerprint-secret";
    private static final List<RequestedItem> ITEMS = List.of(new RequestedItem("MUG-1", 2), new RequestedItem("TEA-7", 1));
    private static final PaymentMethod CARD = PaymentMethod.cardNumber("4242424242424242");
    private static final PaymentMethod TOKEN = PaymentMethod.token("tok_abcdefghijklmnopqrstuvwx");

    @Test
    void canonicalBodyHasSortedKeysAndNoWhitespace() {
        assertThat(RequestFingerprint.canonical("c-1", ITEMS, CARD)).isEqualTo(
                "{\"customerId\":\"c-1\",\"items\":[{\"quantity\":2,\"sku\":\"MUG-1\"},{\"quantity\":1,\"sku\":\"TEA-7\"}],"
                        + "\"payment\":{\"cardNumber\":\"4242424242424242\"}}");
        assertThat(RequestFingerprint.canonical("c-1", ITEMS, TOKEN)).endsWith(
                "\"payment\":{\"token\":\"tok_abcdefghijklmnopqrstuvwx\"}}");
    }

    @Test
    void fingerprintIsTheHmacSha256OfTheCanonicalBodyInHexNotAPlainHash() {
        // echo -n '{"customerId":"c-1","items":[{"quantity":1,"sku":"A"}],"payment":{"cardNumber":"4242424242424242"}}'
        //   | openssl dgst -sha256 -hmac fingerprint-secret
        assertThat(RequestFingerprint.of(SECRET, "c-1", List.of(new RequestedItem("A", 1)), CARD))
                .isEqualTo("3768cd691b3b7384752768166ad9a3f9657b5664d560c34c68cac5e10ae45d69")
                .isNotEqualTo("2ecd58846a26002be4e3e86cee4c99ff3f788368ccb170aad8b46216f76220fd"); // the old plain SHA-256
    }

    @Test
    void anotherSecretGivesAnotherFingerprintAndNoSecretNone() {
        assertThat(RequestFingerprint.of("another", "c-1", ITEMS, CARD)).isNotEqualTo(RequestFingerprint.of(SECRET, "c-1", ITEMS, CARD));
        assertThatThrownBy(() -> RequestFingerprint.of(" ", "c-1", ITEMS, CARD)).hasMessageContaining("eventshop-fingerprint");
    }

    @Test
    void sameRequestGivesTheSameFingerprint() {
        assertThat(RequestFingerprint.of(SECRET, "c-1", List.copyOf(ITEMS), CARD))
                .isEqualTo(RequestFingerprint.of(SECRET, "c-1", ITEMS, PaymentMethod.cardNumber("4242424242424242")))
                .hasSize(64);
    }

    @Test
    void everyValueChangesTheFingerprint() {
        String original = RequestFingerprint.of(SECRET, "c-1", ITEMS, CARD);

        assertThat(List.of(
                RequestFingerprint.of(SECRET, "c-2", ITEMS, CARD),
                RequestFingerprint.of(SECRET, "c-1", List.of(new RequestedItem("MUG-1", 3), new RequestedItem("TEA-7", 1)), CARD),
                RequestFingerprint.of(SECRET, "c-1", List.of(new RequestedItem("MUG-2", 2), new RequestedItem("TEA-7", 1)), CARD),
                RequestFingerprint.of(SECRET, "c-1", List.of(new RequestedItem("MUG-1", 2)), CARD),
                RequestFingerprint.of(SECRET, "c-1", ITEMS, PaymentMethod.cardNumber("4000000000000002")),
                RequestFingerprint.of(SECRET, "c-1", ITEMS, TOKEN)))
                .doesNotContain(original)
                .doesNotHaveDuplicates();
    }

    @Test
    void itemOrderIsPartOfTheRequest() {
        assertThat(RequestFingerprint.of(SECRET, "c-1", List.of(ITEMS.get(1), ITEMS.get(0)), CARD))
                .isNotEqualTo(RequestFingerprint.of(SECRET, "c-1", ITEMS, CARD));
    }

    @Test
    void quotesInValuesCannotForgeAnotherRequest() {
        // Unescaped, both would read {"customerId":"a","items":...: escaping keeps them apart.
        String sneaky = RequestFingerprint.canonical("a\",\"x\":\"", ITEMS, CARD);

        assertThat(sneaky).startsWith("{\"customerId\":\"a\\\",\\\"x\\\":\\\"\",");
    }
}
