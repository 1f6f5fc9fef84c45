package eventshop.chaos;

/**
 * bin/eventshop chaos: the chaos run against a fresh "chaos" system (see {@link ChaosRun}); prints the
 * report, writes it to target/chaos/report.md and exits non-zero on any violation.
 */
public final class Chaos {

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        ChaosSettings settings = ChaosSettings.fromSystemProperties();
        Progress progress = Progress.toStandardOutput();
        progress.say("chaos run: %d orders by %d clients, %d poisoned messages, placing within %d s, settling within %d s",
                settings.orders(), settings.clients(), settings.poisons(), settings.placing().toSeconds(),
                settings.settling().toSeconds());
        AuditReport report = new ChaosRun(settings, progress).runAndAudit();
        System.out.println();
        System.out.println(report.markdown());
        progress.say("lost %d, duplicated %d; report: %s", report.lost(), report.duplicated(),
                settings.out().toAbsolutePath().resolve("report.md"));
        System.exit(report.passed() ? 0 : 1);
    }
}
