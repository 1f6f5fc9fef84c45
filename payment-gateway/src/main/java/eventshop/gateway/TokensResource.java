package eventshop.gateway;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Tokenization over HTTP, the one way a card number enters the gateway from a client: POST /tokens with
 * {"cardNumber"} answers 201 {"token", "last4"}; GET /tokens/{token} answers what the vault knows of a token
 * (its last four digits, whether a payment used it), 404 for one it never issued. Nothing here logs the number.
 */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    CardVault vault;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tokenize(JsonObject body) {
        JsonValue number = body == null ? null : body.get("cardNumber");
        if (!(number instanceof JsonString text) || !GatewayRules.isWellFormed(text.getString())) {
            return problem(422, "cardNumber must be a string of 13 to 19 digits");
        }
        return Response.status(Response.Status.CREATED).entity(json(vault.tokenize(text.getString()))).build();
    }

    @GET
    @Path("{token}")
    public Response describe(@PathParam("token") String token) {
        return vault.describe(token).map(info -> Response.ok(json(info)).build())
                .orElseGet(() -> problem(404, "no such token"));
    }

    private static JsonObject json(CardVault.TokenInfo info) {
        return Json.createObjectBuilder().add("token", info.token()).add("last4", info.last4()).add("used", info.used())
                .build();
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Json.createObjectBuilder().add("title", status == 404 ? "Not Found" : "Unprocessable Content")
                        .add("status", status).add("detail", detail).build())
                .build();
    }
}
