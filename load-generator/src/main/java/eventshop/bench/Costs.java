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
 */
record Costs(double seconds, Map<String, Double> cpuSeconds, Map<String, Long> brokerCalls, Map<String, Long> databaseCalls,
             long databaseCommits) {

    static final Costs NONE = new Costs(0, Map.of(), Map.of(), Map.of(), 0);

    Costs plus(Costs other) {
        Map<String, Double> cpu = new LinkedHashMap<>(cpuSeconds);
        other.cpuSeconds.forEach((group, value) -> cpu.merge(group, value, Double::sum));
        return new Costs(seconds + other.seconds, cpu, sum(brokerCalls, other.brokerCalls),
                sum(databaseCalls, other.databaseCalls), databaseCommits + other.databaseCommits);
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
        return Json.createObjectBuilder().add("seconds", seconds).add("cpuSeconds", cpu).add("brokerSyscalls", broker)
                .add("databaseSyscalls", database).add("databaseCommits", databaseCommits);
    }

    static Costs fromJson(JsonObject json) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        json.getJsonObject("cpuSeconds").forEach((group, value) -> cpu.put(group, ((JsonNumber) value).doubleValue()));
        return new Costs(json.getJsonNumber("seconds").doubleValue(), cpu, counts(json.getJsonObject("brokerSyscalls")),
                counts(json.getJsonObject("databaseSyscalls")), json.getJsonNumber("databaseCommits").longValue());
    }

    private static Map<String, Long> counts(JsonObject json) {
        Map<String, Long> counts = new TreeMap<>();
        json.forEach((call, value) -> counts.put(call, ((JsonNumber) value).longValue()));
        return counts;
    }
}
