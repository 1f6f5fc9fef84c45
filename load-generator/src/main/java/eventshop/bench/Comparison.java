package eventshop.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * bin/eventshop bench --instances 1,2: the reports of the systems measured one after the other (each in
 * target/bench/instances-N/, from -Dbench.compare=those folders) side by side in target/bench/report.md and
 * comparison.json: orders/s, latencies, and what an order costs, with the target of issue 18: the serving Payara
 * processes' CPU seconds per order at N instances within 1.2 times one instance's.
 */
public final class Comparison {

    static final double COST_RATIO_TARGET = 1.2;

    /**
     * The processes whose work per order does not depend on the number of instances (the card gateway simulator,
     * the mail sink, the load generator itself): how their CPU per order moved from one system's run to the next is
     * the machine's drift (other work on the shared cores, caches, frequency), which inflates every process's figure.
     */
    static final List<String> DRIFT_CONTROLS = List.of("gateway", "mail sink", ProcessCpu.LOAD_GENERATOR);

    /** One deployment's report.json, with the number of instances it ran. */
    record Deployment(int instances, JsonObject report) {

        Costs measured() {
            return Costs.fromJson(report.getJsonObject("costs").getJsonObject("measured"));
        }

        long orders() {
            return report.getJsonObject("costs").getJsonObject("measured").getJsonNumber("orders").longValue();
        }

        Costs idle() {
            return Costs.fromJson(report.getJsonObject("costs").getJsonObject("idle"));
        }

        /** CPU ms per order of a process group over the measured window; 0 where the group did not run. */
        double cpuMsPerOrder(String group) {
            return 1000 * measured().cpuSeconds().getOrDefault(group, 0.0) / Math.max(1, orders());
        }

        /** CPU ms per order of a group's JIT compiler threads (a lower bound: {@link ProcessCpu#compilerSecondsSince}). */
        double compilerMsPerOrder(String group) {
            return 1000 * measured().compilerSeconds().getOrDefault(group, 0.0) / Math.max(1, orders());
        }

        /** CPU ms per order of a process group, its JIT compilation apart: what an order costs warm JVMs. */
        double cpuMsPerOrderCompilingApart(String group) {
            return cpuMsPerOrder(group) - compilerMsPerOrder(group);
        }

        /** CPU ms per order of the drift controls, JIT compilation apart; 0 when one of them was not measured. */
        double controlMsPerOrder() {
            return DRIFT_CONTROLS.stream().allMatch(measured().cpuSeconds()::containsKey)
                    ? DRIFT_CONTROLS.stream().mapToDouble(this::cpuMsPerOrderCompilingApart).sum() : 0;
        }

        /**
         * The same without what the group spends doing nothing (its idle CPU per second times the window's
         * seconds): what one more order costs, where the whole figure also depends on the rate the window ran at.
         */
        double cpuMsPerOrderAboveIdle(String group) {
            double idlePerSecond = idle().cpuSeconds().getOrDefault(group, 0.0) / idle().seconds();
            return 1000 * (measured().cpuSeconds().getOrDefault(group, 0.0) - idlePerSecond * measured().seconds())
                    / Math.max(1, orders());
        }

        JsonObject openLoop() {
            return report.getJsonObject("openLoop");
        }

        String label() {
            return instances + (instances == 1 ? " instance" : " instances");
        }
    }

    private Comparison() {
    }

    public static void main(String[] args) throws IOException {
        List<Deployment> systems = new ArrayList<>();
        for (String folder : System.getProperty("bench.compare", "").split(",")) {
            Path report = Path.of(folder.trim(), "report.json");
            try (var reader = Json.createReader(Files.newBufferedReader(report))) {
                systems.add(new Deployment(Integer.parseInt(folder.replaceAll(".*\\D(\\d+)/?$", "$1")), reader.readObject()));
            }
        }
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        String markdown = markdown(systems);
        Files.writeString(out.resolve("report.md"), markdown);
        Files.writeString(out.resolve("comparison.json"), json(systems));
        System.out.println(markdown);
    }

