package eventshop.chaos;

import eventshop.bench.OrderMix;
import eventshop.clients.RestClient;
import eventshop.clients.Storefront;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The chaos driver: places orders with the bench's mix (approved, declined, scarce stock, cancelled by the
 * client) through the public API, kills the broker (of a pair: the live one) a third of the way in and Payara (of a
 * group: one instance) two thirds in, each with kill -9, and starts them again ({@link Faults}); publishes a few
 * poisoned messages on purpose; then waits (bounded) for every order to end and audits what the databases, the mail sink and the broker hold.
 *
 * <p>Only what the shop accepted is an order: a POST that never got its 202 is not one. Every POST is
 * repeated with its Idempotency-Key until it is answered, so a POST the shop accepted while its answer was
 * lost is still one order.
 */
public final class ChaosRun {

    static final String ORDERS_TOPIC = "eventshop.orders.events";

    private final ChaosSettings settings;
    private final Progress progress;
    private final Storefront shop;
    private final BrokerAdmin broker;
    private final Faults faults;

    public ChaosRun(ChaosSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
        this.shop = new Storefront(new RestClient(settings.api()));
        this.broker = new BrokerAdmin(settings);
        this.faults = new Faults(settings, new Outages(settings, progress), broker, progress);
    }

    /** Runs and audits; the report says whether every check held. */
    public AuditReport runAndAudit() throws Exception {
        Placed placed = run();
        AuditReport report = new Audit(settings, progress, broker).audit(placed);
        if (settings.out() != null) {
            report.write(settings.out());
        }
        return report;
    }

    /** What the run did, for the audit: its customers, products, accepted orders and poisons. */
    record Placed(String run, Map<String, String> customerEmails, Map<String, Integer> initialStock,
                  Map<String, String> orderOfKey, Map<OrderMix, Integer> kinds, List<BrokerAdmin.Poison> poisons,
                  Set<String> deadLettersBefore, Map<String, Duration> timings, int neverAccepted,
                  List<Recovery.Fault> faults) {
    }

