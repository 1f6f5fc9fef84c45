package eventshop.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cost of an order in a report: CPU milliseconds of each process group, disk syncs and commits, per order. */
final class CostTable {

    private CostTable() {
    }

    static String markdown(List<Measurement> runs, Costs total, long totalOrders, Costs idle) {
        List<String> groups = List.copyOf(total.cpuSeconds().keySet());
        StringBuilder md = new StringBuilder("What an order costs: CPU ms of each process group per order completed (/proc, "
                + "user + system), the broker's journal writes (io_submit) and PostgreSQL's WAL flushes (fdatasync) per "
                + "order (perf), PostgreSQL's commits per order (pg_stat_database):\n\n");
        md.append("| run | orders |");
        groups.forEach(group -> md.append(' ').append(group).append(" |"));
        md.append(" all | journal writes | WAL flushes | commits |\n|---|---|");
        groups.forEach(group -> md.append("---|"));
        md.append("---|---|---|---|\n");
        runs.forEach(run -> md.append(row(run.name, run.costs, run.terminalOrders(), groups)));
        md.append(row("**measured window (the runs above)**", total, totalOrders, groups));
        md.append(compiling(total, totalOrders));
        md.append(format("%nIdle (no orders, %.0f s), CPU ms per second:", idle.seconds()));
        idle.cpuSeconds().forEach((group, seconds) -> md.append(format(" %s %.1f;", group, 1000 * seconds / idle.seconds())));
        md.append(format(" journal writes %s/s, WAL flushes %s/s, commits %.1f/s.%n", perSecond(idle.brokerCalls(), "io_submit", idle.seconds()),
                perSecond(idle.databaseCalls(), "fdatasync", idle.seconds()), idle.databaseCommits() / idle.seconds()));
        return md.toString();
    }

    /** The JIT compilers' part of the measured window's CPU, per order, for the groups whose JVMs compiled. */
    private static String compiling(Costs total, long orders) {
        StringBuilder md = new StringBuilder();
        total.compilerSeconds().forEach((group, seconds) -> {
            if (seconds > 0) {
                md.append(format(" %s %.2f;", group, 1000 * seconds / Math.max(1, orders)));
            }
        });
        return md.isEmpty() ? "" : "\nOf which the JVMs' JIT compiler threads (a lower bound), CPU ms per order:" + md + "\n";
    }

    private static String row(String name, Costs costs, long orders, List<String> groups) {
        StringBuilder md = new StringBuilder(format("| %s | %d |", name, orders));
        double perOrder = 1000.0 / Math.max(1, orders);
        groups.forEach(group -> md.append(format(" %.2f |", perOrder * costs.cpuSeconds().getOrDefault(group, 0.0))));
        md.append(format(" %.2f | %s | %s | %.1f |%n", perOrder * costs.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum(),
                perOrderCount(costs.brokerCalls(), "io_submit", orders), perOrderCount(costs.databaseCalls(), "fdatasync", orders),
                costs.databaseCommits() / (double) Math.max(1, orders)));
        return md.toString();
    }

    private static String perOrderCount(Map<String, Long> calls, String call, long orders) {
        return calls.containsKey(call) ? format("%.1f", calls.get(call) / (double) Math.max(1, orders)) : "not measured";
    }

    private static String perSecond(Map<String, Long> calls, String call, double seconds) {
        return calls.containsKey(call) ? format("%.1f", calls.get(call) / seconds) : "not measured";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
