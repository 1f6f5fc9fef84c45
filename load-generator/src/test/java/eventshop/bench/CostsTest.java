package eventshop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostsTest {

    @Test
    void aProcessLineIsReadPastACommandNameWithSpacesAndParentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String line = "4242 (postgres: a (b) c) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 1 0 9 1 1";

        ProcessCpu.Stat stat = ProcessCpu.Stat.parse(line);

        assertThat(stat.pid()).isEqualTo(4242);
        assertThat(stat.parent()).isEqualTo(17);
        assertThat(stat.ticks()).isEqualTo(250 + 50 + 7 + 3);
    }

    @Test
    void aThreadLineNamesItsCompilerThreadsAndCountsItsOwnTicksOnly() {
        // tid (comm) state ppid ... utime stime cutime cstime: a thread's cutime/cstime are its process's, not its own
        ProcessCpu.Task compiler = ProcessCpu.Task.parse("4243 (C2 CompilerThre) S 1 4242 4242 0 -1 0 0 0 0 0 120 30 7 3 20");
        ProcessCpu.Task worker = ProcessCpu.Task.parse("4244 (http-thread-pool::) S 1 4242 4242 0 -1 0 0 0 0 0 9 1 7 3 20");

        assertThat(compiler.compiler()).isTrue();
        assertThat(compiler.ticks()).isEqualTo(150);
        assertThat(worker.compiler()).isFalse();
    }

    @Test
    void theJvmOfThisTestHasCompilerThreadsThatAreMeasured() {
        ProcessCpu cpu = ProcessCpu.of("payara=" + ProcessHandle.current().pid());

        assertThat(cpu.compilerThreadTicks().get("payara")).isNotEmpty();
        assertThat(cpu.compilerSecondsSince(Map.of()).get("payara")).isPositive();
    }

    @Test
    void groupsWithoutAProcessAreLeftOutAndTheLoadGeneratorIsAlwaysMeasured() {
        ProcessCpu cpu = ProcessCpu.of("payara=" + ProcessHandle.current().pid() + ";das=;broker=x");

        assertThat(cpu.groups()).containsExactly("payara", ProcessCpu.LOAD_GENERATOR);
        assertThat(cpu.seconds().get("payara")).isPositive();
    }

    @Test
    void perfCountsAreReadAndACallThatNeverRanCountsZero() {
        Map<String, Long> counts = SyscallCounter.parse(List.of("# started on Sun Dec  6 07:27:32 2026", "",
                "1234,,syscalls:sys_enter_io_submit,15363179,100.00,,",
                "<not counted>,,syscalls:sys_enter_fdatasync,0,100.00,,",
                "<not supported>,,syscalls:sys_enter_fsync,0,100.00,,"));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("io_submit", 1234L, "fdatasync", 0L));
    }

    @Test
    void theCostRatioTargetIsMetWithin1Point2TimesOneInstancesCpuPerOrder() {
        var one = deployment(1, Map.of("payara", 10.0), 1000);
        var two = deployment(2, Map.of("payara", 11.0, "das", 0.5), 1000);
        var costly = deployment(2, Map.of("payara", 13.0, "das", 0.5), 1000);

        assertThat(Comparison.targets(List.of(one, two)))
                .contains("- met: Payara CPU per order at 2 instances <= 1.2 x 1 instance: 1.10 x (11.00 ms against 10.00 ms; the DAS apart: 0.50 ms");
        assertThat(Comparison.targets(List.of(one, costly))).contains("- MISSED: ").contains("1.30 x");
    }

    @Test
    void theTargetIsAlsoJudgedWithJitCompilationApart() {
        var one = deployment(1, Map.of("payara", 10.0), Map.of("payara", 1.0), 1000);
        var compiling = deployment(2, Map.of("payara", 14.0), Map.of("payara", 4.0), 1000);

        assertThat(Comparison.targets(List.of(one, compiling))).contains("- MISSED: Payara CPU per order at 2 instances")
                .contains("- met: the same, JIT compilation apart: 1.11 x (10.00 ms against 9.00 ms; the compiler threads took 4.00 and 1.00 ms per order)");
    }

    @Test
    void theTargetIsJudgedAgainAgainstTheMachinesDriftMeasuredByProcessesWhoseWorkDoesNotDependOnTheInstances() {
        var one = deployment(1, Map.of("payara", 10.0, "gateway", 2.0, "mail sink", 1.0, "load generator", 1.0), Map.of("payara", 0.0), 1000);
        var busier = deployment(2, Map.of("payara", 15.0, "gateway", 3.0, "mail sink", 1.5, "load generator", 1.5), Map.of("payara", 0.0), 1000);

        assertThat(Comparison.targets(List.of(one, busier))).contains("- MISSED: the same, JIT compilation apart: 1.50 x")
                .contains("- met: the same, divided by the machine's drift between the two runs: 1.00 x (the gateway, mail sink, "
                        + "load generator, whose work per order is the same whatever the instances, took 1.50 x their CPU per "
                        + "order, JIT apart: 6.00 ms against 4.00 ms)");
    }

    @Test
    void aReportWithCostsSaysWhatAnOrderCostsEachProcess() {
        Measurement run = new Measurement("closed loop, 4 clients");
        run.start();
        for (int i = 0; i < 100; i++) {
            run.toTerminal.recordValue(100_000);
        }
        run.end();
        run.costs = new Costs(20, new LinkedHashMap<>(Map.of("payara", 2.0)), Map.of("io_submit", 450L), Map.of(), 700,
                Map.of("payara", 0.5));
        Costs idle = new Costs(10, Map.of("payara", 0.1), Map.of("io_submit", 5L), Map.of("fdatasync", 3L), 20, Map.of());

        String markdown = new Report(1000, 3000, 20, List.of(run), null, 700, 250, idle).markdown();

        assertThat(markdown).contains("| closed loop, 4 clients | 100 | 20.00 | 20.00 | 4.5 | not measured | 7.0 |")
                .contains("| **measured window (the runs above)** | 100 |")
                .contains("Of which the JVMs' JIT compiler threads (a lower bound), CPU ms per order: payara 5.00;")
                .contains("Idle (no orders, 10 s), CPU ms per second: payara 10.0; journal writes 0.5/s, WAL flushes 0.3/s, commits 2.0/s.");
    }

    private static Comparison.Deployment deployment(int instances, Map<String, Double> cpuMsPerOrder, long orders) {
        return deployment(instances, cpuMsPerOrder, Map.of(), orders);
    }

    private static Comparison.Deployment deployment(int instances, Map<String, Double> cpuMsPerOrder,
                                                    Map<String, Double> compilerMsPerOrder, long orders) {
        var cpu = Json.createObjectBuilder();
        cpuMsPerOrder.forEach((group, ms) -> cpu.add(group, ms * orders / 1000));
        var compilers = Json.createObjectBuilder();
        compilerMsPerOrder.forEach((group, ms) -> compilers.add(group, ms * orders / 1000));
        var costs = Json.createObjectBuilder().add("seconds", 60).add("cpuSeconds", cpu).add("jitCompilerCpuSeconds", compilers)
                .add("brokerSyscalls", Json.createObjectBuilder())
                .add("databaseSyscalls", Json.createObjectBuilder()).add("databaseCommits", 0).add("orders", orders);
        String report = Json.createObjectBuilder().add("costs", Json.createObjectBuilder().add("measured", costs)).build().toString();
        return new Comparison.Deployment(instances, Json.createReader(new StringReader(report)).readObject());
    }
}
