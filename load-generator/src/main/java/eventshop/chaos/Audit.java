package eventshop.chaos;

import eventshop.clients.Storefront;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * After the run: waits (bounded) until every accepted order has reached a terminal state and the system is
 * quiet, then reads what each service's schema, the mail sink, the broker and Payara hold about the run's
 * own customers, products and orders, and compares it with what each order's end requires.
 */
final class Audit {

    static final Set<String> TERMINAL = Set.of("SHIPPED", "REJECTED", "CANCELLED", "NEEDS_ATTENTION");
    /** Each poisoned message on the orders topic is dead-lettered by every other service's subscription. */
    static final int DEAD_LETTERS_PER_POISON = 4;

    private final ChaosSettings settings;
    private final PayaraTransactions payara;
    private final Progress progress;
    private final BrokerAdmin broker;

    Audit(ChaosSettings settings, Progress progress, BrokerAdmin broker) {
        this.settings = settings;
        this.payara = new PayaraTransactions(settings);
        this.progress = progress;
        this.broker = broker;
    }

    /** Until the orders service knows the customers and products, and the notifications service the addresses. */
    void awaitCopiesOf(Collection<String> customers, List<String> skus, Storefront shop) throws InterruptedException {
        String[] ids = customers.toArray(String[]::new);
        boolean ready = await(settings.settling().toNanos(), () ->
                count("select count(*) from orders.customer_copy where customer_id = any(?)", (Object) ids) == ids.length
                        && count("select count(*) from notifications.recipient where customer_id = any(?) and email is not null", (Object) ids) == ids.length
                        && skus.stream().allMatch(shop::sells));
        if (!ready) {
            throw new IllegalStateException("the services did not learn of the run's customers and products in time");
        }
    }

    AuditReport audit(ChaosRun.Placed placed) throws Exception {
        long deadline = System.nanoTime() + settings.settling().toNanos();
        String[] customers = placed.customerEmails().keySet().toArray(String[]::new);
        Set<String> accepted = new HashSet<>(placed.orderOfKey().values());
        progress.say("waiting (at most %d s) for every order to end", settings.settling().toSeconds());
        await(deadline - System.nanoTime(), () -> statuses(customers).entrySet().stream()
                .filter(order -> accepted.contains(order.getKey())).filter(order -> TERMINAL.contains(order.getValue()))
                .count() == accepted.size());
        progress.say("waiting for EventShop's queues to empty, the mails to go out, the poisons to be dead-lettered"
                + " and nothing to stay in doubt");
        String[] orders = accepted.toArray(String[]::new);
        await(Math.max(deadline - System.nanoTime(), 60_000_000_000L), () -> {
            try {
                // An order is terminal in the orders service before the other subscribers have done their part of
                // its last event: notifications' copy may still wait on the broker (scheduled for a redelivery
                // after failing during an outage), and what is still queued is late, not lost.
                return broker.messagesInEventShopQueues().isEmpty()
                        && count("select count(*) from notifications.notification where order_id = any(?) and status = 'QUEUED'", (Object) orders) == 0
                        && count("select count(*) from pg_prepared_xacts") == 0
                        && broker.preparedTransactions() == 0
                        // Also lets Payara's monitoring, switched on by the first call, start answering.
                        && payara.activeTransactions() == 0
                        && poisonDeadLetters(placed) >= placed.poisons().size() * DEAD_LETTERS_PER_POISON;
            } catch (Exception e) {
                return false;
            }
        });

        AuditReport report = new AuditReport(placed);
        report.stillQueued(broker.messagesInEventShopQueues());
        Map<String, String> status = statuses(customers);
        report.ordersInDatabase(status, accepted);
        Map<String, Map<String, Integer>> events = new HashMap<>();
        for (String schema : List.of("orders", "payments", "warehouse")) {
            rows("select correlation_id, type, count(*) from " + schema + ".event_journal where correlation_id = any(?) group by 1, 2",
                    row -> events.computeIfAbsent(row.getString(1), id -> new HashMap<>()).merge(row.getString(2), row.getInt(3), Integer::sum),
                    (Object) orders);
        }
        Map<String, Integer> refunds = new HashMap<>();
        rows("select p.order_id, count(r.id) from payments.payment p join payments.refund r on r.payment_id = p.id"
                        + " where r.status = 'REFUNDED' and p.order_id = any(?) group by 1",
                row -> refunds.put(row.getString(1), row.getInt(2)), (Object) orders);
        Map<String, Integer> shipments = new HashMap<>();
        rows("select order_id, count(*) from warehouse.shipment where status = 'SHIPPED' and order_id = any(?) group by 1",
                row -> shipments.put(row.getString(1), row.getInt(2)), (Object) orders);
        Map<String, Map<String, Integer>> notifications = new HashMap<>();
        rows("select order_id, kind, count(*) from notifications.notification where status = 'SENT' and order_id = any(?) group by 1, 2",
                row -> notifications.computeIfAbsent(row.getString(1), id -> new HashMap<>()).put(row.getString(2), row.getInt(3)),
                (Object) orders);
        Map<String, Integer> captured = new HashMap<>(); // the gateway took the money (a late approval too)
        rows("select order_id, count(*) from payments.payment where status = 'CAPTURED' and order_id = any(?) group by 1",
                row -> captured.put(row.getString(1), row.getInt(2)), (Object) orders);
        Mails.Received mails = new Mails(settings.imapPort()).subjectsByOrder(placed.customerEmails().values());
        report.emailCopies(mails.copies());
        report.refusedAcknowledgements(broker.refusedAcknowledgements(settings.brokerLogs()));
        for (String order : accepted) {
            report.order(order, status.get(order), events.getOrDefault(order, Map.of()), captured.getOrDefault(order, 0),
                    refunds.getOrDefault(order, 0), shipments.getOrDefault(order, 0), notifications.getOrDefault(order, Map.of()),
                    mails.byOrder().getOrDefault(order, Map.of()));
        }
        stock(placed, report);
        report.recovery(Recovery.measure(placed.faults(), completions(orders)));
        report.inDoubt("PostgreSQL pg_prepared_xacts", count("select count(*) from pg_prepared_xacts"));
        report.inDoubt("broker prepared transactions", broker.preparedTransactions());
        report.inDoubt("broker heuristic transactions", broker.heuristicTransactions());
        report.inDoubt("Payara active transactions", payara.activeTransactions());
        report.deadLetters(broker.deadLetters().stream()
                .filter(letter -> !placed.deadLettersBefore().contains(letter.messageId())).toList(), DEAD_LETTERS_PER_POISON);
        return report;
    }

