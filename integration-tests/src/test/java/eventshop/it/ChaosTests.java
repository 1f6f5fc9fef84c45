package eventshop.it;

import eventshop.chaos.AuditReport;
import eventshop.chaos.ChaosRun;
import eventshop.chaos.ChaosSettings;
import eventshop.chaos.PidSource;
import eventshop.chaos.Progress;
import eventshop.chaos.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run of bin/eventshop chaos (load-generator's eventshop.chaos, the same driver and audit), short:
 * 120 orders with the bench's mix, the broker killed with kill -9 and restarted a third of the way in,
 * Payara two thirds in (XA recovery resolves what was in doubt), three poisoned messages. Then every order
 * must have ended with each of its effects exactly once: nothing lost, nothing duplicated, nothing in doubt
 * in PostgreSQL, the broker or Payara, no stock drift, and no dead letter but the poisoned ones; and after each
 * restart an order completed within a minute and the backlog drained within its bound. The audit
 * reads only the run's own customers, products and orders (the other groups leave theirs behind).
 *
 * <p>It runs LAST (EventShopIT orders it so): it restarts the broker and the server under the other groups'
 * connections. Payara comes back with the EAR (it stays in domain.xml), so Arquillian undeploys it as usual.
 */
abstract class ChaosTests {

    private static final Logger LOG = Logger.getLogger(ChaosTests.class.getName());

    /** One server's process, found by its pid file, restarted at once; ready when the API is. */
    private static Target restartedAtOnce(String name, Path pidFile, URI api) {
        return new Target(name, PidSource.of(pidFile, List.of()), ChaosSettings.ready(api), Duration.ZERO);
    }

    @Test
    void ordersSurviveTheBrokerAndTheServerBeingKilledWithNothingLostDuplicatedOrInDoubt() throws Exception {
        Path state = Path.of(System.getProperty("it.state.dir"));
        // bin/eventshop start starts only what is down; the test profile's settings, as the build started it.
        List<String> restart = List.of("env", "EVENTSHOP_PROFILE=test", "EVENTSHOP_DB=postgres",
                System.getProperty("it.eventshop.command"), "start", "--no-deploy");
        URI api = Stack.BASE.resolve("api/");
        ChaosSettings settings = new ChaosSettings(api, System.getProperty("it.broker.url"),
                List.of(URI.create("http://127.0.0.1:" + System.getProperty("it.broker.console.port") + "/")),
                System.getProperty("it.broker.admin.user"), System.getProperty("it.broker.admin.password"),
                System.getProperty("it.pg.url"), "eventshop", "eventshop-secret", Integer.getInteger("it.imap.port"),
                URI.create("https://127.0.0.1:" + System.getProperty("it.admin.port") + "/"),
                System.getProperty("it.admin.user"), System.getProperty("it.admin.password"),
                120, 4, 3, Duration.ofMinutes(5), Duration.ofMinutes(4),
                restartedAtOnce("broker", state.resolve("broker.pid"), api),
                restartedAtOnce("Payara", state.resolve("domains/eventshop/config/pid"), api),
                List.of(state.resolve("broker/log")), "server-config", List.of("server"), restart,
                Path.of(System.getProperty("it.chaos.out")));

        AuditReport report = new ChaosRun(settings, new Progress(LOG::info)).runAndAudit();

        LOG.info(report::markdown);
        assertThat(report.orders()).as("orders accepted").isGreaterThanOrEqualTo(100);
        assertThat(report.lost()).as(report.markdown()).isZero();
        assertThat(report.duplicated()).as(report.markdown()).isZero();
        // Back at work within a minute of each restart, the backlog drained within its bound (eventshop.chaos.Recovery).
        assertThat(report.recoveries()).as("the broker's and Payara's recovery").hasSize(2).allSatisfy(recovery -> {
            assertThat(recovery.firstCompletionInBound()).as(recovery.fault().name() + ": to the first order completed, "
                    + recovery.firstCompletion()).isTrue();
            assertThat(recovery.drainedInBound()).as(recovery.fault().name() + ": to the backlog drained, " + recovery.drained()
                    + " (bound " + recovery.drainBound() + ")").isTrue();
        });
        assertThat(report.violations()).as(report.markdown()).isEmpty();
    }
}
