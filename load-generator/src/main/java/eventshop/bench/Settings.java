package eventshop.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Where the system is and what to run, from -D options (bin/eventshop bench sets them). */
record Settings(String api, String brokerUrl, URI brokerConsole, String brokerUser, String brokerPassword,
                String dbUrl, String dbUser, String dbPassword,
                List<Integer> concurrencies, int warmUpSeconds, int warmUpMaxSeconds, int secondsPerLevel, double openLoopRate, int openLoopSeconds,
                Path out, String serverPid, String brokerPid, String processes, int idleSeconds) {

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
                Integer.parseInt(get("bench.warmup.max.seconds", quick ? "5" : "180")),
                Integer.parseInt(get("bench.seconds", quick ? "10" : "20")),
                openLoopRateOption(),
                Integer.parseInt(get("bench.openloop.seconds", quick ? "10" : "20")),
                Path.of(get("bench.out", "target/bench")),
                get("bench.pid.server", ""),
                get("bench.pid.broker", ""),
                get("bench.processes", ""),
                Integer.parseInt(get("bench.idle.seconds", "10")));
    }

    /**
     * What each system's CPU seconds and disk syncs per order are measured for (bin/eventshop bench --instances 1,2
     * sets it): {@code group=pid,pid;...} (see {@link ProcessCpu}); empty: not measured, today's report.
     */
    boolean measuresCosts() {
        return !processes.isBlank();
    }

    /**
     * -Dbench.openloop.rate, or the rate of the open loop of an earlier report (-Dbench.openloop.same-as=its
     * report.json: a comparison offers every system the same load), or 0: half the best closed-loop rate.
     */
    private static double openLoopRateOption() {
        String sameAs = get("bench.openloop.same-as", "");
        if (System.getProperty("bench.openloop.rate", "").isBlank() && !sameAs.isBlank()) {
            try (var reader = Json.createReader(Files.newBufferedReader(Path.of(sameAs)))) {
                return reader.readObject().getJsonObject("openLoop").getJsonNumber("offeredOrdersPerSecond").doubleValue();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the open loop's rate from " + sameAs, e);
            }
        }
        return Double.parseDouble(get("bench.openloop.rate", "0"));
    }

    private static String get(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