    static String markdown(List<Deployment> systems) {
        StringBuilder md = new StringBuilder("# EventShop benchmark: " + String.join(" and ",
                systems.stream().map(Deployment::label).toList()) + "\n\n");
        md.append("Each a fresh system of the bench profile (PostgreSQL, the same broker setup for all), one after the other "
                + "on this machine, under the same load; each one's own report is in instances-N/report.md.\n\n");
        md.append(targets(systems)).append('\n');
        md.append("| | ").append(String.join(" | ", systems.stream().map(Deployment::label).toList())).append(" |\n|---|");
        systems.forEach(system -> md.append("---|"));
        md.append('\n');
        md.append(row(systems, "best orders/s (closed loop)", s -> format("%.1f", s.report().getJsonNumber("maxOrdersPerSecond").doubleValue())));
        md.append(row(systems, "open loop: orders/s offered / completed", s -> format("%.1f / %.1f",
                s.openLoop().getJsonNumber("offeredOrdersPerSecond").doubleValue(), s.openLoop().getJsonNumber("ordersPerSecond").doubleValue())));
        md.append(row(systems, "open loop: POST p50 / p99 (ms)", s -> latency(s.openLoop(), "placeLatencyMs")));
        md.append(row(systems, "open loop: place→terminal p50 / p99 (ms)", s -> latency(s.openLoop(), "placeToTerminalMs")));
        md.append(row(systems, "orders completed in the measured window", s -> String.valueOf(s.orders())));
        for (String group : groups(systems)) {
            md.append(row(systems, "CPU ms per order: " + group, s -> format("%.2f", s.cpuMsPerOrder(group))));
        }
        md.append(row(systems, "CPU ms per order: every process above", s -> format("%.2f",
                1000 * s.measured().cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum() / Math.max(1, s.orders()))));
        for (String group : List.of("payara", "das", "broker", "postgresql")) {
            md.append(row(systems, "idle CPU ms per second: " + group, s -> format("%.1f",
                    1000 * s.idle().cpuSeconds().getOrDefault(group, 0.0) / s.idle().seconds())));
        }
        md.append(row(systems, "Payara CPU ms per order above its idle", s -> format("%.2f", s.cpuMsPerOrderAboveIdle("payara"))));
        md.append(row(systems, "Payara CPU ms per order: its JIT compiler threads (a lower bound)", s -> format("%.2f", s.compilerMsPerOrder("payara"))));
        md.append(row(systems, "Payara CPU ms per order, JIT compilation apart", s -> format("%.2f", s.cpuMsPerOrderCompilingApart("payara"))));
        md.append(row(systems, "broker journal writes (io_submit) per order", s -> perOrder(s.measured().brokerCalls().get("io_submit"), s.orders())));
        md.append(row(systems, "PostgreSQL WAL flushes (fdatasync) per order", s -> perOrder(s.measured().databaseCalls().get("fdatasync"), s.orders())));
        md.append(row(systems, "PostgreSQL commits per order", s -> perOrder(s.measured().databaseCommits(), s.orders())));
        md.append(row(systems, "message deliveries per order", s -> format("%.1f", s.report().getJsonNumber("messageDeliveriesPerOrder").doubleValue())));
        md.append(row(systems, "broker baseline (persistent transacted messages/s)", s -> format("%.0f",
                s.report().getJsonObject("baselines").getJsonNumber("brokerPersistentTransactedMessagesPerSecond").doubleValue())));
        md.append(row(systems, "database baseline (commits/s)", s -> format("%.0f",
                s.report().getJsonObject("baselines").getJsonNumber("databaseCommitsPerSecond").doubleValue())));
        return md.toString();
    }

