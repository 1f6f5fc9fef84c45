package eventshop.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "EventShop", version = "1.0",
        description = "Public API of EventShop, an event-driven order-fulfilment backend. Every error is "
                + "application/problem+json (schema Problem) naming each bad field. Request bodies are read strictly: "
                + "a value of the wrong JSON type (a number for a string, 1.5 for a whole number, an array for a "
                + "string) is a 400, never coerced; text must not contain control characters and is at most the "
                + "maxLength of its schema; a body is at most 64 KiB (413). Try it: /api-docs/"))
public class EventShopApi extends Application {
}
