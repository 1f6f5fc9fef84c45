package eventshop.clients;

import jakarta.json.Json;

/**
 * The card gateway's tokenization, as a storefront's checkout page uses it: the card number goes to the gateway
 * (POST /tokens), never to the shop, and the shop is sent the token it answers. Over one {@link RestClient} whose
 * base is the gateway's (http://host:port/payment-gateway/).
 */
public final class CardGateway {

    private final RestClient gateway;

    public CardGateway(RestClient gateway) {
        this.gateway = gateway;
    }

    /** A new token for the card (a token pays for one order). */
    public String token(String cardNumber) {
        RestClient.Reply reply = gateway.post("tokens", Json.createObjectBuilder().add("cardNumber", cardNumber).build());
        if (reply.status() != 201) {
            // the gateway's answer names what it refused, never the number
            throw new IllegalStateException("the card gateway answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().getString("token");
    }
}