    private Placed run() throws Exception {
        long started = System.nanoTime();
        long placingDeadline = started + settings.placing().toNanos();
        Storefront patient = shop.patientUntil(placingDeadline);
        String run = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        Set<String> deadLettersBefore = broker.deadLetters().stream().map(BrokerAdmin.DeadLetter::messageId)
                .collect(Collectors.toSet());

        String plentiful = "CHAOS-" + run;
        String scarce = "CHAOS-" + run + "-SCARCE";
        // Some scarce orders get the last units, the others are refunded: both paths touch the stock count.
        int scarceStock = Math.max(2, settings.orders() / 100);
        Map<String, Integer> initialStock = Map.of(plentiful, 10_000_000, scarce, scarceStock);
        patient.stockProduct(plentiful, "Chaos " + plentiful, new BigDecimal("9.90"), initialStock.get(plentiful));
        patient.stockProduct(scarce, "Chaos " + scarce, new BigDecimal("19.90"), scarceStock);
        Map<String, String> customerEmails = new LinkedHashMap<>();
        int customers = Math.max(3, Math.min(40, settings.orders() / 40));
        for (int i = 0; i < customers; i++) {
            String email = "chaos-" + run + "-" + i + "@example.org";
            customerEmails.put(patient.newCustomer("Chaos Customer " + i, email), email);
        }
        progress.say("run %s: %d customers, products %s (stock 10000000) and %s (stock %d)", run, customers,
                plentiful, scarce, scarceStock);
        new Audit(settings, progress, broker).awaitCopiesOf(customerEmails.keySet(), List.of(plentiful, scarce), shop);

        List<BrokerAdmin.Poison> poisons = new ArrayList<>();
        Map<String, Duration> timings = new LinkedHashMap<>();
        List<Recovery.Fault> faultsDone = new CopyOnWriteArrayList<>();
        Map<String, String> orderOfKey = new ConcurrentHashMap<>();
        Map<OrderMix, AtomicInteger> kinds = new EnumMap<>(OrderMix.class);
        for (OrderMix kind : OrderMix.values()) {
            kinds.put(kind, new AtomicInteger());
        }
        AtomicInteger started_ = new AtomicInteger();
        Queue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();
        List<String> customerIds = List.copyOf(customerEmails.keySet());

        int firstPoisons = Math.max(1, settings.poisons() - 2);
        for (int i = 0; i < firstPoisons; i++) {
            poison(run, poisons, placingDeadline);
        }
        ExecutorService faultThread = Executors.newSingleThreadExecutor();
        Future<?> outagesDone = faultThread.submit(() -> {
            awaitAccepted(orderOfKey, settings.orders() / 3, placingDeadline);
            faultsDone.add(faults.broker(timings));
            if (settings.poisons() > 1) {
                poison(run, poisons, placingDeadline);
            }
            awaitAccepted(orderOfKey, 2 * settings.orders() / 3, placingDeadline);
            // The broker's recovery gets its whole first-completion bound before the next fault: a short run reaches
            // two thirds of its orders within seconds of the restart, and Payara's kill would cut the measurement.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), faultsDone.get(0).back()
                    .plusSeconds(Recovery.FIRST_COMPLETION_SECONDS)).toMillis()));
            faultsDone.add(faults.server(timings));
            if (settings.poisons() > 2) {
                poison(run, poisons, placingDeadline);
            }
            return null;
        });

        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        List<Future<?>> placing = new ArrayList<>();
        for (int client = 0; client < settings.clients(); client++) {
            int id = client;
            placing.add(clients.submit(() -> {
                while (started_.getAndIncrement() < settings.orders() && System.nanoTime() < placingDeadline) {
                    OrderMix kind = OrderMix.next();
                    String customer = customerIds.get((id + started_.get()) % customerIds.size());
                    Unanswered post = new Unanswered("chaos-" + run + "-" + UUID.randomUUID(), customer,
                            kind == OrderMix.SCARCE ? scarce : plentiful, kind);
                    if (!place(patient, post, orderOfKey, kinds)) {
                        unanswered.add(post);
                        continue;
                    }
                    int accepted = orderOfKey.size();
                    if (accepted % Math.max(1, settings.orders() / 10) == 0) {
                        progress.say("  %d orders accepted", accepted);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> client : placing) {
                client.get();
            }
            outagesDone.get(10, TimeUnit.MINUTES);
        } finally {
            // Whatever failed (an outage step that timed out, a client that gave up), the threads must not outlive
            // the run: non-daemon, they kept the driver's JVM waiting for ever instead of reporting the failure.
            clients.shutdownNow();
            faultThread.shutdownNow();
        }
        timings.put("placing", Duration.ofNanos(System.nanoTime() - started));
        int neverAccepted = askAgain(unanswered, orderOfKey, kinds);
        progress.say("placed: %d orders accepted in %d s, %d POSTs never answered", orderOfKey.size(),
                timings.get("placing").toSeconds(), neverAccepted);

        Map<OrderMix, Integer> kindCounts = new EnumMap<>(OrderMix.class);
        kinds.forEach((kind, count) -> kindCounts.put(kind, count.get()));
        return new Placed(run, customerEmails, initialStock, Map.copyOf(orderOfKey), kindCounts, List.copyOf(poisons),
                deadLettersBefore, timings, neverAccepted, List.copyOf(faultsDone));
    }

    /** A POST /api/orders the run sent, with the Idempotency-Key that makes sending it again safe. */
    private record Unanswered(String key, String customer, String sku, OrderMix kind) {
    }

    /** Sends the order (again, with its key); true once the shop answered, its order then counted. */
    private static boolean place(Storefront shop, Unanswered post, Map<String, String> orderOfKey,
                                 Map<OrderMix, AtomicInteger> kinds) {
        var order = shop.placeOrder(post.customer(), post.sku(), 1, post.kind().card(), post.key());
        if (order.isEmpty()) {
            return false;
        }
        orderOfKey.put(post.key(), order.get());
        kinds.get(post.kind()).incrementAndGet();
        if (post.kind() == OrderMix.CANCELLED_BY_CLIENT) {
            shop.cancel(order.get());
        }
        return true;
    }

    /**
     * The POSTs that got no answer before the placing deadline may still have created an order (the shop took it,
     * the answer was lost in an outage), so a client that gave up would not know its own orders. A real client asks
     * again with the same Idempotency-Key, which answers with the order it created, or creates it now; so does the
     * run, for as long as it waits for the orders to settle. What still gets no answer is counted as never answered
     * (and an order created for it is then reported by the audit).
     */
    private int askAgain(Queue<Unanswered> unanswered, Map<String, String> orderOfKey,
                         Map<OrderMix, AtomicInteger> kinds) {
        if (unanswered.isEmpty()) {
            return 0;
        }
        progress.say("asking again, with the same Idempotency-Key, for %d POSTs not answered before the deadline",
                unanswered.size());
        Storefront patient = shop.patientUntil(System.nanoTime() + settings.settling().toNanos());
        int never = 0;
        for (Unanswered post : unanswered) {
            if (!place(patient, post, orderOfKey, kinds)) {
                never++;
            }
        }
        return never;
    }

    private void awaitAccepted(Map<String, String> orderOfKey, int count, long deadline) throws InterruptedException {
        while (orderOfKey.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Publishes one poisoned message, again and again while the broker refuses it. */
    private void poison(String run, List<BrokerAdmin.Poison> poisons, long deadline) throws InterruptedException {
        BrokerAdmin.Poison poison = new BrokerAdmin.Poison(run, UUID.randomUUID().toString());
        while (true) {
            try {
                broker.publishPoison(ORDERS_TOPIC, poison);
                synchronized (poisons) {
                    poisons.add(poison);
                }
                progress.say("  poisoned message %s published on %s", poison.marker(), ORDERS_TOPIC);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not publish a poisoned message", e);
                }
                Thread.sleep(500);
            }
        }
    }
}
