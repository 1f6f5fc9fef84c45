package eventshop.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "EventShop", version = "1.0",
        description = "Public API of EventShop, an event-driven order-fulfilment backend."))
public class EventShopApi extends Application {
}
