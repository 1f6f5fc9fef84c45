package eventshop.chaos;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The run's two faults, each inflicted, undone and timed: the broker's (a third of the way in) and the server's (two
 * thirds in). Each ends with the restart command, which starts again only what is down, and returns the instants its
 * recovery is counted from ({@link Recovery}).
 *
 * <p>One server, one broker: each is restarted at once; the broker is back when its restart returns (it is live
 * then), Payara when the API answers ready (its start on a loaded machine is the machine's, not the recovery's). The
 * API's readiness after a broker restart is the shop's recovery, not the broker's start: counted in, not counted from
 * (after one restart it came 74 s late, the listeners stalled). A broker pair: the killed broker's peer takes over, so the broker is back
 * when a broker is live again (the failover: the pair's consoles find one {@code Active}); the killed one is then
 * restarted and waits as the backup, which only restores the redundancy. An instance of a group stays down for a
 * while ({@link Target#down()}), the other instances serving meanwhile and the supervisor recovering its
 * transactions, and is back when its own readiness answers after its restart.
 */
final class Faults {

    private static final Duration BROKER_LIMIT = Duration.ofMinutes(5);
    private static final Duration SERVER_LIMIT = Duration.ofMinutes(8);

    private final ChaosSettings settings;
    private final Outages outages;
    private final BrokerAdmin broker;
    private final Progress progress;

    Faults(ChaosSettings settings, Outages outages, BrokerAdmin broker, Progress progress) {
        this.settings = settings;
        this.outages = outages;
        this.broker = broker;
        this.progress = progress;
    }

    Recovery.Fault broker(Map<String, Duration> timings) throws InterruptedException {
        if (!settings.brokerPair()) {
            return restart(settings.broker(), BROKER_LIMIT, true, timings);
        }
        Target target = settings.broker();
        Instant killed = outages.crash(target);
        Instant live = outages.await("the other broker live", BROKER_LIMIT, broker::live);
        timings.put(target.name() + " failover (kill -9 to the other broker live)", Duration.between(killed, live));
        Outages.Restart restart = restarted(target, killed, BROKER_LIMIT, timings);
        return new Recovery.Fault(target.name() + " kill -9", killed, restart.restarted(), live, true,
                restart.apiAnsweredWhenReady());
    }

    Recovery.Fault server(Map<String, Duration> timings) throws InterruptedException {
        return restart(settings.server(), SERVER_LIMIT, false, timings);
    }

    /** Kill, the target's time down, restart; back when the restart returned, or when the target answers ready. */
    private Recovery.Fault restart(Target target, Duration limit, boolean backWhenRestarted,
                                   Map<String, Duration> timings) throws InterruptedException {
        Instant killed = outages.crash(target);
        if (target.othersServeMeanwhile()) {
            progress.say("  %s stays down %d s, the others serving meanwhile", target.name(), target.down().toSeconds());
            Thread.sleep(target.down().toMillis());
        }
        Outages.Restart restart = restarted(target, killed, limit, timings);
        Instant back = backWhenRestarted ? restart.restarted() : restart.ready();
        return new Recovery.Fault(target.name() + " kill -9", killed, restart.restarted(), back,
                target.othersServeMeanwhile(), restart.apiAnsweredWhenReady());
    }

    /** Runs the restart command and waits for the target's readiness; the kill-to-running and kill-to-ready times. */
    private Outages.Restart restarted(Target target, Instant killed, Duration limit, Map<String, Duration> timings) {
        Outages.Restart restart = outages.restartAndAwaitReady(limit, target.ready());
        timings.put(target.name() + " restart (kill -9 to running again)", Duration.between(killed, restart.restarted()));
        timings.put(target.name() + " restart (kill -9 to " + readiness(target.ready()) + ")",
                Duration.between(killed, restart.ready()));
        return restart;
    }

    /** "the API ready" as the one-server report has always said; a target's own readiness by its address. */
    private String readiness(URI ready) {
        return ready.equals(ChaosSettings.ready(settings.api())) ? "the API ready" : "ready again, " + ready;
    }
}
