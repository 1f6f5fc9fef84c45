package eventshop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The errors the container answers by itself, before or outside any JAX-RS resource (the login of web.xml
 * refusing a request: 401, 403; a path the container will not route, a body it will not take, a failure
 * outside the resources), as the API's problem+json instead of Payara's HTML page: web.xml's error pages
 * forward them here. The container has already set the status and, for a 401, the WWW-Authenticate
 * challenge; both stay. Outside /api (the operator page) a person reads it: a short HTML page.
 *
 * <p>A servlet, not a JAX-RS resource: the error dispatch keeps the request's method, and a resource would
 * answer a refused POST or DELETE with 405.
 */
@WebServlet(ContainerProblems.PATH)
public class ContainerProblems extends HttpServlet {

    static final String PATH = "/errors/container";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String title = titleOf(status);
        String detail = detailOf(status);
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (uri.startsWith(request.getContextPath() + "/api/") || uri.equals(request.getContextPath() + "/api")) {
            JsonObject problem = Json.createObjectBuilder()
                    .add("type", "about:blank").add("title", title).add("status", status).add("detail", detail)
                    .add("instance", uri)
                    .build();
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(problem.toString());
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                    + " " + title + "</title></head><body><h1>" + status + " " + title + "</h1><p>" + detail
                    + "</p></body></html>");
        }
    }

    private static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error " + status;
    }

    /** Fixed texts: the container's own message may name internals, and the URI may carry anything. */
    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood (a malformed path, header or body).";
            case 401 -> "Log in as an operator (HTTP basic authentication, realm eventshop-operators).";
            case 403 -> "The user is logged in but does not have the role operator.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not accept this method.";
            case 413 -> "The request body is larger than the API accepts (" + BodyLimit.MAX_BYTES + " bytes, 64 KiB).";
            case 415 -> "This path does not accept this Content-Type.";
            default -> status >= 500 ? "Something went wrong on our side; the server log has the cause."
                    : "The request was refused.";
        };
    }
}
