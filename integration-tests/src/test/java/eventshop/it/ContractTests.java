package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract test: every event the services published during the suite (their journals hold exactly what was
 * sent) is valid against its schema in the AsyncAPI document the running system serves at /asyncapi, and was
 * published on the topic the document gives its producer. A producer whose payload drifts from its record's
 * schema (a field renamed, dropped or of another type) fails the build. Runs after the other groups, which
 * published every kind of event, and before the chaos run.
 */
abstract class ContractTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventPublishedInTheSuiteIsValidAgainstItsSchemaInTheServedAsyncApiDocument() throws Exception {
        JsonNode document = asyncApi();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String producer : producers(document)) {
            JsonNode topic = document.path("channels").path("eventshop." + producer + ".events");
            for (Map<String, Object> row : Stack.DB.query("select type, version, body from " + producer + ".event_journal")) {
                String key = row.get("type") + ".v" + row.get("version");
                if (!topic.path("messages").has(key)) {
                    problems.add(producer + " published " + key + ", which its topic does not carry in /asyncapi");
                    continue;
                }
                Set<ValidationMessage> errors = schemaOf(document, key).validate(JSON.readTree((String) row.get("body")));
                errors.forEach(error -> problems.add(producer + " published an invalid " + key + ": " + error.getMessage()));
                checked++;
            }
        }
        assertThat(problems).as("events that do not match /asyncapi").isEmpty();
        assertThat(checked).as("events checked (the suite publishes every kind)").isGreaterThan(20);
    }

    @Test
    void aPayloadThatDriftsFromItsRecordIsRefused() throws Exception {
        JsonNode document = asyncApi();
        ObjectNode shipped = (ObjectNode) JSON.readTree("""
                {"eventId": "6b0d8a3e-6f1b-4d53-9d2f-5c5f2f3e0a11", "type": "OrderShipped", "version": 1,
                 "occurredAt": "2026-01-01T10:00:00Z", "correlationId": "o-1", "producer": "warehouse",
                 "payload": {"orderId": "o-1", "shipmentId": "s-1", "lines": [{"sku": "MUG-001", "quantity": 2}]}}""");
        assertThat(schemaOf(document, "OrderShipped.v1").validate(shipped)).isEmpty();
        ((ObjectNode) shipped.path("payload").path("lines").get(0)).put("quantity", "two");
        ((ObjectNode) shipped.path("payload")).remove("shipmentId");
        assertThat(schemaOf(document, "OrderShipped.v1").validate(shipped)).extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("shipmentId"))
                .anySatisfy(message -> assertThat(message).contains("quantity"));
    }

    /** The document as a new user gets it: over HTTP, from the running system. */
    private static JsonNode asyncApi() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Stack.BASE + "asyncapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        return new YAMLMapper().readTree(response.body());
    }

    /** The services that publish: each has an operation sending on its topic. */
    private static List<String> producers(JsonNode document) {
        List<String> producers = new ArrayList<>();
        document.path("channels").fieldNames().forEachRemaining(address -> {
            if (address.matches("eventshop\\.[a-z_]+\\.events")) {
                producers.add(address.split("\\.")[1]);
            }
        });
        assertThat(producers).isNotEmpty();
        return producers;
    }

    /** The message's payload schema (the envelope with its version's payload), its references resolved in the document. */
    private static JsonSchema schemaOf(JsonNode document, String messageKey) {
        ObjectNode schema = document.deepCopy();
        schema.put("$ref", "#/components/messages/" + messageKey + "/payload");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    }
}
