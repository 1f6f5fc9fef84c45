package eventshop.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The ceilings the system's figures are divided by, measured in the same run on the same machine: how
 * many persistent messages a second the broker carries when each is sent and received in its own
 * transaction (as every EventShop step does), and how many commits a second the database makes.
 */
final class Baselines {

    /** About the size of an EventShop envelope. */
    static final int MESSAGE_BYTES = 700;

    private Baselines() {
    }

    /** Messages a second through one producer and one consumer, both transacted, persistent. */
    static double brokerMessagesPerSecond(Settings settings, int seconds) throws Exception {
        var factory = new ActiveMQConnectionFactory(settings.brokerUrl(), settings.brokerUser(), settings.brokerPassword());
        try (Connection producing = factory.createConnection(); Connection consuming = factory.createConnection()) {
            Session producerSession = producing.createSession(true, Session.SESSION_TRANSACTED);
            Session consumerSession = consuming.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = producerSession.createQueue("bench.baseline");
            MessageProducer producer = producerSession.createProducer(queue);
            MessageConsumer consumer = consumerSession.createConsumer(queue);
            consuming.start();
            AtomicBoolean running = new AtomicBoolean(true);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(producerSession, producer, running));
            long received = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                if (consumer.receive(1000) != null) {
                    consumerSession.commit();
                    received++;
                }
            }
            double rate = received / ((System.nanoTime() - start) / 1e9);
            running.set(false);
            sending.join();
            drain(consumerSession, consumer);
            return rate;
        }
    }

    private static void send(Session session, MessageProducer producer, AtomicBoolean running) {
        try {
            byte[] body = new byte[MESSAGE_BYTES];
            while (running.get()) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                producer.send(message);
                session.commit();
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(Session session, MessageConsumer consumer) throws JMSException {
        while (consumer.receive(200) != null) {
            session.commit();
        }
    }

    /** Single-row insert transactions a second on one connection. */
    static double databaseCommitsPerSecond(Settings settings, int seconds) throws SQLException {
        try (var connection = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
             var statement = connection.createStatement()) {
            statement.execute("create schema if not exists bench");
            statement.execute("create table if not exists bench.commit_probe (id bigserial primary key, at timestamptz not null)");
            connection.setAutoCommit(false);
            long commits = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            try (var insert = connection.prepareStatement("insert into bench.commit_probe (at) values (now())")) {
                while (System.nanoTime() < end) {
                    insert.executeUpdate();
                    connection.commit();
                    commits++;
                }
            }
            double rate = commits / ((System.nanoTime() - start) / 1e9);
            statement.execute("truncate bench.commit_probe");
            connection.commit();
            return rate;
        }
    }
}
