package eventshop.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the system under test is, how to hurt it, and how big the run is. bin/eventshop chaos fills it from
 * -Dchaos.* options ({@link #fromSystemProperties()}); the integration suite builds its own, smaller one.
 *
 * @param brokerConsole   the broker's web console (its management API, Jolokia), e.g. http://127.0.0.1:8176/
 * @param orders          how many orders to get accepted (the run also stops placing at {@code placing})
 * @param clients         how many storefront clients place orders at once
 * @param poisons         how many poisoned messages the run publishes on purpose (one at the start, one after
 *                        each restart, the rest with the first)
 * @param placing         how long placing may take, outages included
 * @param settling        how long the run waits, after the last order was accepted, for every order to end
 * @param brokerPidFile   bin/eventshop's pid file of the broker (kill -9 target)
 * @param serverPidFile   Payara's own pid file (config/pid of the domain)
 * @param restartCommand  a command that starts again whatever is down and leaves the rest alone
 * @param out             where the report is written; null: nowhere
 */
public record ChaosSettings(URI api, String brokerUrl, URI brokerConsole, String brokerUser, String brokerPassword,
                            String dbUrl, String dbUser, String dbPassword, int imapPort,
                            URI admin, String adminUser, String adminPassword,
                            int orders, int clients, int poisons, Duration placing, Duration settling,
                            Path brokerPidFile, Path serverPidFile, List<String> restartCommand, Path out) {

    public static ChaosSettings fromSystemProperties() {
        return new ChaosSettings(
                URI.create(get("chaos.api", "http://127.0.0.1:44880/api/")),
                get("chaos.broker.url", "tcp://127.0.0.1:61676"),
                URI.create(get("chaos.broker.console", "http://127.0.0.1:8176/")),
                get("chaos.broker.user", "admin"),
                get("chaos.broker.password", "admin-secret"),
                get("chaos.db.url", "jdbc:postgresql://127.0.0.1:55492/eventshop"),
                get("chaos.db.user", "eventshop"),
                get("chaos.db.password", "eventshop-secret"),
                Integer.parseInt(get("chaos.imap.port", "3203")),
                URI.create(get("chaos.admin", "https://127.0.0.1:44848/")),
                get("chaos.admin.user", "admin"),
                get("chaos.admin.password", "admin-secret"),
                Integer.parseInt(get("chaos.orders", "2500")),
                Integer.parseInt(get("chaos.clients", "8")),
                Integer.parseInt(get("chaos.poisons", "3")),
                Duration.ofSeconds(Long.parseLong(get("chaos.placing.seconds", "900"))),
                Duration.ofSeconds(Long.parseLong(get("chaos.settling.seconds", "300"))),
                Path.of(get("chaos.pid.broker", "runtime/chaos/broker.pid")),
                Path.of(get("chaos.pid.server", "runtime/chaos/domains/eventshop/config/pid")),
                List.of(get("chaos.restart", "bin/eventshop start --no-deploy").split(" ")),
                Path.of(get("chaos.out", "target/chaos")));
    }

    private static String get(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
