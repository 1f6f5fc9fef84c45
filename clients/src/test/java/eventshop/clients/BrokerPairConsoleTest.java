package eventshop.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker pair's two consoles (bin/eventshop start --broker-pair): the client reads the live broker's, told by the
 * Active attribute read in the same bulk request, and moves to the other console when the live one dies or waits.
 * The fake consoles answer bulk requests as Artemis 2.40's did here: a waiting backup {"value":false} for Active and
 * an empty object for a pattern read; the live broker true and its queues.
 */
class BrokerPairConsoleTest {

    private static final String QUEUES = "{\"value\":{\"q\":{\"MessageCount\":3}},\"status\":200}";
    private static final String NO_QUEUES = "{\"value\":{},\"status\":200}";

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    /** A console whose broker is live (its Active attribute true) or waiting; counts the requests it answered. */
    private URI console(boolean active, AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/console/jolokia/", exchange -> {
            requests.incrementAndGet();
            String body = "[{\"value\":" + active + ",\"status\":200}," + (active ? QUEUES : NO_QUEUES) + "]";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static URI deadConsole() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }

    private static long messages(BrokerConsole client) {
        JsonValue queue = client.read(BrokerConsole.ALL_QUEUES, List.of("MessageCount")).get("q");
        return BrokerConsole.number(queue.asJsonObject().get("MessageCount"));
    }

    @Test
    void readsTheLiveBrokerWhenTheFirstConsoleIsAWaitingBackup() throws IOException {
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger live = new AtomicInteger();
        BrokerConsole client = new BrokerConsole(List.of(console(false, waiting), console(true, live)), "admin", "secret");

        assertThat(messages(client)).isEqualTo(3);
        assertThat(messages(client)).isEqualTo(3);

        // The waiting one is asked once; once found, the live console is asked first.
        assertThat(waiting).hasValue(1);
        assertThat(live).hasValue(2);
    }

    @Test
    void movesToTheOtherConsoleWhenTheLiveBrokersConsoleIsGone() throws IOException {
        AtomicInteger backup = new AtomicInteger();
        BrokerConsole client = new BrokerConsole(List.of(deadConsole(), console(true, backup)), "admin", "secret");

        assertThat(messages(client)).isEqualTo(3);
        assertThat(backup).hasValue(1);
    }

    @Test
    void noLiveBrokerIsUnreadableNotAnEmptyBroker() throws IOException {
        BrokerConsole client = new BrokerConsole(List.of(console(false, new AtomicInteger()), deadConsole()), "admin", "secret");

        assertThatThrownBy(() -> messages(client))
                .isInstanceOf(BrokerConsole.Unreadable.class)
                .hasMessageContaining("no live broker")
                .hasMessageContaining("is not the live broker's")
                .hasMessageContaining("cannot be reached");
    }
}
