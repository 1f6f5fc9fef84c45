package eventshop.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Where the system is and what to run, from -D options (bin/eventshop bench sets them). */
record Settings(String api, String brokerUrl, URI brokerConsole, String brokerUser, String brokerPassword,
                String dbUrl, String dbUser, String dbPassword,
                List<Integer> concurrencies, int warmUpSeconds, int secondsPerLevel, double openLoopRate, int openLoopSeconds,
                Path out, String serverPid, String brokerPid) {

    /**
     * -Dbench.quick=true: three concurrency levels of 10 s and a 10 s open loop, to iterate on a change (about
     * a minute of load instead of three); the figures in docs/performance.md come from the full run.
     */
    static Settings fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(get("bench.quick", "false"));
        return new Settings(
                get("bench.api", "http://127.0.0.1:8080/api/"),
                get("bench.broker.url", "tcp://127.0.0.1:61616"),
                URI.create(get("bench.broker.console", "http://127.0.0.1:8175/")),
                get("bench.broker.user", "admin"),
                get("bench.broker.password", "admin-secret"),
                get("bench.db.url", "jdbc:postgresql://127.0.0.1:55432/eventshop"),
                get("bench.db.user", "eventshop"),
                get("bench.db.password", "eventshop-secret"),
                Arrays.stream(get("bench.concurrency", quick ? "1,4,16" : "1,2,4,8,16,32").split(",")).map(String::trim)
                        .map(Integer::valueOf).toList(),
                Integer.parseInt(get("bench.warmup.seconds", quick ? "5" : "15")),
                Integer.parseInt(get("bench.seconds", quick ? "10" : "20")),
                Double.parseDouble(get("bench.openloop.rate", "0")),
                Integer.parseInt(get("bench.openloop.seconds", quick ? "10" : "20")),
                Path.of(get("bench.out", "target/bench")),
                get("bench.pid.server", ""),
                get("bench.pid.broker", ""));
    }

    private static String get(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
