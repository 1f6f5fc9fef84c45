package eventshop.bench;

import java.util.Map;

/**
 * Unmeasured load on a fresh system until its JVMs have compiled the code the orders run: a fresh server spends
 * a large part of its first minutes in its JIT compiler threads (jstat and /proc showed 11-21 s of 61-86 CPU s in a
 * measured window, docs/performance.md "Several instances"), and the cores they take are not what an order costs
 * a running shop. So the warm-up goes on, in steps, until the measured JVMs' compiler threads use less than
 * {@link #SETTLED} of a core over a step, at least {@code bench.warmup.seconds} and at most
 * {@code bench.warmup.max.seconds} (then the progress says that the first levels ran with the JIT still compiling).
 */
final class WarmUp {

    static final int CLIENTS = 4;
    /** The compilers' share of one core under which the hot code counts as compiled. */
    static final double SETTLED = 0.05;
    private static final int STEP_SECONDS = 10;

    private final Settings settings;
    private final Load load;

    WarmUp(Settings settings, Load load) {
        this.settings = settings;
        this.load = load;
    }

    void run() throws InterruptedException {
        ProcessCpu jvms = measured();
        Bench.say("warm-up: %d clients, not measured, until the JVMs' JIT compilers use < %.0f %% of a core (%d-%d s)",
                CLIENTS, SETTLED * 100, settings.warmUpSeconds(), settings.warmUpMaxSeconds());
        int elapsed = 0;
        while (true) {
            int step = Math.max(1, Math.min(STEP_SECONDS, settings.warmUpMaxSeconds() - elapsed));
            Map<String, Map<Long, Long>> before = jvms == null ? null : jvms.compilerThreadTicks();
            load.closedLoop(CLIENTS, step);
            elapsed += step;
            double compiling = before == null ? 0 : compilingShare(jvms.compilerSecondsSince(before), step);
            if (before != null) {
                Bench.say("  %3d s: JIT compilers %.0f %% of a core", elapsed, compiling * 100);
            }
            if (elapsed >= settings.warmUpSeconds() && compiling < SETTLED) {
                return;
            }
            if (elapsed >= settings.warmUpMaxSeconds()) {
                Bench.say("  not settled after %d s: the first levels are measured with the JIT still compiling", elapsed);
                return;
            }
        }
    }

    /** The server and the broker (with --instances, every measured process but the load generator); null: a fixed warm-up. */
    private ProcessCpu measured() {
        if (settings.measuresCosts()) {
            return ProcessCpu.of(settings.processes());
        }
        return settings.serverPid().isBlank() ? null
                : ProcessCpu.of("server=" + settings.serverPid() + ";broker=" + settings.brokerPid());
    }

    private static double compilingShare(Map<String, Double> compilerSeconds, int seconds) {
        return compilerSeconds.entrySet().stream().filter(group -> !group.getKey().equals(ProcessCpu.LOAD_GENERATOR))
                .mapToDouble(Map.Entry::getValue).sum() / seconds;
    }
}
