package eventshop.gateway;

import eventshop.events.AuthorizePayment;
import eventshop.events.Envelope;
import eventshop.events.Event;
import eventshop.events.EventCodec;
import eventshop.events.MalformedMessageException;
import eventshop.events.OrderMessage;
import eventshop.events.PaymentAuthorizationResult;
import eventshop.events.RefundPayment;
import eventshop.events.RefundResult;
import java.util.Optional;

/**
 * Turns a request envelope into the reply envelope, or into none when the card is the silent one. A request
 * names the card by the vault's token (AuthorizePayment version 2) or, still answered, by its number (version 1).
 * Knows the contracts but not JMS, so the whole request-to-reply mapping is tested without a broker.
 */
public final class RequestHandler {

    public static final String PRODUCER = "payment-gateway";

    private static final String AUTHORIZE = EventCodec.contractOf(AuthorizePayment.class).type();
    private static final String REFUND = EventCodec.contractOf(RefundPayment.class).type();

    private final GatewayRules rules;
    private final CardVault vault;

    public RequestHandler(GatewayRules rules, CardVault vault) {
        this.rules = rules;
        this.vault = vault;
    }

    /**
     * @throws MalformedMessageException when the request is of an unknown type or its payload is
     *     incomplete: answering it cannot succeed, however often it is redelivered
     */
    public Optional<Envelope> answer(Envelope request) {
        OrderMessage result;
        if (AUTHORIZE.equals(request.type())) {
            result = authorize(EventCodec.payload(request, AuthorizePayment.class));
        } else if (REFUND.equals(request.type())) {
            result = refund(EventCodec.payload(request, RefundPayment.class));
        } else {
            throw new MalformedMessageException("unknown type " + request.type()
                    + " (the gateway takes " + AUTHORIZE + " and " + REFUND + ")");
        }
        return Optional.ofNullable(result).map(reply -> replyTo(request, reply));
    }

    /** By token (version 2): the card behind it decides, as its number did in version 1, still answered. */
    private PaymentAuthorizationResult authorize(AuthorizePayment command) {
        String cardNumber = command.cardNumber();
        if (command.paymentToken() != null) {
            CardVault.Claim claim = vault.claim(command.paymentToken(), command.paymentId());
            if (claim.refusal() != null) {
                return new PaymentAuthorizationResult(command.paymentId(), command.orderId(), false, claim.refusal(), null);
            }
            cardNumber = claim.cardNumber();
        }
        Decision decision = rules.authorize(cardNumber);
        return switch (decision.outcome()) {
            case APPROVED -> new PaymentAuthorizationResult(command.paymentId(), command.orderId(), true, null,
                    rules.referenceFor(cardNumber));
            case DECLINED -> new PaymentAuthorizationResult(command.paymentId(), command.orderId(), false, decision.reason(), null);
            case NO_ANSWER -> null;
        };
    }

    private RefundResult refund(RefundPayment command) {
        Decision decision = rules.refund(command.amount(), command.gatewayReference());
        return new RefundResult(command.refundId(), command.paymentId(), command.orderId(),
                decision.isApproved(), decision.reason());
    }

    private static Envelope replyTo(Envelope request, Event reply) {
        return EventCodec.envelope(reply, reply.correlationKey(), request.eventId().toString(), PRODUCER);
    }
}
