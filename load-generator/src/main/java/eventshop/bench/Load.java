package eventshop.bench;

import eventshop.clients.Storefront;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/** Places orders and follows each to its terminal state: closed loop (N clients) or open loop (a rate). */
final class Load {

    private static final Logger LOG = Logger.getLogger(Load.class.getName());
    private static final long TERMINAL_TIMEOUT_SECONDS = 60;

    private final Storefront shop;
    private final TerminalWatcher watcher;
    private final List<String> customers;
    private final String plentifulSku;
    private final String scarceSku;

    Load(Storefront shop, TerminalWatcher watcher, List<String> customers, String plentifulSku, String scarceSku) {
        this.shop = shop;
        this.watcher = watcher;
        this.customers = customers;
        this.plentifulSku = plentifulSku;
        this.scarceSku = scarceSku;
    }

    /** N clients, each placing an order and waiting for its terminal state before the next. */
    Measurement closedLoop(int clients, int seconds) throws InterruptedException {
        Measurement run = new Measurement("closed loop, " + clients + " client" + (clients == 1 ? "" : "s"));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        run.start();
        for (int client = 0; client < clients; client++) {
            int id = client;
            pool.execute(() -> {
                while (System.nanoTime() < deadline) {
                    orderToTheEnd(run, customers.get(id % customers.size())).join();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + TERMINAL_TIMEOUT_SECONDS + 30, TimeUnit.SECONDS);
        run.end();
        return run;
    }

    /** Orders placed at a fixed rate, whatever the system's answers, followed to the end. */
    Measurement openLoop(double perSecond, int seconds) throws InterruptedException {
        Measurement run = new Measurement(String.format("open loop, %.1f orders/s", perSecond), perSecond);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newCachedThreadPool();
        List<CompletableFuture<Void>> orders = new ArrayList<>();
        long periodMicros = Math.max(1, (long) (1_000_000 / perSecond));
        int total = (int) Math.round(perSecond * seconds);
        run.start();
        for (int i = 0; i < total; i++) {
            String customer = customers.get(i % customers.size());
            CompletableFuture<Void> order = new CompletableFuture<>();
            orders.add(order);
            clock.schedule(() -> senders.execute(() -> orderToTheEnd(run, customer).whenComplete((ok, error) -> order.complete(null))),
                    i * periodMicros, TimeUnit.MICROSECONDS);
        }
        CompletableFuture.allOf(orders.toArray(CompletableFuture[]::new)).join();
        run.end();
        clock.shutdown();
        senders.shutdown();
        return run;
    }

    private CompletableFuture<Void> orderToTheEnd(Measurement run, String customer) {
        OrderMix kind = OrderMix.next();
        String sku = kind == OrderMix.SCARCE ? scarceSku : plentifulSku;
        long placing = System.nanoTime();
        String orderId;
        try {
            orderId = shop.placeOrder(customer, sku, 1, kind.card(), null).orElseThrow();
        } catch (RuntimeException e) {
            LOG.warning("placing an order failed: " + e.getMessage());
            run.outcome("PLACE_FAILED");
            return CompletableFuture.completedFuture(null);
        }
        long placed = System.nanoTime();
        run.placeLatency.recordValue((placed - placing) / 1000);
        if (kind == OrderMix.CANCELLED_BY_CLIENT) {
            shop.cancel(orderId);
        }
        return watcher.terminalOf(orderId)
                .orTimeout(TERMINAL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .handle((terminal, error) -> {
                    watcher.forget(orderId);
                    if (error instanceof TimeoutException || terminal == null) {
                        run.outcome("NOT_TERMINAL_AFTER_" + TERMINAL_TIMEOUT_SECONDS + "S");
                    } else {
                        run.toTerminal.recordValue(Math.max(0, terminal.at() - placing) / 1000);
                        run.outcome(terminal.status());
                    }
                    return null;
                });
    }
}