    /**
     * When each order was accepted and reached its terminal state in the orders service: the first terminal entry
     * of its timeline, at the time the orders service processed the event that made it (its processed-message row;
     * a client's cancel has none and is timed by its own entry).
     */
    private List<Recovery.Order> completions(String[] orders) {
        List<Recovery.Order> completions = new java.util.ArrayList<>();
        rows("select o.created_at, t.completed, t.by_message from orders.orders o left join lateral ("
                        + " select coalesce(p.processed_at, e.occurred_at) as completed, p.event_id is not null as by_message"
                        + " from orders.timeline_entry e left join orders.processed_message p on p.event_id = e.event_id"
                        + " where e.order_id = o.id and e.status in ('SHIPPED', 'REJECTED', 'CANCELLED', 'NEEDS_ATTENTION')"
                        + " order by e.seq limit 1) t on true where o.id = any(?)",
                row -> {
                    java.sql.Timestamp completed = row.getTimestamp(2);
                    completions.add(new Recovery.Order(row.getTimestamp(1).toInstant(),
                            completed == null ? null : completed.toInstant(), row.getBoolean(3)));
                }, (Object) orders);
        return completions;
    }

    private void stock(ChaosRun.Placed placed, AuditReport report) {
        String[] skus = placed.initialStock().keySet().toArray(String[]::new);
        Map<String, int[]> lines = new HashMap<>(); // shipped, still reserved by a shipment
        rows("select l.sku, coalesce(sum(l.quantity) filter (where s.status = 'SHIPPED'), 0),"
                        + " coalesce(sum(l.quantity) filter (where s.status = 'RESERVED'), 0)"
                        + " from warehouse.shipment s join warehouse.shipment_line l on l.shipment_id = s.id where l.sku = any(?) group by 1",
                row -> lines.put(row.getString(1), new int[] {row.getInt(2), row.getInt(3)}), (Object) skus);
        rows("select sku, stock_on_hand, reserved from warehouse.product where sku = any(?)", row -> {
            int[] shipped = lines.getOrDefault(row.getString(1), new int[2]);
            report.stock(row.getString(1), placed.initialStock().get(row.getString(1)), row.getInt(2), row.getInt(3),
                    shipped[0], shipped[1]);
        }, (Object) skus);
    }

    private long poisonDeadLetters(ChaosRun.Placed placed) throws Exception {
        return broker.deadLetters().stream().filter(letter -> placed.run().equals(letter.properties().get(BrokerAdmin.Poison.RUN)))
                .count();
    }

    private Map<String, String> statuses(String[] customers) {
        Map<String, String> status = new HashMap<>();
        rows("select id, status from orders.orders where customer_id = any(?)",
                row -> status.put(row.getString(1), row.getString(2)), (Object) customers);
        return status;
    }

    private boolean await(long nanos, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1000); // polling the databases, at most once a second
        }
        return true;
    }

    private long count(String sql, Object... parameters) {
        long[] count = {0};
        rows(sql, row -> count[0] = row.getLong(1), parameters);
        return count[0];
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a query; a String[] parameter becomes an SQL array (for = any(?)). */
    private void rows(String sql, Row each, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof String[] values
                        ? connection.createArrayOf("varchar", values) : parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
