package eventshop.orders.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of a POST /api/orders request: SHA-256 (hex) of its canonical body, which tells "the
 * same request sent again" from "another request under a reused Idempotency-Key".
 *
 * <p>Canonical: the fields the order is made of, keys in alphabetical order, no whitespace, items in
 * the order sent; so formatting, key order and unknown fields do not change it, and every value does.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String customerId, List<RequestedItem> items, String cardNumber) {
        return sha256(canonical(customerId, items, cardNumber));
    }

    /** Written by JSON-P, which escapes the values: a quote in one cannot forge another field. */
    static String canonical(String customerId, List<RequestedItem> items, String cardNumber) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (RequestedItem item : items) {
            lines.add(Json.createObjectBuilder().add("quantity", item.quantity()).add("sku", text(item.sku())));
        }
        return Json.createObjectBuilder()
                .add("customerId", text(customerId))
                .add("items", lines)
                .add("payment", Json.createObjectBuilder().add("cardNumber", text(cardNumber)))
                .build().toString();
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
