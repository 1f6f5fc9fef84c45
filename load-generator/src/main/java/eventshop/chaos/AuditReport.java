package eventshop.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the audit found, and whether it is what every order's end requires. Each order's effects are
 * counted against what its terminal state expects: fewer is <b>lost</b> (a message or a write that never
 * happened), more is <b>duplicated</b> (one that happened twice, or happened where it must not). Both must
 * be 0, as must the orders left unfinished, the stock drift, the transactions in doubt and the dead letters
 * the run did not poison on purpose.
 */
public final class AuditReport {

    /** The events an order's services publish about it, counted in their event journals. */
    static final Set<String> ORDER_EVENTS = Set.of("OrderPlaced", "OrderCancelled", "PaymentTaken", "PaymentDeclined",
            "PaymentRefunded", "OrderShipped", "StockUnavailable", "CompensationFailed");
    /** The email each notification kind (the event's type) sends, by subject. */
    static final Map<String, String> SUBJECTS = Map.of("OrderPlaced", "Order received", "PaymentDeclined", "Payment declined",
            "OrderShipped", "Order shipped", "OrderCancelled", "Order cancelled");
    private static final Map<String, String> TERMINAL_EVENT = Map.of(
            "SHIPPED", "OrderShipped", "REJECTED", "PaymentDeclined", "CANCELLED", "OrderCancelled");

    private final ChaosRun.Placed placed;
    private final Map<String, Integer> lost = new TreeMap<>();
    private final Map<String, Integer> duplicated = new TreeMap<>();
    private final Map<String, List<String>> examples = new TreeMap<>();
    private final Map<String, Integer> terminal = new TreeMap<>();
    private final Map<String, Long> inDoubt = new java.util.LinkedHashMap<>();
    private final List<String> stock = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> deadLetterLines = new ArrayList<>();
    private List<Recovery.Measured> recoveries = List.of();
    private Map<String, Long> stillQueued = Map.of();
    private int emailCopies;
    private long refusedAcknowledgements;

    AuditReport(ChaosRun.Placed placed) {
        this.placed = placed;
    }

