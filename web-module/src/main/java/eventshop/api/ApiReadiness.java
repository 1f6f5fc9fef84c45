package eventshop.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Ready only once the public API serves: DOWN until Jersey (Payara's JAX-RS) has finished starting it, and again
 * once it is being taken down.
 *
 * <p>Payara answers /health/ready with the application's checks as soon as they are registered, which is before the
 * web module serves: after a restart /health/ready said UP for ~6 s while /api/ still answered with the server's
 * default web module (a GET 404, a PUT 403) and then 503. Whatever waits for readiness then failed: the launcher's
 * catalogue seeding, and the deployment group's load balancer, which sends requests to the instances whose
 * /health/ready answers. One instance, made by CDI, is both the check and the listener Jersey calls.
 */
@Readiness
@ApplicationScoped
@Provider
public class ApiReadiness implements HealthCheck, ApplicationEventListener {

    private volatile boolean serving;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api").status(serving).build();
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        switch (event.getType()) {
            case INITIALIZATION_FINISHED -> serving = true;
            case DESTROY_FINISHED -> serving = false;
            default -> { }
        }
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return null; // no request is of interest
    }
}
