package eventshop.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Finishes the OpenAPI document Payara generates from the annotations (MicroProfile OpenAPI's filter, named
 * by {@code mp.openapi.filter} in META-INF/microprofile-config.properties), in one place instead of on every
 * resource:
 * <ul>
 *   <li>each tag once: Payara lists a tag again for every resource class that carries it;</li>
 *   <li>every error response (4xx, 5xx) as {@code application/problem+json} with the {@code Problem} schema,
 *       written here because Payara renders the Problem record as an empty object;</li>
 *   <li>413 on every operation that takes a body (the limit of {@link BodyLimit});</li>
 *   <li>the server as "/", the one that served the document.</li>
 * </ul>
 */
public class OpenApiDocument implements OASFilter {

    private static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        onceEachTag(openAPI);
        // Payara lists http://localhost:<port>/: from the page to try the API (/api-docs/), opened as 127.0.0.1 or
        // through a proxy, that is another origin, which the browser refuses. Relative: wherever it was read.
        openAPI.setServers(List.of(OASFactory.createServer().url("/").description("this server")));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getRequestBody() != null && operation.getResponses() != null) {
                    operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse()
                            .description("The body is larger than " + BodyLimit.MAX_BYTES + " bytes (64 KiB)"));
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach(OpenApiDocument::asProblemIfError);
                }
            }
        }
    }

    private static void onceEachTag(OpenAPI openAPI) {
        if (openAPI.getTags() == null) {
            return;
        }
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : openAPI.getTags()) {
            Tag kept = byName.putIfAbsent(tag.getName(), tag);
            if (kept != null && kept.getDescription() == null) {
                kept.setDescription(tag.getDescription());
            }
        }
        openAPI.setTags(new ArrayList<>(byName.values()));
    }

    private static void asProblemIfError(String code, APIResponse response) {
        if (code.isEmpty() || (code.charAt(0) != '4' && code.charAt(0) != '5')) {
            return;
        }
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        response.setContent(content);
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription("A problem (RFC 9457)");
        }
    }

    /** eventshop.api.Problem as its JSON: what every error of the API answers with. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("One field of the request and what is wrong with it")
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("As the client wrote it, e.g. items[0].quantity, payment.cardNumber, customerId, "
                                + "Idempotency-Key; body for the body as a whole"))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("e.g. must be a whole number, not 1.5; is not a registered customer"));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail, as application/problem+json")
                .addProperty("type", text.description("always about:blank: the status says what kind of problem it is"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("the status's reason phrase, e.g. Bad Request"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("what went wrong, for a person"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("for invalid input: each field and what is wrong with it"));
    }
}
