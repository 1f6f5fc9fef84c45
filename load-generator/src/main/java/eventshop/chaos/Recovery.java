package eventshop.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How fast the shop was back at work after each fault (issue 17): the seconds from the restart (the killed process is
 * back: the broker live again, Payara's API ready again, since its start on a loaded machine, up to minutes, is the
 * machine's, not the recovery's; a listener that stays without consumers, a stalled reconnect or a commit retried for
 * minutes shows after it, the API's own readiness after a broker restart included) to the first order
 * completed by a message (a terminal state the
 * orders service reached by consuming an event, so that a client's own cancel, answered by the REST API alone,
 * does not count), and to the backlog drained (every order accepted before the restart is terminal).
 *
 * <p>The bounds: {@value #FIRST_COMPLETION_SECONDS} s to the first completion (issue 17); the drain within that
 * same minute plus {@value #DRAIN_SLOWDOWN} times the time the backlog takes at the rate the same system completed
 * orders under the same load just before the fault ({@link #rateBefore}; the whole run's, outages included, when
 * too few orders completed before it). The backlog is worked off in queue order
 * (the orders placed after the restart queue behind it), so at the measured rate it needs backlog / rate seconds; the
 * factor leaves room for what only a restart costs: a Payara started cold (classes, JIT, pools), the in-doubt
 * transactions resolved by recovery or by Payara's commit retry (every 60 s), and the redelivery back-off of the
 * deliveries that failed meanwhile. A drain slower than that is a stall, not a backlog.
 */
public final class Recovery {

    public static final long FIRST_COMPLETION_SECONDS = 60;
    public static final int DRAIN_SLOWDOWN = 2;
    /** Fewer completions than this before a fault do not make a rate: the run's earlier rate is used. */
    private static final int MIN_COMPLETIONS_FOR_A_RATE = 10;

    /**
     * A fault the run inflicted: what was killed, when, when the restart command returned, and when the killed process
     * itself was back (the broker live; Payara's API ready; with a broker pair the other broker live; an instance of a
     * group its own readiness), the moment its recovery times count from.
     *
     * @param othersServed whether others served while it was down (the other broker of a pair, the other instances of
     *                     a group): then how soon an order completed after the kill says whether the shop went on
     * @param apiAnsweredWhenReady whether the API answered as soon as the readiness awaited after the restart said UP:
     *                     a readiness that says UP before the API serves sends a load balancer's traffic, and a client
     *                     that waits for it, to a server that answers 404s
     */
    public record Fault(String name, Instant killed, Instant restarted, Instant back, boolean othersServed,
                        boolean apiAnsweredWhenReady) {
    }

    /**
     * One accepted order as the orders service saw it.
     *
     * @param completed when it reached its terminal state; null when it never did
     * @param byMessage whether an event consumed by the orders service made it terminal (not a REST call)
     */
    public record Order(Instant accepted, Instant completed, boolean byMessage) {
    }

    /**
     * What one fault measured.
     *
     * @param firstCompletion restart to the first order completed by a message; null: none after the restart
     * @param backlog         the orders accepted before the restart and not terminal then
     * @param rate            orders completed per second before the fault (see {@link #rateBefore})
     * @param drained         restart to the last of the backlog terminal; null: some never ended
     * @param drainBound      what the drain may take: see the class comment
     * @param window          restart to the next fault's kill; null for the last fault
     * @param firstSinceKill  the kill to the first order completed by a message; null: none after the kill
     * @param acceptedAfter   the orders accepted after the restart
     */
    public record Measured(Fault fault, Duration firstCompletion, int backlog, double rate, Duration drained,
                           Duration drainBound, Duration window, Duration firstSinceKill, int acceptedAfter) {

        /**
         * Within 60 s; or not judged when the next fault came first, before the bound had passed (the next fault's
         * own figures then cover the shop's recovery), or when nothing was left to complete: an instance of a group
         * comes back after its minute down to a shop whose other instance has done all the work (a short run places
         * every order before that).
         */
        public boolean firstCompletionInBound() {
            if (observed(firstCompletion)) {
                return firstCompletion.toSeconds() <= FIRST_COMPLETION_SECONDS;
            }
            return nothingToComplete() || window != null && window.toSeconds() < FIRST_COMPLETION_SECONDS;
        }

        /** No order waiting at the restart and none accepted after it. */
        boolean nothingToComplete() {
            return backlog == 0 && acceptedAfter == 0;
        }

        /** Within its bound; or not judged when the next fault came first (its backlog then holds what was left). */
        public boolean drainedInBound() {
            if (drainBound == null) {
                return false;
            }
            if (observed(drained)) {
                return drained.compareTo(drainBound) <= 0;
            }
            return window != null && window.compareTo(drainBound) < 0;
        }

        /** Happened before the next fault's kill (or there was none). */
        private boolean observed(Duration fromRestart) {
            return fromRestart != null && (window == null || fromRestart.compareTo(window) <= 0);
        }

        String line() {
            return String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f | %s | %s |", fault.name(),
                    Duration.between(fault.killed(), fault.back()).toSeconds() + " s", seconds(firstCompletion), backlog,
                    rate, seconds(drained), seconds(drainBound));
        }

        private String seconds(Duration duration) {
            if (duration == null && nothingToComplete()) {
                return "nothing left to complete";
            }
            if (window != null && (duration == null || duration.compareTo(window) > 0)) {
                return "not before the next fault (" + window.toSeconds() + " s later)";
            }
            return duration == null ? "never" : duration.toSeconds() + " s";
        }
    }

    private Recovery() {
    }

    /** Each fault's recovery, in the order the faults happened. */
    static List<Measured> measure(List<Fault> faults, Collection<Order> orders) {
        List<Measured> measured = new ArrayList<>();
        Instant steadySince = orders.stream().map(Order::accepted).min(Instant::compareTo).orElse(Instant.EPOCH);
        // Too few completions before the first fault (a short run on a loaded machine): the whole run's rate,
        // outages included, so lower than the steady one and the bound looser, never tighter.
        double earlierRate = wholeRunRate(orders, steadySince);
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            Instant restart = fault.back();
            Duration window = i + 1 < faults.size() ? Duration.between(restart, faults.get(i + 1).killed()) : null;
            Duration first = firstCompletionAfter(restart, orders);
            List<Order> backlog = orders.stream().filter(order -> order.accepted().isBefore(restart))
                    .filter(order -> order.completed() == null || order.completed().isAfter(restart)).toList();
            boolean unfinished = backlog.stream().anyMatch(order -> order.completed() == null);
            Instant lastOfBacklog = backlog.stream().map(Order::completed).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(restart);
            Duration drained = unfinished ? null : Duration.between(restart, lastOfBacklog);
            double rate = rateBefore(orders, steadySince, fault.killed());
            if (rate == 0) {
                rate = earlierRate;
            } else {
                earlierRate = rate;
            }
            Duration bound = rate == 0 ? null : Duration.ofSeconds(FIRST_COMPLETION_SECONDS)
                    .plusMillis(Math.round(DRAIN_SLOWDOWN * backlog.size() / rate * 1000));
            int acceptedAfter = (int) orders.stream().filter(order -> order.accepted().isAfter(restart)).count();
            measured.add(new Measured(fault, first, backlog.size(), rate, drained, bound, window,
                    firstCompletionAfter(fault.killed(), orders), acceptedAfter));
            // The next fault's rate is read once this one's backlog is gone: the shop's steady state again.
            steadySince = drained == null ? fault.killed() : restart.plus(drained);
        }
        return measured;
    }

    /** From the instant to the first order completed by a message after it; null: none. */
    private static Duration firstCompletionAfter(Instant instant, Collection<Order> orders) {
        return orders.stream().filter(Order::byMessage).map(Order::completed).filter(Objects::nonNull)
                .filter(at -> at.isAfter(instant)).min(Instant::compareTo)
                .map(at -> Duration.between(instant, at)).orElse(null);
    }

    /**
     * Orders completed per second between {@code from} and the fault's kill; 0 when that window holds too few
     * completions to say (the caller then keeps the rate measured before an earlier fault).
     */
    static double rateBefore(Collection<Order> orders, Instant from, Instant killed) {
        long completed = orders.stream().map(Order::completed).filter(Objects::nonNull)
                .filter(at -> !at.isBefore(from) && at.isBefore(killed)).count();
        double seconds = Duration.between(from, killed).toMillis() / 1000.0;
        return completed < MIN_COMPLETIONS_FOR_A_RATE || seconds <= 0 ? 0 : completed / seconds;
    }

    private static double wholeRunRate(Collection<Order> orders, Instant from) {
        List<Instant> completed = orders.stream().map(Order::completed).filter(Objects::nonNull).toList();
        Instant last = completed.stream().max(Instant::compareTo).orElse(from);
        double seconds = Duration.between(from, last).toMillis() / 1000.0;
        return completed.isEmpty() || seconds <= 0 ? 0 : completed.size() / seconds;
    }

    /** What is out of bounds, in words; empty when every fault recovered within its bounds. */
    static List<String> violations(List<Measured> measured) {
        List<String> violations = new ArrayList<>();
        for (Measured m : measured) {
            if (!m.fault().apiAnsweredWhenReady()) {
                violations.add(m.fault().name() + ": the readiness said UP after the restart before the API answered");
            }
            if (!m.firstCompletionInBound()) {
                violations.add(m.fault().name() + ": first order completed " + (m.firstCompletion() == null ? "never"
                        : m.firstCompletion().toSeconds() + " s") + " after the restart (bound " + FIRST_COMPLETION_SECONDS + " s)");
            }
            if (!m.drainedInBound()) {
                violations.add(m.fault().name() + ": backlog of " + m.backlog() + " orders drained "
                        + (m.drained() == null ? "never" : m.drained().toSeconds() + " s") + " after the restart (bound "
                        + (m.drainBound() == null ? "unknown: no completion rate measured before the fault"
                        : m.drainBound().toSeconds() + " s") + ")");
            }
        }
        return violations;
    }
}
