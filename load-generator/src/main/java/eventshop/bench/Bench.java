package eventshop.bench;

import eventshop.clients.RestClient;
import eventshop.clients.Storefront;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * bin/eventshop bench: the baselines, then closed loop at each concurrency, then open loop at half the
 * best rate (where the latency targets are set), then the report. Progress goes to standard output.
 */
public final class Bench {

    private static final int BASELINE_SECONDS = 10;
    private static final int CUSTOMERS = 32;
    private static final int SETTLE_SECONDS = 60;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Storefront shop = new Storefront(new RestClient(URI.create(settings.api())));
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String plentiful = "BENCH-" + run;
        String scarce = "BENCH-" + run + "-SCARCE";
        shop.stockProduct(plentiful, "Bench " + plentiful, new BigDecimal("9.90"), 10_000_000);
        shop.stockProduct(scarce, "Bench " + scarce, new BigDecimal("19.90"), 0);
        while (!shop.sells(plentiful) || !shop.sells(scarce)) {
            Thread.sleep(100); // the catalogue copy follows the warehouse through the broker
        }
        List<String> customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> shop.newCustomer("Bench Customer", "bench-" + UUID.randomUUID() + "@example.org")).toList();

        say("baseline: broker, persistent transacted messages for %d s", BASELINE_SECONDS);
        double broker = Baselines.brokerMessagesPerSecond(settings, BASELINE_SECONDS);
        say("  %.0f messages/s", broker);
        say("baseline: database commits for %d s", BASELINE_SECONDS);
        double database = Baselines.databaseCommitsPerSecond(settings, BASELINE_SECONDS);
        say("  %.0f commits/s", database);

        List<Measurement> closed = new ArrayList<>();
        Measurement open = null;
        Costs idle = null;
        double perOrder;
        CostMeter meter = settings.measuresCosts() ? new CostMeter(ProcessCpu.of(settings.processes()), settings) : null;
        try (TerminalWatcher watcher = new TerminalWatcher(settings)) {
            Load load = new Load(shop, watcher, customers, plentiful, scarce);
            new WarmUp(settings, load).run();
            if (meter != null) {
                // What the system spends with no order at all (health checks, timers, the outbox sweep, the JVMs'
                // own work): the part of an order's cost that depends on the rate, not on the order.
                say("idle: no orders for %d s (what each process spends doing nothing)", settings.idleSeconds());
                CostMeter.Window window = meter.start();
                Thread.sleep(settings.idleSeconds() * 1000L);
                idle = window.stop();
            }
            long addedBefore = BrokerCounters.messagesAddedToEventShopQueues(settings);
            for (int clients : settings.concurrencies()) {
                settle(settings);
                say("closed loop: %d client(s) for %d s", clients, settings.secondsPerLevel());
                CostMeter.Window window = meter == null ? null : meter.start();
                Measurement measured = load.closedLoop(clients, settings.secondsPerLevel());
                measured.costs = window == null ? Costs.NONE : window.stop();
                say("  %.1f orders/s, place-to-terminal p99 %.0f ms, %s", measured.ordersPerSecond(),
                        Measurement.millis(measured.toTerminal, 99), measured.outcomes);
                closed.add(measured);
            }
            double best = closed.stream().mapToDouble(Measurement::ordersPerSecond).max().orElse(1);
            double rate = settings.openLoopRate() > 0 ? settings.openLoopRate() : best / 2;
            settle(settings);
            say("open loop: %.1f orders/s for %d s", rate, settings.openLoopSeconds());
            CostMeter.Window window = meter == null ? null : meter.start();
            open = load.openLoop(rate, settings.openLoopSeconds());
            open.costs = window == null ? Costs.NONE : window.stop();
            say("  %.1f orders/s, POST p99 %.1f ms, place-to-terminal p99 %.0f ms, %s", open.ordersPerSecond(),
                    Measurement.millis(open.placeLatency, 99), Measurement.millis(open.toTerminal, 99), open.outcomes);
            long orders = closed.stream().mapToLong(Measurement::terminalOrders).sum() + open.terminalOrders();
            perOrder = (BrokerCounters.messagesAddedToEventShopQueues(settings) - addedBefore) / (double) Math.max(1, orders);
        }

        Report report = new Report(broker, database, perOrder, closed, open,
                rssMb(settings.serverPid()), rssMb(settings.brokerPid()), idle);
        report.write(settings.out());
        System.out.println();
        System.out.println(report.markdown());
        say("report: %s", settings.out().toAbsolutePath().resolve("report.md"));
    }

    /**
     * Waits (at most SETTLE_SECONDS) for the queues to be empty, so that a level does not pay for the one before: the
     * 32-client level ends with its orders terminal but the notifications' and customers' subscriptions still behind,
     * and their backlog would run during the next level (the open loop, whose latencies are the targets).
     */
    private static void settle(Settings settings) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        long waiting = BrokerCounters.messagesInEventShopQueues(settings);
        if (waiting == 0) {
            return;
        }
        long started = System.nanoTime();
        while (waiting > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            waiting = BrokerCounters.messagesInEventShopQueues(settings);
        }
        say("  settled: %s after %.1f s", waiting == 0 ? "queues empty" : waiting + " message(s) still queued (going on)",
                (System.nanoTime() - started) / 1e9);
    }

    /** Resident memory of a process, from /proc; 0 when unknown. */
    static long rssMb(String pid) throws java.io.IOException {
        Path status = Path.of("/proc", pid, "status");
        if (pid.isBlank() || !Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("\\D+", "")).mapToLong(Long::parseLong).findFirst().orElse(0) / 1024;
    }

    /** One line of progress, numbers formatted the same whatever the machine's locale. */
    static void say(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
