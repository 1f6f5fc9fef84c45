package eventshop.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a real HTTP server on the loopback (the JDK's), answering as the test says. */
class RestClientTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> headers = new CopyOnWriteArrayList<>();
    /** The statuses the server answers, one per request, the last one repeated. */
    private volatile int[] statuses = {200};
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        int n = requests.getAndIncrement();
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        headers.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")) + " "
                + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
        byte[] body = "{\"id\":\"o-1\",\"status\":\"PLACED\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Location", "/api/orders/o-1");
        exchange.sendResponseHeaders(statuses[Math.min(n, statuses.length - 1)], body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    @Test
    void sendsJsonBodiesAndReadsTheAnswer() {
        RestClient.Reply reply = new RestClient(api()).post("orders", Storefront.order("c-1", "MUG", 2, "4242424242424242"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.location()).isEqualTo("/api/orders/o-1");
        assertThat(reply.json().getString("status")).isEqualTo("PLACED");
        assertThat(received).containsExactly("POST /api/orders {\"customerId\":\"c-1\",\"items\":[{\"sku\":\"MUG\",\"quantity\":2}],"
                + "\"payment\":{\"cardNumber\":\"4242424242424242\"}}");
        assertThat(headers).containsExactly("null null application/json");
    }

    @Test
    void bodiesAreEscapedByJsonP() {
        new RestClient(api()).post("customers", Storefront.customer("Ann \"Quote\" O'Neil\\", "ann@example.org"));

        assertThat(received).containsExactly(
                "POST /api/customers {\"name\":\"Ann \\\"Quote\\\" O'Neil\\\\\",\"email\":\"ann@example.org\"}");
    }

    @Test
    void basicAuthenticationAsAUser() {
        new RestClient(api()).as("operator", "secret").get("ops/messaging");

        assertThat(headers).containsExactly("Basic b3BlcmF0b3I6c2VjcmV0 null null");
    }

    @Test
    void noAnswerIsAnErrorForSendAndEmptyForAttempt() {
        RestClient closed = new RestClient(URI.create("http://127.0.0.1:" + freePort() + "/api/"));

        assertThat(closed.attempt("GET", "products/X", null)).isEmpty();
        assertThatThrownBy(() -> closed.get("products/X")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anAnswerLaterThanTheClientsTimeoutIsNoAnswer() {
        server.createContext("/api/slow", exchange -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange);
        });
        RestClient impatient = new RestClient(api()).within(Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.get("slow")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no answer");
        assertThat(new RestClient(api()).get("slow").status()).isEqualTo(200);
    }

    @Test
    void patientCallsRepeatServerErrorsAndNotFoundUntilAFinalAnswer() {
        statuses = new int[] {503, 404, 500, 202};

        Optional<RestClient.Reply> reply = new RestClient(api()).patiently(deadlineIn(30), "POST", "orders", "{}",
                "Idempotency-Key", "k-1");

        assertThat(reply).map(RestClient.Reply::status).contains(202);
        assertThat(requests).hasValue(4);
        assertThat(headers).allMatch(line -> line.contains(" k-1 "));
    }

    @Test
    void aConflictIsFinalWithoutAnIdempotencyKeyAndRepeatedWithOne() {
        statuses = new int[] {409, 202};
        assertThat(new RestClient(api()).patiently(deadlineIn(30), "POST", "orders/o-1/cancel", ""))
                .map(RestClient.Reply::status).contains(409);

        requests.set(0);
        assertThat(new RestClient(api()).patiently(deadlineIn(30), "POST", "orders", "{}", "Idempotency-Key", "k-2"))
                .map(RestClient.Reply::status).contains(202);
        assertThat(requests).hasValue(2);
    }

    @Test
    void aPatientCallGivesUpAtItsDeadline() {
        statuses = new int[] {503};

        assertThat(new RestClient(api()).patiently(deadlineIn(1), "GET", "orders/o-1", null)).isEmpty();
        assertThat(requests.get()).isBetween(1, 4);
    }

    @Test
    void theStorefrontExpectsItsStatusesAndIsPatientOnlyWhenAsked() {
        statuses = new int[] {503, 202};
        Storefront shop = new Storefront(new RestClient(api()));

        assertThatThrownBy(() -> shop.placeOrder("c-1", "MUG", 1, "4242424242424242", null))
                .hasMessageContaining("answered 503");
        assertThat(shop.patientUntil(deadlineIn(30)).placeOrder("c-1", "MUG", 1, "4242424242424242", "k-3")).contains("o-1");
    }

    @Test
    void aCancelTooLateIsFalse() {
        statuses = new int[] {409};

        assertThat(new Storefront(new RestClient(api())).cancel("o-1")).isFalse();
    }

    private static long deadlineIn(int seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
