package eventshop.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the system spent over a window: each process group's CPU seconds ({@link ProcessCpu}), the broker's and
 * PostgreSQL's system calls that reach the disk ({@link SyscallCounter}; empty when perf could not count), and
 * PostgreSQL's commits (pg_stat_database). Divided by the orders completed in the window: the cost of an order.
 * {@code compilerSeconds}: the part of each group's CPU seconds its JVMs' JIT compiler threads spent (a lower bound,
 * see {@link ProcessCpu#compilerSecondsSince}), already counted in {@code cpuSeconds}.
 */
record Costs(double seconds, Map<String, Double> cpuSeconds, Map<String, Long> brokerCalls, Map<String, Long> databaseCalls,
             long databaseCommits, Map<String, Double> compilerSeconds) {

    static final Costs NONE = new Costs(0, Map.of(), Map.of(), Map.of(), 0, Map.of());

    Costs plus(Costs other) {
        return new Costs(seconds + other.seconds, add(cpuSeconds, other.cpuSeconds), sum(brokerCalls, other.brokerCalls),
                sum(databaseCalls, other.databaseCalls), databaseCommits + other.databaseCommits,
                add(compilerSeconds, other.compilerSeconds));
    }

    private static Map<String, Double> add(Map<String, Double> one, Map<String, Double> other) {
        Map<String, Double> sum = new LinkedHashMap<>(one);
        other.forEach((group, value) -> sum.merge(group, value, Double::sum));
        return sum;
    }

    private static Map<String, Long> sum(Map<String, Long> one, Map<String, Long> other) {
        Map<String, Long> sum = new TreeMap<>(one);
        other.forEach((call, count) -> sum.merge(call, count, Long::sum));
        return sum;
    }

    JsonObjectBuilder json() {
        var cpu = Json.createObjectBuilder();
        cpuSeconds.forEach(cpu::add);
        var broker = Json.createObjectBuilder();
        brokerCalls.forEach(broker::add);
        var database = Json.createObjectBuilder();
        databaseCalls.forEach(database::add);
        var compilers = Json.createObjectBuilder();
        compilerSeconds.forEach(compilers::add);
        return Json.createObjectBuilder().add("seconds", seconds).add("cpuSeconds", cpu).add("brokerSyscalls", broker)
                .add("databaseSyscalls", database).add("databaseCommits", databaseCommits)
                .add("jitCompilerCpuSeconds", compilers);
    }

    static Costs fromJson(JsonObject json) {
        return new Costs(json.getJsonNumber("seconds").doubleValue(), seconds(json.getJsonObject("cpuSeconds")),
                counts(json.getJsonObject("brokerSyscalls")), counts(json.getJsonObject("databaseSyscalls")),
                json.getJsonNumber("databaseCommits").longValue(),
                // absent from the reports written before the compiler threads were measured
                seconds(json.getJsonObject("jitCompilerCpuSeconds")));
    }

    private static Map<String, Double> seconds(JsonObject json) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (json != null) {
            json.forEach((group, value) -> seconds.put(group, ((JsonNumber) value).doubleValue()));
        }
        return seconds;
    }

    private static Map<String, Long> counts(JsonObject json) {
        Map<String, Long> counts = new TreeMap<>();
        json.forEach((call, value) -> counts.put(call, ((JsonNumber) value).longValue()));
        return counts;
    }
}
