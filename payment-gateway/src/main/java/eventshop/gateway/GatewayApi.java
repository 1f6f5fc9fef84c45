package eventshop.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The gateway's HTTP API (tokenization) at the WAR's root: /payment-gateway/tokens. */
@ApplicationPath("/")
public class GatewayApi extends Application {
}
