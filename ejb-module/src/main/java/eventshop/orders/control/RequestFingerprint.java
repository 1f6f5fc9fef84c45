package eventshop.orders.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fingerprint of a POST /api/orders request: HMAC-SHA256 (hex), keyed with the shop's fingerprint secret,
 * of its canonical body; it tells "the same request sent again" from "another request under a reused
 * Idempotency-Key".
 *
 * <p>Keyed, because the body of an older client holds a card number: a plain hash of a 16-digit number with a
 * known prefix is reversed by trying them all, and the fingerprint is stored. Without the secret (a password
 * alias, never in the database) the stored value tells nothing about the number.
 *
 * <p>Canonical: the fields the order is made of, keys in alphabetical order, no whitespace, items in
 * the order sent; so formatting, key order and unknown fields do not change it, and every value does.
 */
public final class RequestFingerprint {

    private static final String HMAC = "HmacSHA256";

    private RequestFingerprint() {
    }

    public static String of(String secret, String customerId, List<RequestedItem> items, PaymentMethod payment) {
        return hmac(secret, canonical(customerId, items, payment));
    }

    /** Written by JSON-P, which escapes the values: a quote in one cannot forge another field. */
    static String canonical(String customerId, List<RequestedItem> items, PaymentMethod payment) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (RequestedItem item : items) {
            lines.add(Json.createObjectBuilder().add("quantity", item.quantity()).add("sku", text(item.sku())));
        }
        return Json.createObjectBuilder()
                .add("customerId", text(customerId))
                .add("items", lines)
                .add("payment", payment.token() != null
                        ? Json.createObjectBuilder().add("token", payment.token())
                        : Json.createObjectBuilder().add("cardNumber", payment.cardNumber()))
                .build().toString();
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static String hmac(String secret, String text) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("no fingerprint secret: set the password alias eventshop-fingerprint "
                    + "(EVENTSHOP_FINGERPRINT_SECRET)");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
