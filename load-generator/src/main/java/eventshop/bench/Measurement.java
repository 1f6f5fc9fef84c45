package eventshop.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What one run measured: latencies (microseconds), outcomes, and how long it took. */
final class Measurement {

    final String name;
    /** The open loop's rate of new orders; 0 for a closed loop. */
    final double offeredPerSecond;
    final Histogram placeLatency = new ConcurrentHistogram(3);
    final Histogram toTerminal = new ConcurrentHistogram(3);
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private long startedAt;
    private long endedAt;

    /** What the system spent in this run ({@link CostMeter}); none unless measured. */
    Costs costs = Costs.NONE;

    Measurement(String name) {
        this(name, 0);
    }

    Measurement(String name, double offeredPerSecond) {
        this.name = name;
        this.offeredPerSecond = offeredPerSecond;
    }

    void start() {
        startedAt = System.nanoTime();
    }

    void end() {
        endedAt = System.nanoTime();
    }

    void outcome(String status) {
        outcomes.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    long terminalOrders() {
        return toTerminal.getTotalCount();
    }

    double seconds() {
        return (endedAt - startedAt) / 1e9;
    }

    /** Orders that reached a terminal state, per second of the run. */
    double ordersPerSecond() {
        return terminalOrders() / seconds();
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
