package eventshop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * How many times some processes entered some system calls over a window, counted in the kernel by perf's syscall
 * tracepoints ({@code perf stat -e syscalls:sys_enter_io_submit -p ...}): the broker's journal writes (Artemis'
 * ASYNCIO journal submits each flush of its buffer with io_submit, O_DIRECT, so a write is its sync) and
 * PostgreSQL's WAL flushes (fdatasync). Counting costs the processes a counter increment per call. Needs perf and
 * the right to trace (root here); without them the window reports nothing and the report says "not measured".
 */
final class SyscallCounter {

    private static final Logger LOG = Logger.getLogger(SyscallCounter.class.getName());

    private final Process perf;
    private final Path output;

    private SyscallCounter(Process perf, Path output) {
        this.perf = perf;
        this.output = output;
    }

    /** Starts counting the calls by these processes (their threads, and the threads and children they start). */
    static Optional<SyscallCounter> start(List<Long> pids, List<String> syscalls) {
        if (pids.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path output = Files.createTempFile("eventshop-bench-perf-", ".csv");
            Process perf = new ProcessBuilder("perf", "stat", "-x", ",", "-o", output.toString(),
                    "-e", syscalls.stream().map(call -> "syscalls:sys_enter_" + call).collect(Collectors.joining(",")),
                    "-p", pids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return Optional.of(new SyscallCounter(perf, output));
        } catch (IOException e) {
            LOG.warning("perf could not be started, system calls not counted: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Stops counting (perf prints its counts on SIGINT): each call's count, empty when perf could not count. */
    Map<String, Long> stop() {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(perf.pid())).start().waitFor();
            if (!perf.waitFor(30, TimeUnit.SECONDS)) {
                perf.destroyForcibly();
                return Map.of();
            }
            return parse(Files.readAllLines(output));
        } catch (IOException e) {
            LOG.warning("perf's counts could not be read: " + e.getMessage());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            output.toFile().delete();
        }
    }

    /**
     * perf stat -x, lines: {@code 1234,,syscalls:sys_enter_io_submit,...}; "&lt;not counted&gt;" (the processes never
     * ran in the window) is 0, "&lt;not supported&gt;" is left out.
     */
    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : lines) {
            String[] fields = line.split(",");
            if (fields.length > 2 && fields[2].startsWith("syscalls:sys_enter_")) {
                String call = fields[2].substring("syscalls:sys_enter_".length());
                if (fields[0].matches("\\d+")) {
                    counts.put(call, Long.valueOf(fields[0]));
                } else if (fields[0].equals("<not counted>")) {
                    counts.put(call, 0L);
                }
            }
        }
        return counts;
    }
}
