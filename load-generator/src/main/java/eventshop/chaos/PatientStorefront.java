package eventshop.chaos;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The public REST API as a storefront that rides through outages uses it: a request that gets no answer,
 * a 5xx, or a 404 (an application not loaded yet), is sent again, the order with the same Idempotency-Key,
 * so that an order the shop accepted once is one order however often its POST was repeated. Another 4xx
 * is an answer, never repeated (but 409 "a request with this key is in progress").
 */
final class PatientStorefront {

    private static final Duration PAUSE = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI api;

    PatientStorefront(URI api) {
        this.api = URI.create(api.toString().endsWith("/") ? api.toString() : api + "/");
    }

    String newCustomer(String name, String email, long deadline) {
        return expect(201, "POST", "customers", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}", null, deadline)
                .getString("id");
    }

    void stockProduct(String sku, String price, int stockOnHand, long deadline) {
        expect(200, "PUT", "products/" + sku,
                "{\"name\":\"Chaos " + sku + "\",\"price\":" + price + ",\"stockOnHand\":" + stockOnHand + "}", null, deadline);
    }

    boolean sells(String sku) {
        return answer("GET", "products/" + sku, null, null).map(HttpResponse::statusCode).orElse(0) == 200;
    }

    /** The order's id, once the shop accepted it (202); empty when no answer came before the deadline. */
    Optional<String> placeOrder(String customerId, String sku, int quantity, String card, String idempotencyKey,
                                long deadline) {
        String body = "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
                + "}],\"payment\":{\"cardNumber\":\"" + card + "\"}}";
        return Optional.ofNullable(patiently(202, "POST", "orders", body, idempotencyKey, deadline))
                .map(order -> order.getString("id"));
    }

    /** true: cancelled (202); false: too late (409), or no answer before the deadline. */
    boolean cancel(String orderId, long deadline) {
        return patiently(202, "POST", "orders/" + orderId + "/cancel", "", null, deadline) != null;
    }

    private JsonObject expect(int expected, String method, String path, String body, String key, long deadline) {
        JsonObject answer = patiently(expected, method, path, body, key, deadline);
        if (answer == null) {
            throw new IllegalStateException(method + " " + path + ": no answer " + expected + " before the deadline");
        }
        return answer;
    }

    /** The body of the expected answer; null for a 409 that is final, or no answer before the deadline. */
    private JsonObject patiently(int expected, String method, String path, String body, String key, long deadline) {
        while (System.nanoTime() < deadline) {
            Optional<HttpResponse<String>> response = answer(method, path, body, key);
            int status = response.map(HttpResponse::statusCode).orElse(0);
            if (status == expected) {
                return json(response.get().body());
            }
            // A server starting again answers 404 until the application is loaded; a key in use is a
            // repetition still running.
            boolean notYet = status == 0 || status >= 500 || status == 404 || status == 409 && key != null;
            if (status == 409 && !notYet) {
                return null;
            }
            if (!notYet) {
                throw new IllegalStateException(method + " " + path + " answered " + status + ": " + response.get().body());
            }
            pause();
        }
        return null;
    }

    private Optional<HttpResponse<String>> answer(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return Optional.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty(); // refused, reset or timed out: the server is down or restarting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String body) {
        if (body == null || body.isBlank()) {
            return Json.createObjectBuilder().build();
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis()); // a client's back-off between attempts, not a test's wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
