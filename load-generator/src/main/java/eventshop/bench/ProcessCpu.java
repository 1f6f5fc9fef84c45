package eventshop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system) spent so far by named groups of processes ("payara", "das", "broker", "postgresql",
 * ...), read from /proc/&lt;pid&gt;/stat. A group's process counts with its descendants (PostgreSQL's backends are
 * the postmaster's children; a launcher script's java is its child) and with what the children it reaped had
 * spent (cutime, cstime), so that a backend that ends within a window still counts. A subtree that belongs to
 * another group is left to that group: the instances may be children of the DAS that started them. Reading /proc
 * costs the measured processes nothing, where asking each JVM over JMX would cost them a request.
 */
final class ProcessCpu {

    /** The load generator's own JVM (in the same run of Maven), always measured: it shares the machine. */
    static final String LOAD_GENERATOR = "load generator";

    private final Map<String, List<Long>> groups;
    private final double ticksPerSecond;

    private ProcessCpu(Map<String, List<Long>> groups, double ticksPerSecond) {
        this.groups = groups;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** {@code payara=12,13;das=10;broker=20,21}: groups in the order given, pids that are not numbers skipped. */
    static ProcessCpu of(String groups) {
        Map<String, List<Long>> parsed = new LinkedHashMap<>();
        for (String group : groups.split(";")) {
            int equals = group.indexOf('=');
            if (equals < 1) {
                continue;
            }
            List<Long> pids = Stream.of(group.substring(equals + 1).split(",")).map(String::trim)
                    .filter(pid -> pid.matches("\\d+")).map(Long::valueOf).toList();
            if (!pids.isEmpty()) {
                parsed.put(group.substring(0, equals).trim(), pids);
            }
        }
        parsed.put(LOAD_GENERATOR, List.of(ProcessHandle.current().pid()));
        return new ProcessCpu(parsed, clockTicksPerSecond());
    }

    List<Long> pids(String group) {
        return groups.getOrDefault(group, List.of());
    }

    Set<String> groups() {
        return groups.keySet();
    }

    /** Each group's CPU seconds so far. */
    Map<String, Double> seconds() {
        Map<Long, Stat> all = readAll();
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.keySet().forEach(group -> seconds.put(group,
                treeOf(group, all).stream().map(all::get).mapToLong(stat -> stat == null ? 0 : stat.ticks()).sum() / ticksPerSecond));
        return seconds;
    }

    /**
     * The JIT compiler threads of each group's processes now (HotSpot's "C1 CompilerThread" and "C2 CompilerThread",
     * names Linux cuts to 15 characters): thread id to CPU ticks. A JVM compiles its hot code once, so a fresh system
     * still compiles during the measured windows, and N instances compile the same code N times, each more slowly as
     * it sees 1/N of the traffic: that is not what an order costs once the JVMs are warm.
     */
    Map<String, Map<Long, Long>> compilerThreadTicks() {
        Map<Long, Stat> all = readAll();
        Map<String, Map<Long, Long>> ticks = new LinkedHashMap<>();
        groups.keySet().forEach(group -> {
            Map<Long, Long> threads = new HashMap<>();
            treeOf(group, all).forEach(pid -> threads.putAll(compilerThreadsOf(pid)));
            ticks.put(group, threads);
        });
        return ticks;
    }

    /**
     * Each group's compiler threads' CPU seconds since an earlier {@link #compilerThreadTicks()}. A compiler thread
     * that ended in between (the JVM adds and removes them with the compile queue) takes its time with it: a lower
     * bound of what compiling cost.
     */
    Map<String, Double> compilerSecondsSince(Map<String, Map<Long, Long>> before) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        compilerThreadTicks().forEach((group, threads) -> seconds.put(group, threads.entrySet().stream()
                .mapToLong(thread -> thread.getValue() - before.getOrDefault(group, Map.of()).getOrDefault(thread.getKey(), 0L))
                .sum() / ticksPerSecond));
        return seconds;
    }

    private static Map<Long, Long> compilerThreadsOf(long pid) {
        Map<Long, Long> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    Task thread = Task.parse(Files.readString(task.resolve("stat")));
                    if (thread.compiler()) {
                        threads.put(thread.id(), thread.ticks());
                    }
                } catch (IOException ended) {
                    // a thread that ended while it was read
                }
            }
        } catch (IOException ended) {
            // a process that ended
        }
        return threads;
    }

    /** One thread's line of /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat: its name and its own ticks (utime + stime). */
    record Task(long id, String name, long ticks) {

        static Task parse(String line) {
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new Task(Long.parseLong(line.substring(0, line.indexOf(' '))),
                    line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        }

        boolean compiler() {
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        }
    }

    /** The processes of this group with their descendants now (for counters that attach to pids). */
    List<Long> treeOf(String group) {
        return new ArrayList<>(treeOf(group, readAll()));
    }

    private Set<Long> treeOf(String group, Map<Long, Stat> all) {
        Map<Long, List<Long>> children = all.values().stream()
                .collect(Collectors.groupingBy(Stat::parent, Collectors.mapping(Stat::pid, Collectors.toList())));
        Set<Long> named = groups.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        return tree(pids(group), children, named);
    }

    /** The given processes and their descendants, but not a descendant named in a group of its own. */
    private static Set<Long> tree(List<Long> roots, Map<Long, List<Long>> children, Set<Long> named) {
        Set<Long> tree = new HashSet<>(roots);
        Deque<Long> next = new ArrayDeque<>(roots);
        while (!next.isEmpty()) {
            for (long child : children.getOrDefault(next.pop(), List.of())) {
                if (!named.contains(child) && tree.add(child)) {
                    next.push(child);
                }
            }
        }
        return tree;
    }

    /** One process's line of /proc/&lt;pid&gt;/stat: its parent and its own and its reaped children's ticks. */
    record Stat(long pid, long parent, long ticks) {

        static Stat parse(String line) {
            // The command name (field 2) is in parentheses and may hold spaces: the fields after it start at state.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
            return new Stat(pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
        }
    }

    private static Map<Long, Stat> readAll() {
        Map<Long, Stat> all = new HashMap<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path dir : proc.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    Stat stat = Stat.parse(Files.readString(dir.resolve("stat")));
                    all.put(stat.pid(), stat);
                } catch (IOException ended) {
                    // a process that ended while /proc was read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** USER_HZ, the unit of /proc's CPU times: getconf CLK_TCK, 100 on every Linux this runs on if that fails. */
    private static double clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 && answer.matches("\\d+") ? Double.parseDouble(answer) : 100;
        } catch (IOException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
