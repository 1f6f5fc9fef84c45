package eventshop.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the system under test is, how to hurt it, and how big the run is. bin/eventshop chaos fills it from
 * -Dchaos.* options ({@link #fromSystemProperties()}); the integration suite builds its own, smaller one.
 *
 * @param brokerConsoles  every broker's web console (their management API, Jolokia), e.g. http://127.0.0.1:8176/;
 *                        with two (a broker pair) the reads go to the live broker's, and the broker's fault is a
 *                        failover: the run waits for the other broker to be live before it restarts the killed one
 * @param orders          how many orders to get accepted (the run also stops placing at {@code placing})
 * @param clients         how many storefront clients place orders at once
 * @param poisons         how many poisoned messages the run publishes on purpose (one at the start, one after
 *                        each restart, the rest with the first)
 * @param placing         how long placing may take, outages included
 * @param settling        how long the run waits, after the last order was accepted, for every order to end
 * @param broker          the broker killed a third of the way in (with a pair: the live one)
 * @param server          the Payara server, or one instance of a group, killed two thirds of the way in
 * @param brokerLogs      the folders of every broker's logs (the refused acknowledgements are counted there)
 * @param payaraConfig    the Payara config whose transaction-service monitoring the audit switches on
 *                        (server-config; a group's instances: their config)
 * @param payaraTargets   the servers whose active transactions the audit reads: the server, or each instance
 * @param restartCommand  a command that starts again whatever is down and leaves the rest alone
 * @param out             where the report is written; null: nowhere
 */
public record ChaosSettings(URI api, String brokerUrl, List<URI> brokerConsoles, String brokerUser, String brokerPassword,
                            String dbUrl, String dbUser, String dbPassword, int imapPort,
                            URI admin, String adminUser, String adminPassword,
                            int orders, int clients, int poisons, Duration placing, Duration settling,
                            Target broker, Target server, List<Path> brokerLogs, String payaraConfig,
                            List<String> payaraTargets, List<String> restartCommand, Path out) {

    /** A broker pair: the live broker's kill is a failover to the other one. */
    boolean brokerPair() {
        return brokerConsoles.size() > 1;
    }

    public static ChaosSettings fromSystemProperties() {
        URI api = URI.create(get("chaos.api", "http://127.0.0.1:44880/api/"));
        Path brokerPid = Path.of(get("chaos.pid.broker", "runtime/chaos/broker.pid"));
        return new ChaosSettings(
                api,
                get("chaos.broker.url", "tcp://127.0.0.1:61676"),
                list(get("chaos.broker.consoles", get("chaos.broker.console", "http://127.0.0.1:8176/"))).stream()
                        .map(URI::create).toList(),
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
                new Target("broker", pidSource(brokerPid, "chaos.pid.broker.command"), ready(api), Duration.ZERO),
                new Target(get("chaos.server.name", "Payara"),
                        pidSource(Path.of(get("chaos.pid.server", "runtime/chaos/domains/eventshop/config/pid")), "chaos.pid.server.command"),
                        URI.create(get("chaos.server.ready", ready(api).toString())),
                        Duration.ofSeconds(Long.parseLong(get("chaos.server.down.seconds", "0")))),
                // bin/eventshop keeps the broker instance in "broker/" beside its pid file
                list(get("chaos.broker.logs", brokerPid.toAbsolutePath().resolveSibling("broker").resolve("log").toString()))
                        .stream().map(Path::of).toList(),
                get("chaos.payara.config", "server-config"),
                list(get("chaos.payara.targets", "server")),
                List.of(get("chaos.restart", "bin/eventshop start --no-deploy").split(" ")),
                Path.of(get("chaos.out", "target/chaos")));
    }

    /** The application's readiness, behind the API's address. */
    public static URI ready(URI api) {
        return api.resolve("/health/ready");
    }

    private static PidSource pidSource(Path file, String commandProperty) {
        String command = get(commandProperty, "");
        return PidSource.of(file, command.isEmpty() ? List.of() : List.of(command.split(" ")));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(each -> !each.isEmpty()).toList();
    }

    private static String get(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
