package eventshop.clients;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * EventShop's public REST API over HTTP: the JDK's HttpClient behind one small class, bodies as JSON-P values
 * (or as raw text, for a test that sends what a broken client would). Anonymous, or as a user of the operators'
 * realm ({@link #as}). A call either answers ({@link #send}), may get no answer ({@link #attempt}), or is
 * repeated until it gets a final one ({@link #patiently}: the chaos driver's way through outages).
 */
public final class RestClient {

    /** Between two attempts of a patient call: a client's back-off, not a test's wait. */
    static final Duration PAUSE = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    /** The Authorization header's value, or null: anonymous. */
    private final String authorization;
    /** How long a request waits for its answer. */
    private final Duration timeout;

    /** Paths are resolved against base (a trailing slash is added when missing). */
    public RestClient(URI base) {
        this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), null, TIMEOUT);
    }

    private RestClient(URI base, String authorization, Duration timeout) {
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /** The same API with HTTP basic authentication as this user. */
    public RestClient as(String user, String password) {
        return new RestClient(base, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), timeout);
    }

    /** The same API, waiting at most this long for each answer (30 s by default), as a health probe does. */
    public RestClient within(Duration answerTimeout) {
        return new RestClient(base, authorization, answerTimeout);
    }

    public URI base() {
        return base;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply put(String path, JsonValue body) {
        return put(path, body.toString());
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply post(String path, JsonValue body, String... headers) {
        return post(path, body.toString(), headers);
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    /** A POST without Content-Length: the body goes chunked, as a client streaming it would send it. */
    public Reply postChunked(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = builder(path, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        return exchange(request).orElseThrow(() -> new UncheckedIOException(new IOException("no answer to POST " + path)));
    }

    /**
     * One request; a body (JSON text, or null for none) goes as application/json. Headers: name, value, ...
     *
     * @throws UncheckedIOException when no answer came (refused, reset, timed out)
     */
    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = request(method, path, body, headers);
        try {
            return reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base.resolve(path) + ": no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request; empty when no answer came (the server is down or restarting). */
    public Optional<Reply> attempt(String method, String path, String body, String... headers) {
        return exchange(request(method, path, body, headers));
    }

    /**
     * The request, sent again until its answer is final or the deadline (System.nanoTime()) passes: no answer, a
     * 5xx, or a 404 (an application not loaded yet) is not final, nor a 409 to a request with an Idempotency-Key (a
     * repetition of it still running). So an order sent with a key is one order however often its POST went.
     *
     * @return the final answer, whatever its status; empty when none came before the deadline
     */
    public Optional<Reply> patiently(long deadline, String method, String path, String body, String... headers) {
        boolean keyed = Arrays.stream(headers).anyMatch("Idempotency-Key"::equalsIgnoreCase);
        while (System.nanoTime() < deadline) {
            Optional<Reply> answer = attempt(method, path, body, headers);
            if (answer.isPresent() && answer.get().isFinal(keyed)) {
                return answer;
            }
            pause();
        }
        return Optional.empty();
    }

    private HttpRequest.Builder request(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = builder(path, headers);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Optional<Reply> exchange(HttpRequest.Builder request) {
        try {
            return Optional.of(reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString())));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply reply(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(""), response.body());
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: its status, Content-Type and Location headers ("" when absent) and body. */
    public record Reply(int status, String contentType, String location, String body) {

        /** The body as a JSON object (an empty one for an empty body). */
        public JsonObject json() {
            return body == null || body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) structure();
        }

        public JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        boolean isFinal(boolean keyed) {
            return status < 500 && status != 404 && !(status == 409 && keyed);
        }
    }
}
