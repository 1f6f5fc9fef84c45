package eventshop.ops.control;

import eventshop.customers.boundary.CustomersSubscription;
import eventshop.notifications.boundary.NotificationsSubscription;
import eventshop.orders.boundary.OrdersSubscription;
import eventshop.payments.boundary.PaymentsSubscription;
import eventshop.platform.messaging.EventPublisher;
import eventshop.warehouse.boundary.WarehouseSubscription;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subscriptions a replay can be sent to, and the producers whose journals feed each.
 *
 * <p>Read from the subscriptions' own activation config rather than kept in a table of its own: the
 * selector the broker filters a subscription with is the one place that says which producers a service
 * listens to, so a replay reads exactly those journals and the two cannot drift apart. A subscription
 * whose selector does not accept replayed copies ({@code replayedTo = '<name>'}) would silently drop
 * them; that is refused here, when the class is first used (and by its unit test, at build time).
 */
public final class ReplayTargets {

    private static final Pattern PRODUCER_ADDRESS = Pattern.compile("'eventshop\\.([a-z_]+)\\.events'");

    private static final Map<String, List<String>> PRODUCERS = producersOf(List.of(OrdersSubscription.class,
            CustomersSubscription.class, PaymentsSubscription.class, WarehouseSubscription.class,
            NotificationsSubscription.class));

    private ReplayTargets() {
    }

    /** The producers the service's subscription receives events from; empty for an unknown service. */
    public static Optional<List<String>> producersOf(String service) {
        return Optional.ofNullable(PRODUCERS.get(service));
    }

    public static Set<String> services() {
        return PRODUCERS.keySet();
    }

    static Map<String, List<String>> producersOf(List<Class<?>> subscriptions) {
        Map<String, List<String>> producers = new LinkedHashMap<>();
        for (Class<?> subscription : subscriptions) {
            String name = activationProperty(subscription, "subscriptionName");
            String selector = activationProperty(subscription, "messageSelector");
            if (!selector.contains(EventPublisher.REPLAYED_TO + " = '" + name + "'")) {
                throw new IllegalStateException(subscription.getSimpleName() + "'s selector does not accept copies "
                        + "replayed to it (" + EventPublisher.REPLAYED_TO + " = '" + name + "'): " + selector);
            }
            Matcher addresses = PRODUCER_ADDRESS.matcher(selector);
            producers.put(name, addresses.results().map(address -> address.group(1)).toList());
        }
        return Collections.unmodifiableMap(producers);
    }

    private static String activationProperty(Class<?> subscription, String name) {
        MessageDriven bean = subscription.getAnnotation(MessageDriven.class);
        return Arrays.stream(bean == null ? new ActivationConfigProperty[0] : bean.activationConfig())
                .filter(property -> property.propertyName().equals(name))
                .map(ActivationConfigProperty::propertyValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(subscription.getSimpleName() + " has no " + name));
    }
}
