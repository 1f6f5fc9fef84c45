package eventshop.chaos;

import eventshop.clients.AdminTls;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;

/**
 * Payara's transaction managers, through the DAS's admin REST API (HTTPS, secure admin): the transactions they hold
 * open, which after the run must be none (an in-doubt transaction one could not resolve stays among them). Their
 * transaction-service monitoring is switched on first, on their config; it is off in a new domain. One server is
 * read as "server"; a deployment group's instances each by name, since each has its own transaction manager and the
 * DAS's own monitoring knows nothing of theirs (the DAS answers for them, /monitoring/domain/&lt;instance&gt;/...).
 */
final class PayaraTransactions {

    private final ChaosSettings settings;

    PayaraTransactions(ChaosSettings settings) {
        this.settings = settings;
    }

    /**
     * The transactions active in every target that are still active a moment later (the same ids), or -1 when one
     * target does not tell. Twice, because the application's own periodic work (the orders' gauges) runs short
     * transactions at any moment: one of those is not a transaction left open.
     */
    long activeTransactions() throws IOException, InterruptedException {
        send("POST", "/management/domain/configs/config/" + settings.payaraConfig()
                + "/monitoring-service/module-monitoring-levels", "{\"transactionService\":\"HIGH\"}");
        Set<String> first = activeIds();
        if (first == null) {
            return -1;
        }
        Thread.sleep(2_000);
        Set<String> second = activeIds();
        if (second == null) {
            return -1;
        }
        first.retainAll(second);
        return first.size();
    }

    /** Each target's active transactions, as target/id; null when one does not tell. */
    private Set<String> activeIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (String target : settings.payaraTargets()) {
            String stats = send("GET", "/monitoring/domain/" + target + "/transaction-service", null);
            if (stats == null) {
                return null;
            }
            try (var reader = Json.createReader(new StringReader(stats))) {
                JsonObject entity = reader.readObject().getJsonObject("extraProperties").getJsonObject("entity");
                if (entity == null || !entity.containsKey("activeids")) {
                    return null;
                }
                ids(entity.getJsonObject("activeids").getString("current", "")).forEach(id -> ids.add(target + "/" + id));
            }
        }
        return ids;
    }

    /**
     * The transaction ids in the transaction manager's own list (activecount is counted by probes only from when
     * monitoring was switched on): lines separated by "%%%EOL%%%" (Payara's monitoring's line break), a header
     * "Transaction Id  Status  ElapsedTime(ms) ...", then one line a transaction whose first column is its id.
     */
    static List<String> ids(String activeIds) {
        return Arrays.stream(activeIds.split("%%%EOL%%%|\\R")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Transaction Id"))
                .map(line -> line.split("\\s+")[0]).toList();
    }

    /** The answer's body when it is a 200, else null. */
    private String send(String method, String path, String json) throws IOException {
        var connection = (HttpsURLConnection) settings.admin().resolve(path).toURL().openConnection();
        AdminTls.trustSelfSigned(connection);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", "application/json");
        connection.setRequestProperty("X-Requested-By", "eventshop-chaos");
        String credentials = settings.adminUser() + ":" + settings.adminPassword();
        connection.setRequestProperty("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (var body = connection.getOutputStream()) {
                body.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (connection.getResponseCode() != 200) {
                return null;
            }
            try (var body = connection.getInputStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }
}
