package eventshop.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The migrations on H2, the engine of the dev database (the integration suite runs them on PostgreSQL at
 * every deployment). src/test/resources/pre-flyway-schema/ holds the JPA create scripts that made the
 * databases before Flyway, as they were when they were replaced.
 */
class SchemaMigrationsTest {

    private static final List<String> SCHEMAS = List.of("orders", "customers", "payments", "warehouse", "notifications", "ops");

    @Test
    void aFreshDatabaseGetsEveryBaselineScriptAndAHistoryPerSchema() throws SQLException {
        DataSource database = newDatabase();

        for (String schema : SCHEMAS) {
            MigrateResult result = migrate(database, schema);
            assertThat(result.migrationsExecuted).as(schema).isGreaterThanOrEqualTo(1);
            assertThat(history(database, schema)).as(schema).contains("1 SQL baseline");
        }
        assertThat(rows(database, "SELECT COUNT(*) FROM warehouse.product")).isZero();
    }

    @Test
    void aDatabaseCreatedBeforeFlywayIsTakenOverWithoutLossAndWithoutRunningTheBaseline() throws Exception {
        DataSource database = newDatabase();
        for (String schema : SCHEMAS) {
            runPreFlywayScript(database, schema);
        }
        execute(database, "INSERT INTO warehouse.product (sku, name, price, stock_on_hand, reserved, version) "
                + "VALUES ('MUG-001', 'Mug', 9.50, 10, 2, 0)");

        for (String schema : SCHEMAS) {
            migrate(database, schema);
            List<String> history = history(database, schema);
            assertThat(history).as(schema).first().isEqualTo("1 BASELINE tables created before Flyway");
            assertThat(history).as(schema).doesNotContain("1 SQL baseline");
        }
        // The versions above the baseline ran on the database taken over.
        assertThat(history(database, "orders"))
                .containsExactly("1 BASELINE tables created before Flyway", "3 JDBC Mask card numbers", "4 SQL outbox", "5 SQL processed instance");
        assertThat(rows(database, "SELECT COUNT(*) FROM orders.outbox")).isZero();
        for (String schema : List.of("customers", "warehouse")) {
            assertThat(history(database, schema)).as(schema)
                    .containsExactly("1 BASELINE tables created before Flyway", "2 SQL outbox", "3 SQL processed instance");
            assertThat(rows(database, "SELECT COUNT(*) FROM " + schema + ".outbox")).as(schema).isZero();
        }
        assertThat(rows(database, "SELECT reserved FROM warehouse.product WHERE sku = 'MUG-001'")).isEqualTo(2);
    }

    @Test
    void theBaselineScriptsCreateExactlyTheTablesThePreFlywayScriptsCreated() throws Exception {
        DataSource before = newDatabase();
        DataSource after = newDatabase();
        for (String schema : SCHEMAS) {
            runPreFlywayScript(before, schema);
            // Version 1 only: the later versions change the schema on purpose.
            SchemaMigrations.configuration(after, schema, SchemaMigrationsTest.class.getClassLoader()).target("1").load().migrate();
        }

        for (String schema : SCHEMAS) {
            assertThat(shape(after, schema)).as(schema).isEqualTo(shape(before, schema)).isNotEmpty();
        }
    }

    @Test
    void aSecondStartFindsNothingToDo() throws SQLException {
        DataSource database = newDatabase();
        migrate(database, "orders");
        List<String> first = history(database, "orders");

        assertThat(migrate(database, "orders").migrationsExecuted).isZero();
        assertThat(history(database, "orders")).isEqualTo(first)
                .containsExactly("1 SQL baseline", "3 JDBC Mask card numbers", "4 SQL outbox", "5 SQL processed instance");
    }

