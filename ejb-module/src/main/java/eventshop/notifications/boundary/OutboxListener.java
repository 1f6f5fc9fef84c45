package eventshop.notifications.boundary;

import eventshop.events.SendNotification;
import eventshop.notifications.control.Mailer;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.SubscriptionListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The outbox's consumers: competing for the SendNotification work items, each mailing one notification in its
 * own transaction. The processed-message record makes a redelivered or duplicated work item a no-op.
 */
@MessageDriven
public class OutboxListener extends SubscriptionListener {

    @Inject Mailer mailer;

    @Override
    protected List<Handler<?>> handlers() {
        return List.of(Handler.on(SendNotification.class, mailer::send));
    }
}
