package eventshop.clients;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's management API, read and invoked through the Jolokia endpoint of the Artemis web console
 * (/console/jolokia, HTTP and JSON) as a user of its management role. The same MBeans, attributes and operations
 * as the console and JMX: one client for the load generator, the chaos driver, the tests and the server's own
 * operator API and gauges (platform.management.BrokerManagement), none of which needs a JMS session for it.
 *
 * <p>Requests are JSON-P objects; Jolokia answers each with a status of its own, which must be 200.
 */
public final class BrokerConsole {

    /** The broker's name in jms-config/broker.xml: part of every MBean name. */
    public static final String BROKER = "org.apache.activemq.artemis:broker=\"eventshop\"";
    /** Every queue of the broker, whatever its address and routing type. */
    public static final String ALL_QUEUES = BROKER + ",component=addresses,address=*,subcomponent=queues,routing-type=*,queue=*";
    public static final String ALL_ADDRESSES = BROKER + ",component=addresses,address=*";
    public static final String ALL_DIVERTS = BROKER + ",component=addresses,address=*,subcomponent=diverts,divert=*";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final String origin;
    private final String authorization;
    /** Queue name to its MBean name: found once by a search (a queue's address and routing type are in its name). */
    private final Map<String, String> queueMBeans = new ConcurrentHashMap<>();

    /** console: the web console's root, e.g. http://127.0.0.1:8161/ */
    public BrokerConsole(URI console, String user, String password) {
        this.endpoint = console.resolve("/console/jolokia/");
        // The console's jolokia-access.xml checks the Origin strictly (artemis create --http-host 127.0.0.1).
        this.origin = console.getScheme() + "://" + console.getHost();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The attributes of every MBean matching the pattern, keyed by MBean name (each value an object of attributes). */
    public Map<String, JsonValue> read(String mbeanPattern, List<String> attributes) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        attributes.forEach(names::add);
        JsonValue value = value(Json.createObjectBuilder().add("type", "read").add("mbean", mbeanPattern).add("attribute", names));
        return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : Map.of();
    }

    /** One attribute of one MBean, e.g. (BROKER, "JournalSyncTransactional"). */
    public JsonValue attribute(String mbean, String attribute) {
        return value(Json.createObjectBuilder().add("type", "read").add("mbean", mbean).add("attribute", attribute));
    }

    /**
     * Invokes an operation, e.g. (queue("orders"), "countMessages(java.lang.String)", "a = 'b'"). An overloaded
     * operation is named with its signature. Arguments: strings, numbers, booleans or null.
     */
    public JsonValue exec(String mbean, String operation, Object... arguments) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (Object argument : arguments) {
            values.add(json(argument));
        }
        return value(Json.createObjectBuilder().add("type", "exec").add("mbean", mbean).add("operation", operation)
                .add("arguments", values));
    }

    /** The MBean name of the queue of this name (on whichever address), found on first use. */
    public String queue(String name) {
        return queueMBeans.computeIfAbsent(name, queue -> {
            JsonValue found = value(Json.createObjectBuilder().add("type", "search")
                    .add("mbean", BROKER + ",component=addresses,address=*,subcomponent=queues,routing-type=*,queue=\"" + queue + "\""));
            List<JsonString> names = found.asJsonArray().getValuesAs(JsonString.class);
            if (names.size() != 1) {
                throw new Unreadable("the broker has " + names.size() + " queues named " + queue);
            }
            return names.get(0).getString();
        });
    }

    /** Reads a number that Jolokia sent as a JSON number. */
    public static long number(JsonValue value) {
        return ((JsonNumber) value).longValue();
    }

    private JsonValue value(JsonObjectBuilder request) {
        JsonObject reply = post(request.build());
        int status = reply.getInt("status", 0);
        if (status != 200) {
            throw new Unreadable("the broker's management answered " + status + ": " + reply.getString("error", "no error text"));
        }
        return reply.get("value") == null ? JsonValue.NULL : reply.get("value");
    }

    private JsonObject post(JsonObject request) {
        HttpRequest post = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Unreadable("the broker console answered HTTP " + response.statusCode());
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new Unreadable("the broker console at " + endpoint + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted while reading the broker's management");
        }
    }

    private static JsonValue json(Object argument) {
        if (argument == null) {
            return JsonValue.NULL;
        } else if (argument instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (argument instanceof Number number) {
            return Json.createValue(new BigDecimal(number.toString()));
        }
        return Json.createValue(argument.toString());
    }

    /** The broker's management could not be read or refused the request (console down, wrong credentials, no such MBean). */
    public static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }
}
