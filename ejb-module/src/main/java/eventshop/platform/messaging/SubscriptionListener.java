package eventshop.platform.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * What every message-driven bean of EventShop shares, so that a listener holds only its service's handlers.
 *
 * <p>Where it listens and as whom (destination, selector, subscription, broker user, sessions) is its activation
 * config, and which service it belongs to, its dead-letter queue and its persistence unit are names in its
 * environment: all generated into META-INF/ejb-jar.xml from topology/topology.yaml. Read here, once per bean
 * instance, through the bean's own naming context ({@code eventshop/service}, {@code eventshop/origin},
 * {@code eventshop/dead-letters}, {@code eventshop/processed}).
 */
public abstract class SubscriptionListener implements MessageListener {

    @Resource
    private MessageDrivenContext context;

    @Inject
    private DeadLetters deadLetters;

    private Subscription subscription;

    /** What the service does with each type of message it handles; any other known type is consumed unhandled. */
    protected abstract List<Handler<?>> handlers();

    @PostConstruct
    void subscribe() {
        String service = (String) context.lookup("eventshop/service");
        String origin = (String) context.lookup("eventshop/origin");
        Destination deadLetterQueue = (Destination) context.lookup("eventshop/dead-letters");
        EntityManager em = (EntityManager) context.lookup("eventshop/processed");
        subscription = new Subscription(origin, deadLetterQueue, deadLetters, new ProcessedMessages(em, service), handlers());
    }

    @Override
    public void onMessage(Message message) {
        subscription.deliver(message);
    }
}
