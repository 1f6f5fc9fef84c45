package eventshop.platform.gateway;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The card gateway's tokenization API (payment-gateway/, an external system), as a MicroProfile Rest Client:
 * POST /tokens {cardNumber} answers {token, last4}; GET /tokens/{token} what it knows of a token.
 * Built by {@link CardTokens}, which sets the address and the timeouts.
 */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CardTokensApi {

    /** The body of POST /tokens. A class with a public field: what JSON-B writes on any Payara version. */
    class CardNumber {
        public String cardNumber;

        public CardNumber() {
        }

        CardNumber(String cardNumber) {
            this.cardNumber = cardNumber;
        }

        /** Never the number: the client's logging and any exception message that prints the entity. */
        @Override
        public String toString() {
            return "CardNumber[****]";
        }
    }

    /** What the gateway answers about a token. */
    class Token {
        public String token;
        public String last4;
        public boolean used;
    }

    @POST
    Token tokenize(CardNumber body);

    @GET
    @Path("{token}")
    Token describe(@PathParam("token") String token);
}