    /**
     * Issue 18's target: the serving Payara processes' CPU per order at N instances within 1.2 times one instance's;
     * judged on the whole figure and again with JIT compilation apart, which a fresh system's N JVMs still do (each
     * compiles the same code, more slowly as it sees 1/N of the orders) and warm ones no longer do.
     */
    static String targets(List<Deployment> systems) {
        StringBuilder md = new StringBuilder("Targets:\n\n");
        Deployment one = systems.stream().filter(s -> s.instances() == 1).findFirst().orElse(null);
        for (Deployment many : systems) {
            if (one == null || many == one) {
                continue;
            }
            double ratio = many.cpuMsPerOrder("payara") / one.cpuMsPerOrder("payara");
            md.append(format("- %s: Payara CPU per order at %s <= %.1f x 1 instance: %.2f x (%.2f ms against %.2f ms; the DAS "
                            + "apart: %.2f ms per order at %s)%n", verdict(ratio), many.label(),
                    COST_RATIO_TARGET, ratio, many.cpuMsPerOrder("payara"), one.cpuMsPerOrder("payara"),
                    many.cpuMsPerOrder("das"), many.label()));
            if (many.measured().compilerSeconds().containsKey("payara") && one.measured().compilerSeconds().containsKey("payara")) {
                double warm = many.cpuMsPerOrderCompilingApart("payara") / one.cpuMsPerOrderCompilingApart("payara");
                md.append(format("- %s: the same, JIT compilation apart: %.2f x (%.2f ms against %.2f ms; the compiler threads "
                                + "took %.2f and %.2f ms per order)%n", verdict(warm), warm,
                        many.cpuMsPerOrderCompilingApart("payara"), one.cpuMsPerOrderCompilingApart("payara"),
                        many.compilerMsPerOrder("payara"), one.compilerMsPerOrder("payara")));
                if (one.controlMsPerOrder() > 0 && many.controlMsPerOrder() > 0) {
                    double drift = many.controlMsPerOrder() / one.controlMsPerOrder();
                    md.append(format("- %s: the same, divided by the machine's drift between the two runs: %.2f x (the %s, "
                                    + "whose work per order is the same whatever the instances, took %.2f x their CPU per "
                                    + "order, JIT apart: %.2f ms against %.2f ms)%n", verdict(warm / drift), warm / drift,
                            String.join(", ", DRIFT_CONTROLS), drift, many.controlMsPerOrder(), one.controlMsPerOrder()));
                }
            }
        }
        return md.toString();
    }

    private static String verdict(double ratio) {
        return ratio <= COST_RATIO_TARGET ? "met" : "MISSED";
    }

    private static Set<String> groups(List<Deployment> systems) {
        Set<String> groups = new LinkedHashSet<>();
        systems.forEach(system -> groups.addAll(system.measured().cpuSeconds().keySet()));
        return groups;
    }

    private static String row(List<Deployment> systems, String name, Function<Deployment, String> value) {
        StringBuilder md = new StringBuilder("| ").append(name).append(" |");
        systems.forEach(system -> md.append(' ').append(value.apply(system)).append(" |"));
        return md.append('\n').toString();
    }

    private static String latency(JsonObject run, String which) {
        JsonObject latencies = run.getJsonObject(which);
        return format("%.1f / %.1f", latencies.getJsonNumber("p50").doubleValue(), latencies.getJsonNumber("p99").doubleValue());
    }

    private static String perOrder(Long count, long orders) {
        return count == null ? "not measured" : format("%.1f", count / (double) Math.max(1, orders));
    }

    private static String json(List<Deployment> systems) {
        var array = Json.createArrayBuilder();
        systems.forEach(system -> array.add(Json.createObjectBuilder().add("instances", system.instances())
                .add("payaraCpuMsPerOrder", system.cpuMsPerOrder("payara"))
                .add("dasCpuMsPerOrder", system.cpuMsPerOrder("das"))
                .add("payaraCpuMsPerOrderCompilingApart", system.cpuMsPerOrderCompilingApart("payara"))
                .add("report", system.report())));
        return Json.createObjectBuilder().add("costRatioTarget", COST_RATIO_TARGET).add("systems", array).build().toString();
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
