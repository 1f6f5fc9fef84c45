package eventshop.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jolokia requests the client sends and how it reads the answers, against a loopback HTTP server answering as
 * Artemis 2.40's console did (the integration suite uses the client against the real console).
 */
class BrokerConsoleTest {

    private HttpServer server;
    private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final List<String> origins = new CopyOnWriteArrayList<>();
    private volatile String answer = "{\"value\":0,\"status\":200}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/console/jolokia/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (var reader = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            requests.add(reader.readObject());
        }
        origins.add(exchange.getRequestHeaders().getFirst("Origin") + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private BrokerConsole console() {
        return new BrokerConsole(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "admin", "secret");
    }

    @Test
    void execSendsTheOperationAndItsArgumentsAsJson() {
        answer = "{\"value\":3,\"status\":200}";

        long removed = BrokerConsole.number(console().exec("q-bean", "removeMessages(java.lang.String)", "a = 'b\"'"));

        assertThat(removed).isEqualTo(3);
        assertThat(requests).containsExactly(Json.createObjectBuilder().add("type", "exec").add("mbean", "q-bean")
                .add("operation", "removeMessages(java.lang.String)").add("arguments", Json.createArrayBuilder().add("a = 'b\"'"))
                .build());
        assertThat(origins).containsExactly("http://127.0.0.1 Basic YWRtaW46c2VjcmV0");
    }

    @Test
    void aQueueIsFoundByItsNameOnceAndRemembered() {
        String mbean = "org.apache.activemq.artemis:address=\"DLQ\",broker=\"eventshop\",component=addresses,queue=\"DLQ\","
                + "routing-type=\"anycast\",subcomponent=queues";
        answer = Json.createObjectBuilder().add("value", Json.createArrayBuilder().add(mbean)).add("status", 200).build().toString();
        BrokerConsole console = console();

        assertThat(console.queue("DLQ")).isEqualTo(mbean);
        assertThat(console.queue("DLQ")).isEqualTo(mbean);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getString("type")).isEqualTo("search");
        assertThat(requests.get(0).getString("mbean")).endsWith(",queue=\"DLQ\"");
    }

    @Test
    void aPatternReadIsKeyedByMBean() {
        answer = "{\"value\":{\"q1\":{\"Name\":\"orders\",\"MessageCount\":2}},\"status\":200}";

        assertThat(console().read(BrokerConsole.ALL_QUEUES, List.of("Name", "MessageCount")).get("q1").asJsonObject()
                .getInt("MessageCount")).isEqualTo(2);
        assertThat(requests.get(0).getJsonArray("attribute").toString()).isEqualTo("[\"Name\",\"MessageCount\"]");
    }

    @Test
    void aRefusalOfJolokiaIsAnError() {
        answer = "{\"error\":\"javax.management.InstanceNotFoundException : nope\",\"status\":404}";

        assertThatThrownBy(() -> console().attribute(BrokerConsole.BROKER, "Nope"))
                .isInstanceOf(BrokerConsole.Unreadable.class).hasMessageContaining("404").hasMessageContaining("nope");
    }
}
