package eventshop.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the orders service knows a customer, that is whether a CustomerRegistered for it reached orders'
 * own copy of the customers ({@link CustomerCopies}, kept by the customers topic): orders takes money and
 * ships stock only for a customer that exists. A customer registered a moment ago may not have reached
 * the copy yet (POST /api/customers answers before its event crosses the broker), so an unknown customer is
 * waited for, up to {@code orders.customer.wait}, before it counts as unknown. Deliberately not a
 * transaction and not an EJB: each look is a short transaction of its own ({@link CustomerCopies#find}),
 * so that the copy the listener commits meanwhile becomes visible, and no transaction stays open while
 * waiting.
 */
@ApplicationScoped
public class KnownCustomers {

    private static final long FIRST_PAUSE_MILLIS = 25;
    private static final long LONGEST_PAUSE_MILLIS = 400;

    @Inject
    CustomerCopies customers;

    /**
     * How long an order waits for a customer orders has not heard of (ISO-8601): long enough for a
     * CustomerRegistered to cross a busy broker, short enough that a request for a customer nobody
     * registered is answered soon (and holds a request thread briefly).
     */
    @Inject
    @ConfigProperty(name = "orders.customer.wait", defaultValue = "PT5S")
    Duration wait;

    /** @return whether the customer is known now or becomes known within the wait */
    public boolean knownOrSoon(String customerId) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            if (customers.find(customerId).isPresent()) {
                return true;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    public Duration waitsFor() {
        return wait;
    }
}
