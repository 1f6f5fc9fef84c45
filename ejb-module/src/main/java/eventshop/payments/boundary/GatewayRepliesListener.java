package eventshop.payments.boundary;

import eventshop.events.PaymentAuthorizationResult;
import eventshop.events.RefundResult;
import eventshop.payments.control.GatewayReplies;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.SubscriptionListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The payment gateway's answers (authorizations and refunds), from its reply queue; competing consumers across
 * server instances. Replies are matched to requests by the ids in their payload.
 */
@MessageDriven
public class GatewayRepliesListener extends SubscriptionListener {

    @Inject GatewayReplies replies;

    @Override
    protected List<Handler<?>> handlers() {
        return List.of(Handler.on(PaymentAuthorizationResult.class, replies::authorizationResult),
                Handler.on(RefundResult.class, replies::refundResult));
    }
}
