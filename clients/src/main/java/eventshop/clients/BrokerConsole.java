package eventshop.clients;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.util.ArrayList;
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
 *
 * <p>A broker pair (bin/eventshop start --broker-pair) has two consoles, and only the live broker's has the queues:
 * the waiting backup's answers every pattern read with nothing, which would read as an empty broker. So with
 * several consoles each request goes out in one Jolokia bulk request together with a read of the broker's
 * {@code Active} attribute, and counts only when that broker is live; otherwise (or when its console cannot be
 * reached) the other consoles are tried, and the first live one is used from then on.
 */
public final class BrokerConsole {

    /** The broker's name in jms-config/broker.xml: part of every MBean name. */
    public static final String BROKER = "org.apache.activemq.artemis:broker=\"eventshop\"";
    /** Every queue of the broker, whatever its address and routing type. */
    public static final String ALL_QUEUES = BROKER + ",component=addresses,address=*,subcomponent=queues,routing-type=*,queue=*";
    public static final String ALL_ADDRESSES = BROKER + ",component=addresses,address=*";
    public static final String ALL_DIVERTS = BROKER + ",component=addresses,address=*,subcomponent=diverts,divert=*";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonObject IS_ACTIVE = Json.createObjectBuilder()
            .add("type", "read").add("mbean", BROKER).add("attribute", "Active").build();

    private final List<Console> consoles;
    /** The console whose broker was last found live (the first one until then). */
    private volatile int live;
    private final String authorization;
    /** Queue name to its MBean name: found once by a search (a queue's address and routing type are in its name). */
    private final Map<String, String> queueMBeans = new ConcurrentHashMap<>();

    /** console: the web console's root, e.g. http://127.0.0.1:8161/ */
    public BrokerConsole(URI console, String user, String password) {
        this(List.of(console), user, password);
    }

    /** consoles: every broker's web console root (a broker pair's two); requests go to the live broker's. */
    public BrokerConsole(List<URI> consoles, String user, String password) {
        if (consoles.isEmpty()) {
            throw new IllegalArgumentException("no broker console given");
        }
        this.consoles = consoles.stream().map(Console::new).toList();
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
        if (consoles.size() == 1) {
            try (var reader = Json.createReader(new StringReader(send(consoles.get(0), request.toString())))) {
                return reader.readObject();
            }
        }
        int first = live;
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < consoles.size(); i++) {
            int index = (first + i) % consoles.size();
            Console console = consoles.get(index);
            JsonArray replies;
            try (var reader = Json.createReader(new StringReader(send(console, Json.createArrayBuilder().add(IS_ACTIVE).add(request).build().toString())))) {
                replies = reader.readArray();
            } catch (Unreadable e) {
                refusals.add(e.getMessage());
                continue;
            }
            JsonObject active = replies.getJsonObject(0);
            if (active.getInt("status", 0) == 200 && JsonValue.TRUE.equals(active.get("value"))) {
                live = index;
                return replies.getJsonObject(1);
            }
            refusals.add(console.endpoint + " is not the live broker's");
        }
        throw new Unreadable("no live broker among the consoles: " + String.join("; ", refusals));
    }

    private String send(Console console, String body) {
        HttpRequest post = HttpRequest.newBuilder(console.endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Origin", console.origin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Unreadable("the broker console answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new Unreadable("the broker console at " + console.endpoint + " cannot be reached: " + e);
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

    /** One broker's console: its Jolokia endpoint and the Origin its jolokia-access.xml accepts. */
    private record Console(URI endpoint, String origin) {

        Console(URI root) {
            // The console's jolokia-access.xml checks the Origin strictly (artemis create --http-host 127.0.0.1).
            this(root.resolve("/console/jolokia/"), root.getScheme() + "://" + root.getHost());
        }
    }

    /** The broker's management could not be read or refused the request (console down, wrong credentials, no such MBean). */
    public static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }
}
