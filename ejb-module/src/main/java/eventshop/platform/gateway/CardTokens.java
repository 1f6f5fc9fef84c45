package eventshop.platform.gateway;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The card gateway's tokens, for the two services that may hold a card number for an instant: orders
 * exchanges the number a client still sends for a token before it stores or publishes anything, and payments
 * exchanges the number an old OrderPlaced (version 2 or earlier) still carries. Everything else only ever
 * sees the token and the last four digits.
 *
 * <p>A call waits at most {@code eventshop.gateway.timeout} (ISO-8601, default PT3S) to connect and as long
 * again for the answer; a gateway that does not answer in time is {@link GatewayUnavailable}. The address is
 * {@code http://<eventshop.gateway.host>:<eventshop.gateway.port><eventshop.gateway.path>} (server-config/).
 */
@ApplicationScoped
public class CardTokens {

    /** The gateway's answer for a card: the token to charge and the last four digits to show. */
    public record Card(String token, String last4) {
    }

    /** What a client's token is: one the gateway issued and no payment used yet, or the reason it is not. */
    public record TokenCheck(Card card, String refusal) {
    }

    @Inject
    @ConfigProperty(name = "eventshop.gateway.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "eventshop.gateway.port", defaultValue = "8090")
    int port;

    @Inject
    @ConfigProperty(name = "eventshop.gateway.path", defaultValue = "/payment-gateway")
    String path;

    @Inject
    @ConfigProperty(name = "eventshop.gateway.timeout", defaultValue = "PT3S")
    Duration timeout;

    private static final String PROBLEM = "application/problem+json";

    private CardTokensApi api;

    @PostConstruct
    void connect() {
        api = RestClientBuilder.newBuilder()
                .baseUri(URI.create("http://" + host + ":" + port + path))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(CardTokensApi.class);
    }

    /**
     * @return the token, or empty when the gateway refuses the number (it is not a card number)
     * @throws GatewayUnavailable when the gateway does not answer in time
     */
    public Optional<Card> exchange(String cardNumber) {
        try {
            CardTokensApi.Token token = api.tokenize(new CardTokensApi.CardNumber(cardNumber));
            return Optional.of(new Card(token.token, token.last4));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 422) { // the gateway refuses the number (not a card number)
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    /** @throws GatewayUnavailable when the gateway does not answer in time */
    public TokenCheck check(String token) {
        try {
            CardTokensApi.Token known = api.describe(token);
            return known.used ? new TokenCheck(null, "was used for another payment: a token pays once")
                    : new TokenCheck(new Card(known.token, known.last4), null);
        } catch (WebApplicationException e) {
            // The gateway's own "no such token" is problem+json; a bare 404 is its server without the application
            // (still deploying, or undeployed): the gateway is not there, the token may well be good.
            if (e.getResponse().getStatus() == 404 && e.getResponse().getMediaType() != null
                    && e.getResponse().getMediaType().toString().startsWith(PROBLEM)) {
                return new TokenCheck(null, "is not a token the card gateway issued");
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    // The cause's message names the address and what failed (refused, timed out); never a card number.
    private GatewayUnavailable unavailable(RuntimeException cause) {
        return new GatewayUnavailable("The card gateway (http://" + host + ":" + port + path + ") did not answer within "
                + timeout.toSeconds() + " s: " + cause.getMessage(), cause);
    }
}