    /** Orders V3 on a database that holds what the code before tokens stored: card numbers and plain hashes over them. */
    @Test
    void ordersV3MasksEveryStoredCardNumberAndErasesTheFingerprintsComputedOverThem() throws Exception {
        DataSource database = newDatabase();
        org.flywaydb.core.Flyway.configure(SchemaMigrationsTest.class.getClassLoader()).dataSource(database)
                .schemas("ORDERS").createSchemas(true).locations(SchemaMigrations.LOCATION_PREFIX + "orders").target("1")
                .load().migrate();
        String v2 = "{\"eventId\":\"3f1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b\",\"type\":\"OrderPlaced\",\"version\":2,"
                + "\"payload\":{\"orderId\":\"o-1\",\"total\":29.00,\"cardNumber\":\"4000000000000341\"}}";
        execute(database, "INSERT INTO orders.event_journal (event_id, type, version, correlation_id, occurred_at, destination, "
                + "body, journaled_at) VALUES ('3f1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b', 'OrderPlaced', 2, 'o-1', "
                + "CURRENT_TIMESTAMP, 'eventshop.orders.events', '" + v2 + "', CURRENT_TIMESTAMP)");
        execute(database, "INSERT INTO orders.orders (id, customer_id, status, total, currency, card_last4, created_at, "
                + "updated_at, version) VALUES ('o-1', 'c-1', 'PLACED', 29.00, 'EUR', '0341', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        execute(database, "INSERT INTO orders.idempotency_key (idempotency_key, fingerprint, order_id, created_at) VALUES "
                + "('k-1', '2ecd58846a26002be4e3e86cee4c99ff3f788368ccb170aad8b46216f76220fd', 'o-1', CURRENT_TIMESTAMP)");

        migrate(database, "orders");

        assertThat(strings(database, "SELECT body FROM orders.event_journal")).singleElement().asString()
                .contains("\"cardNumber\":\"************0341\"").doesNotContain("4000000000000341").contains("29.00");
        assertThat(strings(database, "SELECT fingerprint FROM orders.idempotency_key"))
                .containsExactly(eventshop.orders.entity.IdempotencyKey.ERASED);
    }

    @Test
    void serversStartingAtOnceMigrateOnceThroughFlywaysLock() throws SQLException {
        // The race is in the first look at an empty database, before Flyway's lock: one round rarely loses it (CI
        // once did), so several rounds of several servers released at the same instant.
        for (int round = 0; round < ROUNDS; round++) {
            DataSource database = newDatabase();
            CyclicBarrier atOnce = new CyclicBarrier(SERVERS);
            List<CompletableFuture<MigrateResult>> starts = new ArrayList<>();
            for (int server = 0; server < SERVERS; server++) {
                starts.add(CompletableFuture.supplyAsync(() -> {
                    await(atOnce);
                    return migrate(database, "payments");
                }, Executors.newSingleThreadExecutor()));
            }

            // each of payments' versions ran once, by one of them, and none of them failed
            assertThat(starts.stream().mapToInt(start -> start.join().migrationsExecuted).sum()).isEqualTo(2);
            assertThat(history(database, "payments")).containsExactly("1 SQL baseline", "2 SQL processed instance");
        }
    }

    private static final int ROUNDS = 20;
    private static final int SERVERS = 4;

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MigrateResult migrate(DataSource database, String schema) {
        return SchemaMigrations.migrate(database, schema, SchemaMigrationsTest.class.getClassLoader());
    }

    private static DataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** The old scripts' way: one statement per line. */
    private static void runPreFlywayScript(DataSource database, String schema) throws IOException, SQLException {
        try (InputStream script = SchemaMigrationsTest.class.getResourceAsStream("/pre-flyway-schema/" + schema + ".sql")) {
            for (String statement : new String(script.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!statement.isBlank()) {
                    execute(database, statement.replaceAll(";\\s*$", ""));
                }
            }
        }
    }

    private static List<String> history(DataSource database, String schema) throws SQLException {
        return strings(database, "SELECT \"version\" || ' ' || \"type\" || ' ' || \"description\" FROM "
                + schema + ".\"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
    }

    /** Columns with their types and nullability, and constraints with their kinds, of one schema. */
    private static List<String> shape(DataSource database, String schema) throws SQLException {
        String name = schema.toUpperCase();
        List<String> shape = new ArrayList<>(strings(database,
                "SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE || ' ' || COALESCE(CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, 0) || ' ' || IS_NULLABLE || ' ' || COALESCE(COLUMN_DEFAULT, '') "
                        + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = '" + name + "' AND TABLE_NAME <> 'flyway_schema_history' ORDER BY 1"));
        shape.addAll(strings(database, "SELECT TABLE_NAME || ' ' || CONSTRAINT_NAME || ' ' || CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                + "WHERE TABLE_SCHEMA = '" + name + "' AND TABLE_NAME <> 'flyway_schema_history' AND CONSTRAINT_NAME NOT LIKE 'CONSTRAINT_%' ORDER BY 1"));
        shape.addAll(strings(database, "SELECT TABLE_NAME || ' ' || INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = '" + name
                + "' AND TABLE_NAME <> 'flyway_schema_history' AND INDEX_NAME NOT LIKE 'PRIMARY_KEY_%' AND INDEX_NAME NOT LIKE 'CONSTRAINT_%' AND INDEX_NAME NOT LIKE '%_INDEX_%' ORDER BY 1"));
        return shape;
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int rows(DataSource database, String sql) throws SQLException {
        return Integer.parseInt(strings(database, sql).get(0));
    }

    private static List<String> strings(DataSource database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
