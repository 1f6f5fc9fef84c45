package eventshop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's own 401 and 403 (the login of web.xml refused them before any JAX-RS resource ran) as
 * the API's problem+json instead of Payara's HTML page: web.xml's error pages forward them here. The
 * container has already set the status and, for a 401, the WWW-Authenticate challenge; both stay. The
 * operator page (/ops) gets a short HTML page instead, since a person reads it.
 *
 * <p>A servlet, not a JAX-RS resource: the error dispatch keeps the request's method, and a resource would
 * answer a refused POST or DELETE with 405.
 */
@WebServlet(AccessProblems.PATH)
public class AccessProblems extends HttpServlet {

    static final String PATH = "/errors/access";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 403;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        boolean refusedLogin = status == HttpServletResponse.SC_UNAUTHORIZED;
        String title = refusedLogin ? "Unauthorized" : "Forbidden";
        String detail = refusedLogin
                ? "Log in as an operator (HTTP basic authentication, realm eventshop-operators)."
                : "The user is logged in but does not have the role operator.";
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (uri.startsWith(request.getContextPath() + "/api/")) {
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
}
