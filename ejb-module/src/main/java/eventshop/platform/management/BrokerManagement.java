package eventshop.platform.management;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the broker's own management API: the Jolokia endpoint of the Artemis web console, as the broker's
 * operator user (role amq), whose credentials come from configuration (system properties rendered from
 * bin/eventshop.defaults by server-config/10-domain.asadmin). Used by the Operator API's overview and by
 * the queue-depth gauges.
 *
 * <p>Why Jolokia and not management messages to activemq.management: those need a plain (non-XA) Artemis
 * client inside the EAR, i.e. a second copy of the client classes beside the resource adapter's, and a
 * broker user allowed to manage; the application's XA pool must not be used for it (a management request
 * and its reply inside one transaction never meet). Jolokia is plain HTTP and JSON, which the server reads
 * with the JDK's HTTP client and JSON-P, and one pattern read returns every queue's counters at once, the
 * same numbers the Artemis console shows.
 */
@ApplicationScoped
public class BrokerManagement {

    /** The broker's name in jms-config/broker.xml: part of every MBean name. */
    private static final String BROKER = "org.apache.activemq.artemis:broker=\"eventshop\"";

    @Inject
    @ConfigProperty(name = "eventshop.broker.console.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "eventshop.broker.console.port", defaultValue = "8161")
    int port;

    @Inject
    @ConfigProperty(name = "eventshop.broker.management.user", defaultValue = "admin")
    String user;

    @Inject
    @ConfigProperty(name = "eventshop.broker.management.password", defaultValue = "")
    String password;

    private HttpClient http;

    @PostConstruct
    void connect() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Every queue of the broker, keyed by MBean name: each with the attributes asked for. */
    public Map<String, JsonValue> queues(List<String> attributes) {
        return read(BROKER + ",component=addresses,address=*,subcomponent=queues,routing-type=*,queue=*", attributes);
    }

    /** Every address of the broker, keyed by MBean name. */
    public Map<String, JsonValue> addresses(List<String> attributes) {
        return read(BROKER + ",component=addresses,address=*", attributes);
    }

    /** Every divert of the broker, keyed by MBean name. */
    public Map<String, JsonValue> diverts(List<String> attributes) {
        return read(BROKER + ",component=addresses,address=*,subcomponent=diverts,divert=*", attributes);
    }

    private Map<String, JsonValue> read(String mbeanPattern, List<String> attributes) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        attributes.forEach(names::add);
        JsonObject request = Json.createObjectBuilder()
                .add("type", "read").add("mbean", mbeanPattern).add("attribute", names).build();
        JsonObject reply = post(request);
        if (reply.getInt("status", 0) != 200) {
            throw new BrokerUnreadable("the broker's management answered " + reply.getInt("status", 0) + ": "
                    + reply.getString("error", "no error text"));
        }
        return reply.getJsonObject("value");
    }

    private JsonObject post(JsonObject request) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        // The console's jolokia-access.xml checks the Origin strictly (artemis create --http-host 127.0.0.1).
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/console/jolokia/"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .header("Origin", "http://" + host)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BrokerUnreadable("the broker console answered HTTP " + response.statusCode());
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new BrokerUnreadable("the broker console at " + host + ":" + port + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreadable("interrupted while reading the broker's management");
        }
    }
}
