package eventshop.chaos;

import java.net.URI;
import java.time.Duration;

/**
 * A process the run kills with kill -9 and starts again.
 *
 * @param name  how the report names it ("broker", "Payara", "instance-2")
 * @param pid   where its pid is found when the fault comes
 * @param ready what answers 200 once it serves again after its restart: the API's readiness for the one server (and
 *              for the broker, whose restart the API must survive), an instance's own for an instance of a group,
 *              since the API answers through the other instances all along
 * @param down  how long it stays down before its restart: zero, at once; longer only where others serve meanwhile
 *              (an instance of a group: the shop's work without it is then measured before the restart hides it)
 */
public record Target(String name, PidSource pid, URI ready, Duration down) {

    /** Whether others serve while it is down: the report then gives the kill to the first order completed. */
    boolean othersServeMeanwhile() {
        return !down.isZero();
    }
}
