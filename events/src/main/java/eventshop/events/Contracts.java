package eventshop.events;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every contract in circulation, so a consumer can tell an event it may ignore from an unknown type. */
public final class Contracts {

    public static final List<Class<? extends Event>> ALL = List.of(
            // events
            ProductUpdated.class,
            CustomerRegistered.class,
            OrderPlaced.class,
            OrderCancelled.class,
            PaymentTaken.class,
            PaymentDeclined.class,
            PaymentRefunded.class,
            StockUnavailable.class,
            OrderShipped.class,
            CompensationFailed.class,
            // commands and replies
            AuthorizePayment.class,
            PaymentAuthorizationResult.class,
            RefundPayment.class,
            RefundResult.class,
            SendNotification.class);

    private static final Set<String> TYPES = ALL.stream()
            .map(type -> EventCodec.contractOf(type).type())
            .collect(Collectors.toUnmodifiableSet());

    private Contracts() {
    }

    public static boolean isKnown(String type) {
        return TYPES.contains(type);
    }
}
