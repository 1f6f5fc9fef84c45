package eventshop.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every request body of the API is at most 64 KiB (documented in the README and the OpenAPI document): an
 * order of 50 items is about 4 KiB, so anything near the limit is a mistake or an attack. A declared
 * Content-Length over it is answered 413 without parsing anything; a body without one (chunked) is read
 * through a counting stream that stops at the limit, so nothing bigger is ever buffered or parsed.
 *
 * <p>A client that does not wait for "100 Continue" is still sending when the answer is ready, and most (the
 * JDK's HttpClient among them) read no answer before their body is sent: left unread, the body would block
 * them until they time out. So the rest of a refused body is read and thrown away, up to {@link #DRAINED_BYTES};
 * past that the connection is closed instead.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

    public static final int MAX_BYTES = 64 * 1024;
    /** How much of a refused body is read and discarded (never kept) so that its sender gets the 413. */
    static final long DRAINED_BYTES = 8L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredTooLarge(declared.strip())) {
            boolean drained = drain(request.getEntityStream());
            Response refusal = new BodyTooLarge().problem().toResponse();
            request.abortWith(drained ? refusal : Response.fromResponse(refusal).header("Connection", "close").build());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    private static boolean declaredTooLarge(String declared) {
        // Longer than 10 digits is over the limit whatever it says; a malformed length is the container's business.
        return declared.matches("\\d+") && (declared.length() > 10 || Long.parseLong(declared) > MAX_BYTES);
    }

    /** @return whether the stream ended within {@link #DRAINED_BYTES} */
    static boolean drain(InputStream body) {
        try {
            long skipped = 0;
            byte[] buffer = new byte[8192];
            int n;
            while (skipped <= DRAINED_BYTES && (n = body.read(buffer)) >= 0) {
                skipped += n;
            }
            return skipped <= DRAINED_BYTES;
        } catch (IOException e) {
            return false; // the client went away: nothing to answer
        }
    }

    /** Counts what is read and fails past the limit, whatever the client declared. */
    private static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > MAX_BYTES) {
                drain(in);
                throw new BodyTooLarge();
            }
        }
    }
}
