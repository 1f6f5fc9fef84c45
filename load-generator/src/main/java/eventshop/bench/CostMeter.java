package eventshop.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures a window's {@link Costs}: CPU seconds from /proc at both ends (and those of the JVMs' JIT compiler threads), perf counting the broker's journal writes
 * (io_submit; and fdatasync/fsync, which its journal's file operations may call) and PostgreSQL's WAL flushes
 * (fdatasync) in between, and PostgreSQL's commit counter at both ends.
 */
final class CostMeter {

    private static final List<String> BROKER_CALLS = List.of("io_submit", "fdatasync", "fsync");
    private static final List<String> DATABASE_CALLS = List.of("fdatasync", "fsync");

    private final ProcessCpu processes;
    private final Settings settings;

    CostMeter(ProcessCpu processes, Settings settings) {
        this.processes = processes;
        this.settings = settings;
    }

    Window start() throws SQLException {
        return new Window();
    }

    final class Window {
        private final long started = System.nanoTime();
        private final Map<String, Double> cpu = processes.seconds();
        private final Map<String, Map<Long, Long>> compilers = processes.compilerThreadTicks();
        private final long commits = commits();
        private final Optional<SyscallCounter> broker = SyscallCounter.start(processes.treeOf("broker"), BROKER_CALLS);
        private final Optional<SyscallCounter> database = SyscallCounter.start(processes.treeOf("postgresql"), DATABASE_CALLS);

        private Window() throws SQLException {
        }

        Costs stop() throws SQLException {
            Map<String, Double> now = processes.seconds();
            Map<String, Long> brokerCalls = broker.map(SyscallCounter::stop).orElse(Map.of());
            Map<String, Long> databaseCalls = database.map(SyscallCounter::stop).orElse(Map.of());
            Map<String, Double> spent = new LinkedHashMap<>();
            now.forEach((group, seconds) -> spent.put(group, seconds - cpu.getOrDefault(group, seconds)));
            return new Costs((System.nanoTime() - started) / 1e9, spent, brokerCalls, databaseCalls, commits() - commits,
                    processes.compilerSecondsSince(compilers));
        }
    }

    /** Commits of EventShop's database so far, as PostgreSQL counts them (its statistics lag by up to half a second). */
    private long commits() throws SQLException {
        try (var connection = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
             var query = connection.createStatement();
             var result = query.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
            result.next();
            return result.getLong(1);
        }
    }
}
