package eventshop.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The public REST API, as a storefront uses it. */
final class Storefront {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;

    Storefront(String api) {
        this.api = URI.create(api.endsWith("/") ? api : api + "/");
    }

    String newCustomer() {
        String email = "bench-" + UUID.randomUUID() + "@example.org";
        return send("POST", "customers", "{\"name\":\"Bench Customer\",\"email\":\"" + email + "\"}", 201)
                .getString("id");
    }

    void stockProduct(String sku, String price, int stockOnHand) {
        send("PUT", "products/" + sku,
                "{\"name\":\"Bench " + sku + "\",\"price\":" + price + ",\"stockOnHand\":" + stockOnHand + "}", 200);
    }

    boolean sells(String sku) {
        return status("GET", "products/" + sku, null) == 200;
    }

    String placeOrder(String customerId, String sku, int quantity, String card) {
        String body = "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":"
                + quantity + "}],\"payment\":{\"cardNumber\":\"" + card + "\"}}";
        return send("POST", "orders", body, 202).getString("id");
    }

    /** true when the order was cancelled; false when it had already reached a state that forbids it (409). */
    boolean cancel(String orderId) {
        return status("POST", "orders/" + orderId + "/cancel", "") == 202;
    }

    String orderStatus(String orderId) {
        return send("GET", "orders/" + orderId, null, 200).getString("status");
    }

    private JsonObject send(String method, String path, String body, int expected) {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private int status(String method, String path, String body) {
        return exchange(method, path, body).statusCode();
    }

    private HttpResponse<String> exchange(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
