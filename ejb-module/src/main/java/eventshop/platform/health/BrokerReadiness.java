package eventshop.platform.health;

import eventshop.platform.messaging.BrokerLogins;
import eventshop.platform.messaging.Jms;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Collections;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the broker answers. A pooled connection alone proves little (the pool may hold a
 * connection the broker has since dropped), so the check makes the broker work: it browses the
 * dead-letter address, and reports how many messages wait there. It does so as the operator API
 * ({@link BrokerLogins#OPS}), the one party that may look at dead letters.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    BrokerLogins logins;

    @Resource(lookup = Jms.UNROUTED_DEAD_LETTERS)
    Queue deadLetters;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = logins.of(BrokerLogins.OPS).createContext();
             QueueBrowser browser = context.createBrowser(deadLetters)) {
            int waiting = Collections.list(browser.getEnumeration()).size();
            return HealthCheckResponse.named("broker").up().withData("unroutedDeadLetters", waiting).build();
        } catch (JMSRuntimeException | JMSException e) {
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
