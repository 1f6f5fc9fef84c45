package eventshop.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * GET /asyncapi, beside /openapi: the AsyncAPI 3 document of EventShop's messages (channels, operations, every
 * message version with its JSON Schema), generated from topology/topology.yaml and the records of events/ into
 * META-INF/asyncapi.yaml. Public like /openapi: it names destinations and contracts, no secret.
 */
@WebServlet("/asyncapi")
public class AsyncApiDocument extends HttpServlet {

    private static final String DOCUMENT = "META-INF/asyncapi.yaml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream document = AsyncApiDocument.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (document == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, DOCUMENT + " is not in the web module");
                return;
            }
            response.setContentType("application/yaml");
            response.setCharacterEncoding("UTF-8");
            document.transferTo(response.getOutputStream());
        }
    }
}
