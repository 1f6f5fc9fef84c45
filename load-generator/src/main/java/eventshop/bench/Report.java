package eventshop.bench;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The run's figures, written to target/bench as JSON, a markdown summary and an SVG plot. */
record Report(double brokerMessagesPerSecond, double databaseCommitsPerSecond, double messagesPerOrder,
              List<Measurement> closedLoop, Measurement openLoop, long serverRssMb, long brokerRssMb, Costs idle) {

    /** A run without cost measurement (plain bin/eventshop bench): today's report. */
    Report(double brokerMessagesPerSecond, double databaseCommitsPerSecond, double messagesPerOrder,
           List<Measurement> closedLoop, Measurement openLoop, long serverRssMb, long brokerRssMb) {
        this(brokerMessagesPerSecond, databaseCommitsPerSecond, messagesPerOrder, closedLoop, openLoop, serverRssMb,
                brokerRssMb, null);
    }

    /** Every measured run: the closed loops, then the open loop. */
    List<Measurement> measured() {
        List<Measurement> runs = new ArrayList<>(closedLoop);
        if (openLoop != null) {
            runs.add(openLoop);
        }
        return runs;
    }

    /** What the measured runs spent together, and the orders they completed. */
    Costs measuredCosts() {
        return measured().stream().map(run -> run.costs).reduce(Costs.NONE, Costs::plus);
    }

    long measuredOrders() {
        return measured().stream().mapToLong(Measurement::terminalOrders).sum();
    }

    double maxOrdersPerSecond() {
        return closedLoop.stream().mapToDouble(Measurement::ordersPerSecond).max().orElse(0);
    }

    /** The broker's ceiling for whole orders: raw messages a second over the messages an order costs. */
    double brokerCeilingOrdersPerSecond() {
        return messagesPerOrder == 0 ? 0 : brokerMessagesPerSecond / messagesPerOrder;
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("report.json"), json());
        Files.writeString(folder.resolve("report.md"), markdown());
        Files.writeString(folder.resolve("throughput-latency.svg"), Plot.svg(closedLoop));
    }

    private String json() {
        var runs = Json.createArrayBuilder();
        closedLoop.forEach(run -> runs.add(json(run)));
        return Json.createObjectBuilder()
                .add("baselines", Json.createObjectBuilder()
                        .add("brokerPersistentTransactedMessagesPerSecond", brokerMessagesPerSecond)
                        .add("messageBytes", Baselines.MESSAGE_BYTES)
                        .add("databaseCommitsPerSecond", databaseCommitsPerSecond))
                .add("messageDeliveriesPerOrder", messagesPerOrder)
                .add("maxOrdersPerSecond", maxOrdersPerSecond())
                .add("brokerCeilingOrdersPerSecond", brokerCeilingOrdersPerSecond())
                .add("fractionOfBrokerCeiling", fraction())
                .add("closedLoop", runs)
                .add("openLoop", openLoop == null ? Json.createObjectBuilder() : json(openLoop))
                .add("residentMemoryMb", Json.createObjectBuilder().add("server", serverRssMb).add("broker", brokerRssMb))
                .add("costs", idle == null ? Json.createObjectBuilder() : Json.createObjectBuilder()
                        .add("idle", idle.json())
                        .add("measured", measuredCosts().json().add("orders", measuredOrders())))
                .build().toString();
    }

    private static JsonObjectBuilder json(Measurement run) {
        var outcomes = Json.createObjectBuilder();
        new TreeMap<>(run.outcomes).forEach((status, count) -> outcomes.add(status, count.sum()));
        return Json.createObjectBuilder()
                .add("name", run.name)
                .add("seconds", run.seconds())
                .add("ordersPerSecond", run.ordersPerSecond())
                .add("placeLatencyMs", latencies(run.placeLatency))
                .add("placeToTerminalMs", latencies(run.toTerminal))
                .add("offeredOrdersPerSecond", run.offeredPerSecond)
                .add("outcomes", outcomes)
                .add("costs", run.costs.json().add("orders", run.terminalOrders()));
    }

    private static JsonObjectBuilder latencies(Histogram histogram) {
        return Json.createObjectBuilder()
                .add("p50", Measurement.millis(histogram, 50))
                .add("p95", Measurement.millis(histogram, 95))
                .add("p99", Measurement.millis(histogram, 99))
                .add("max", histogram.getMaxValue() / 1000.0);
    }

    private double fraction() {
        return brokerCeilingOrdersPerSecond() == 0 ? 0 : maxOrdersPerSecond() / brokerCeilingOrdersPerSecond();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# EventShop benchmark\n\n");
        md.append(format("- Broker baseline: %.0f persistent transacted messages/s (%d bytes)%n",
                brokerMessagesPerSecond, Baselines.MESSAGE_BYTES));
        md.append(format("- Database baseline: %.0f commits/s%n", databaseCommitsPerSecond));
        md.append(format("- Message deliveries per order: %.1f, so the broker's ceiling is %.1f orders/s%n",
                messagesPerOrder, brokerCeilingOrdersPerSecond()));
        md.append(format("- Best end-to-end rate: %.1f orders/s = %.0f %% of that ceiling%n",
                maxOrdersPerSecond(), 100 * fraction()));
        md.append(format("- Resident memory: server %d MB, broker %d MB%n%n", serverRssMb, brokerRssMb));
        md.append(targets());
        md.append("| run | orders/s | POST p50 / p95 / p99 / max (ms) | place→terminal p50 / p95 / p99 / max (ms) | outcomes |\n");
        md.append("|---|---|---|---|---|\n");
        closedLoop.forEach(run -> md.append(row(run)));
        if (openLoop != null) {
            md.append(row(openLoop));
        }
        if (idle != null) {
            md.append('\n').append(CostTable.markdown(measured(), measuredCosts(), measuredOrders(), idle));
        }
        return md.toString();
    }

    /**
     * The performance targets (2-core machine; issue 17 raised them with the orders outbox: 50 % of the broker's
     * ceiling, as r7 measured, and 100 ms place-to-terminal instead of 25 % and 250 ms), each met or missed in
     * this run. The latency targets hold at half the maximum throughput: the open loop.
     */
    String targets() {
        StringBuilder md = new StringBuilder("Targets:\n\n");
        md.append(target(fraction() >= 0.5, "orders/s >= 50 %% of the broker's ceiling: %.0f %%", 100 * fraction()));
        if (openLoop != null) {
            double toTerminal = Measurement.millis(openLoop.toTerminal, 99);
            double place = Measurement.millis(openLoop.placeLatency, 99);
            md.append(target(toTerminal < 100, "place-to-terminal p99 < 100 ms at half the maximum: %.0f ms", toTerminal));
            md.append(target(place < 20, "POST /api/orders p99 < 20 ms there: %.1f ms", place));
        }
        md.append(target(serverRssMb + brokerRssMb < 2048, "server + broker < 2 GiB resident: %d MB", serverRssMb + brokerRssMb));
        return md.append('\n').toString();
    }

    private static String target(boolean met, String pattern, Object... values) {
        return "- " + (met ? "met" : "MISSED") + ": " + format(pattern, values) + "\n";
    }

    private static String row(Measurement run) {
        return format("| %s | %.1f | %s | %s | %s |%n", run.name, run.ordersPerSecond(),
                fourPercentiles(run.placeLatency), fourPercentiles(run.toTerminal), new TreeMap<>(run.outcomes));
    }

    private static String fourPercentiles(Histogram histogram) {
        return format("%.1f / %.1f / %.1f / %.1f", Measurement.millis(histogram, 50), Measurement.millis(histogram, 95),
                Measurement.millis(histogram, 99), histogram.getMaxValue() / 1000.0);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