    public int lost() {
        return lost.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int duplicated() {
        return duplicated.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every violation found, in words; empty when the run passed. */
    public List<String> violations() {
        List<String> all = new ArrayList<>();
        if (lost() > 0) {
            all.add("lost: " + lost() + " " + lost + " e.g. " + examples);
        }
        if (duplicated() > 0) {
            all.add("duplicated: " + duplicated() + " " + duplicated + " e.g. " + examples);
        }
        all.addAll(violations);
        return all;
    }

    public boolean passed() {
        return violations().isEmpty();
    }

    public int orders() {
        return placed.orderOfKey().size();
    }

    /** The orders of the run's customers in the orders service, against the orders the shop accepted. */
    void ordersInDatabase(Map<String, String> status, Set<String> accepted) {
        Set<String> distinct = new HashSet<>(placed.orderOfKey().values());
        tally(duplicated, "order ids answered to two keys", placed.orderOfKey().size() - distinct.size(), "-");
        accepted.stream().filter(order -> !status.containsKey(order)).forEach(order -> tally(lost, "accepted order", 1, order));
        status.keySet().stream().filter(order -> !accepted.contains(order))
                .forEach(order -> tally(duplicated, "order never accepted by a POST", 1, order));
        accepted.stream().filter(status::containsKey).forEach(order -> terminal.merge(status.get(order), 1, Integer::sum));
        long unfinished = accepted.stream().filter(status::containsKey).filter(order -> !Audit.TERMINAL.contains(status.get(order))).count();
        if (unfinished > 0) {
            violations.add(unfinished + " orders not in a terminal state at the end: " + terminal);
        }
    }

    /** One order's effects, counted where each service keeps them, against what its state requires. */
    /**
     * @param captured 1 when the gateway took the order's money (its payment is CAPTURED, a late approval
     *                 of a cancelled or timed-out payment included), else 0
     */
    void order(String order, String status, Map<String, Integer> events, int captured, int refunds, int shipments,
               Map<String, Integer> notifications, Map<String, Integer> mails) {
        if (status == null || !Audit.TERMINAL.contains(status)) {
            return; // counted already: lost, or not finished
        }
        Map<String, Integer> expected = new HashMap<>();
        expected.put("event OrderPlaced", 1);
        expected.put("notification OrderPlaced", 1);
        expected.put("mail " + SUBJECTS.get("OrderPlaced"), 1);
        String decisive = TERMINAL_EVENT.get(status);
        if (decisive != null) {
            expected.put("event " + decisive, 1);
            expected.put("notification " + decisive, 1);
            expected.put("mail " + SUBJECTS.get(decisive), 1);
        }
        switch (status) {
            case "SHIPPED" -> {
                expected.put("event PaymentTaken", 1);
                expected.put("capture", 1);
                expected.put("shipment", 1);
                expected.put("refund", 0);
                expected.put("event PaymentRefunded", 0);
            }
            case "REJECTED", "CANCELLED" -> {
                expected.put("event PaymentTaken", "REJECTED".equals(status) ? 0 : Math.min(1, events.getOrDefault("PaymentTaken", 0)));
                expected.put("shipment", 0);
                // Money the gateway took (before the cancel, or approved after the timeout) comes back once.
                expected.put("refund", Math.min(1, captured));
                expected.put("event PaymentRefunded", Math.min(1, captured));
            }
            default -> { // NEEDS_ATTENTION: a person decides; nothing may have happened twice
            }
        }
        Map<String, Integer> actual = new HashMap<>();
        events.forEach((type, count) -> {
            if (ORDER_EVENTS.contains(type)) {
                actual.put("event " + type, count);
            }
        });
        actual.put("capture", captured);
        actual.put("refund", refunds);
        actual.put("shipment", shipments);
        notifications.forEach((kind, count) -> actual.put("notification " + kind, count));
        mails.forEach((subject, count) -> actual.put("mail " + subject, count));
        Set<String> what = new HashSet<>(expected.keySet());
        what.addAll(actual.keySet());
        for (String effect : what) {
            int has = actual.getOrDefault(effect, 0);
            Integer wants = expected.get(effect);
            if (wants == null) {
                tally(duplicated, effect, has - 1, order);
            } else {
                tally(lost, effect, wants - has, order);
                tally(duplicated, effect, has - wants, order);
            }
        }
    }

    /** On hand (reserved included) plus shipped must be the stock the run started with. */
    void stock(String sku, int initial, int onHand, int reserved, int shipped, int reservedByShipments) {
        int drift = onHand + shipped - initial;
        stock.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |", sku, initial, onHand, reserved, shipped, drift));
        if (drift != 0) {
            violations.add("stock drift on " + sku + ": on hand " + onHand + " + shipped " + shipped + " = "
                    + (onHand + shipped) + ", started with " + initial);
        }
        if (reserved != reservedByShipments) {
            violations.add("reservations of " + sku + ": the product says " + reserved + ", reserved shipments hold "
                    + reservedByShipments);
        }
    }

    /** Each fault's recovery times; out of their bounds, a violation. */
    void recovery(List<Recovery.Measured> measured) {
        this.recoveries = List.copyOf(measured);
        violations.addAll(Recovery.violations(measured));
    }

    /** Each fault's recovery times, in the order the faults happened. */
    public List<Recovery.Measured> recoveries() {
        return recoveries;
    }

    /** Copies of an email already received (same notification): reported, not counted as duplicates. */
    void emailCopies(int copies) {
        this.emailCopies = copies;
    }

    /**
     * Acknowledgements the broker refused because an XA session sent them with no transaction started
     * (broker-plugin/): each is a delivery that would have been lost and was delivered again. Reported, not a
     * violation: what counts is that every order still has its effects, which the rest of the audit checks.
     */
    void refusedAcknowledgements(long refused) {
        this.refusedAcknowledgements = refused;
    }

    /**
     * What EventShop's queues still held when the audit read the databases (the wait for them to empty ran out): work
     * the services had not finished, which the audit may count as lost although it was only late.
     */
    void stillQueued(Map<String, Long> byQueue) {
        stillQueued = Map.copyOf(byQueue);
        if (!byQueue.isEmpty()) {
            violations.add("not settled: EventShop's queues still held messages at the audit " + byQueue
                    + " (what is counted lost may be late)");
        }
    }

    void inDoubt(String where, long count) {
        inDoubt.put(where, count);
        if (count != 0) {
            violations.add(where + ": " + (count < 0 ? "unknown" : count + " in doubt"));
        }
    }

    /** The dead letters that appeared during the run: each poison once per consumer, nothing else. */
    void deadLetters(List<BrokerAdmin.DeadLetter> appeared, int perPoison) {
        Map<String, Integer> perMarker = new HashMap<>();
        List<BrokerAdmin.DeadLetter> unexpected = new ArrayList<>();
        for (BrokerAdmin.DeadLetter letter : appeared) {
            String marker = letter.properties().get(BrokerAdmin.Poison.MARKER);
            boolean ours = placed.run().equals(letter.properties().get(BrokerAdmin.Poison.RUN));
            if (ours) {
                perMarker.merge(marker, 1, Integer::sum);
            } else {
                unexpected.add(letter);
            }
        }
        for (BrokerAdmin.Poison poison : placed.poisons()) {
            int found = perMarker.getOrDefault(poison.marker(), 0);
            deadLetterLines.add("poison " + poison.marker() + ": " + found + " dead letters (expected " + perPoison + ")");
            if (found != perPoison) {
                violations.add("poison " + poison.marker() + " dead-lettered " + found + " times, expected " + perPoison);
            }
        }
        for (BrokerAdmin.DeadLetter letter : unexpected) {
            deadLetterLines.add("UNEXPECTED in " + letter.queue() + ": " + letter.properties());
        }
        if (!unexpected.isEmpty()) {
            violations.add(unexpected.size() + " dead letters the run did not poison on purpose");
        }
    }

    private void tally(Map<String, Integer> into, String effect, int count, String order) {
        if (count > 0) {
            into.merge(effect, count, Integer::sum);
            List<String> some = examples.computeIfAbsent(effect, e -> new ArrayList<>());
            if (some.size() < 3) {
                some.add(order);
            }
        }
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Chaos run ").append(placed.run()).append(passed() ? ": PASSED" : ": FAILED").append("\n\n");
        out.append("| | |\n|---|---|\n");
        row(out, "orders accepted", orders());
        row(out, "mix", placed.kinds());
        row(out, "POSTs never answered, even asked again with their key (not orders)", placed.neverAccepted());
        row(out, "terminal states", terminal);
        row(out, "**lost**", lost() + (lost.isEmpty() ? "" : " " + lost));
        row(out, "**duplicated**", duplicated() + (duplicated.isEmpty() ? "" : " " + duplicated));
        row(out, "copies of an email already received (same notification, redelivered after a crash)", emailCopies);
        row(out, "acknowledgements the broker refused (XA session, no transaction started; delivered again)",
                refusedAcknowledgements);
        inDoubt.forEach((where, count) -> row(out, "in doubt: " + where, count));
        row(out, "messages still in EventShop's queues at the audit", stillQueued.isEmpty() ? "0" : stillQueued);
        placed.timings().forEach((what, took) -> row(out, what, took.toSeconds() + " s"));
        out.append("\nRecovery after each fault (from the restart: the broker live again, Payara's API ready again; bounds: ")
                .append(Recovery.FIRST_COMPLETION_SECONDS).append(" s to the first order completed by a message, ")
                .append(Recovery.FIRST_COMPLETION_SECONDS).append(" s + ").append(Recovery.DRAIN_SLOWDOWN)
                .append(" x backlog / rate before the fault to the backlog drained):\n\n")
                .append("| fault | kill to back | to the first order completed | backlog (orders) | rate before (orders/s) "
                        + "| to the backlog drained | drain bound |\n|---|---|---|---|---|---|---|\n");
        recoveries.forEach(measured -> out.append(measured.line()).append('\n'));
        servedMeanwhile(out);
        out.append("\n| sku | start | on hand | reserved | shipped | drift |\n|---|---|---|---|---|---|\n");
        stock.forEach(line -> out.append(line).append('\n'));
        out.append("\nDead letters that appeared during the run:\n\n");
        deadLetterLines.forEach(line -> out.append("- ").append(line).append('\n'));
        List<String> all = violations();
        out.append("\n").append(all.isEmpty() ? "No violation.\n" : "Violations:\n\n");
        all.forEach(line -> out.append("- ").append(line).append('\n'));
        return out.toString();
    }

    /**
     * The faults during which others served (a broker pair's other broker, a group's other instances): how soon after
     * the kill an order completed, before any restart. The one-server run has none and shows nothing here.
     */
    private void servedMeanwhile(StringBuilder out) {
        List<Recovery.Measured> served = recoveries.stream().filter(measured -> measured.fault().othersServed()).toList();
        if (served.isEmpty()) {
            return;
        }
        out.append("\nWhile the killed process was down, others served (with a broker pair \"back\" above is the other broker")
                .append(" live; for an instance, its own readiness after its restart). From the kill:\n\n")
                .append("| fault | kill to the first order completed by a message |\n|---|---|\n");
        served.forEach(measured -> out.append("| ").append(measured.fault().name()).append(" | ")
                .append(measured.firstSinceKill() == null ? "never" : measured.firstSinceKill().toSeconds() + " s")
                .append(" |\n"));
    }

    private static void row(StringBuilder out, String what, Object value) {
        out.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("report.md"), markdown());
    }
}
