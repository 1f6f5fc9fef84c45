package eventshop.platform.health;

import eventshop.platform.messaging.BrokerLogins;
import eventshop.platform.messaging.Jms;
import eventshop.platform.messaging.Outbox;
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
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The broker and the outboxes, as the API depends on them: UP while the broker is down, because the public API
 * still works then (orders are taken, 202, customers registered and products changed, and their events wait in their
 * producer's outbox; reads need only the database), so a load balancer must keep sending requests. What is down is
 * said in the data, plainly: {@code broker} is {@code UP} or {@code DOWN} (with the error), {@code outboxBacklog}
 * how many events wait to be published, summed over every producer's outbox ({@link Outbox#PRODUCERS}), and
 * {@code ordersWaitForTheBroker} whether new orders (and registrations, product changes) will wait.
 *
 * <p>Whether the broker answers is proven by making it work, not by a pooled connection (the pool may hold one
 * the broker has since dropped): the check browses the dead-letter address as the operator API
 * ({@link BrokerLogins#operatorContext}, the one party that may look at dead letters) and reports how many letters
 * wait. While the broker is down that context fails at once (its console is asked first), so the check answers in
 * milliseconds instead of waiting for a pooled connection's reconnection (35 s measured).
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    static final String NAME = "messaging";

    @Inject
    BrokerLogins logins;

    @Inject
    Outbox outbox;

    @Resource(lookup = Jms.UNROUTED_DEAD_LETTERS)
    Queue deadLetters;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        boolean brokerUp;
        try (JMSContext context = logins.operatorContext();
             QueueBrowser browser = context.createBrowser(deadLetters)) {
            int waiting = Collections.list(browser.getEnumeration()).size();
            response.withData("broker", "UP").withData("unroutedDeadLetters", waiting);
            brokerUp = true;
        } catch (JMSRuntimeException | JMSException e) {
            response.withData("broker", "DOWN").withData("brokerError", String.valueOf(e.getMessage()));
            brokerUp = false;
        }
        long backlog = 0;
        for (String producer : Outbox.PRODUCERS) {
            backlog += outbox.backlog(producer).pending();
        }
        response.withData("outboxBacklog", backlog);
        if (!brokerUp) {
            response.withData("ordersWaitForTheBroker", "orders are accepted (202), customers registered and "
                    + "products changed; their events wait in the outboxes and are published, and the orders go on to "
                    + "their end, when the broker is back");
        }
        return response.build();
    }
}
