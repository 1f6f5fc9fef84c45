package eventshop.orders.control;

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

    static String canonical(String customerId, List<RequestedItem> items, String cardNumber) {
        StringBuilder json = new StringBuilder("{\"customerId\":").append(string(customerId)).append(",\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            RequestedItem item = items.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"quantity\":").append(item.quantity())
                    .append(",\"sku\":").append(string(item.sku())).append('}');
        }
        return json.append("],\"payment\":{\"cardNumber\":").append(string(cardNumber)).append("}}").toString();
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
