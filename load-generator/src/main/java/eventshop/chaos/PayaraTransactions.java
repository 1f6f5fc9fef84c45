package eventshop.chaos;

import eventshop.clients.AdminTls;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.HttpsURLConnection;

/**
 * Payara's transaction manager, through its admin REST API (HTTPS, secure admin): the transactions it
 * holds open, which after the run must be none (an in-doubt transaction it could not resolve stays among
 * them). Its transaction-service monitoring is switched on first; it is off in a new domain.
 */
final class PayaraTransactions {

    private final ChaosSettings settings;

    PayaraTransactions(ChaosSettings settings) {
        this.settings = settings;
    }

    /** The server's active transactions, or -1 when it does not tell. */
    long activeTransactions() throws IOException {
        send("POST", "/management/domain/configs/config/server-config/monitoring-service/module-monitoring-levels",
                "{\"transactionService\":\"HIGH\"}");
        String stats = send("GET", "/monitoring/domain/server/transaction-service", null);
        if (stats == null) {
            return -1;
        }
        try (var reader = Json.createReader(new StringReader(stats))) {
            JsonObject entity = reader.readObject().getJsonObject("extraProperties").getJsonObject("entity");
            if (entity == null || !entity.containsKey("activeids")) {
                return -1;
            }
            // The transaction manager's own list, one line per transaction after a header ("Transaction Id,
            // Status, ElapsedTime(msec)"); activecount is counted by probes from when monitoring was switched on.
            return entity.getJsonObject("activeids").getString("current", "").lines()
                    .filter(line -> line.contains(",") && !line.startsWith("Transaction Id")).count();
        }
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
