package eventshop.api;

import java.util.List;

/** A request body over {@link BodyLimit#MAX_BYTES}: 413 problem+json, before or while it is read, never parsed. */
public class BodyTooLarge extends RefusedBody {

    public BodyTooLarge() {
        super("Request body over " + BodyLimit.MAX_BYTES + " bytes");
    }

    @Override
    public Problem problem() {
        return new Problem("about:blank", "Content Too Large", 413,
                "The request body is larger than the API accepts (" + BodyLimit.MAX_BYTES + " bytes, 64 KiB).",
                List.of(new Problem.FieldError("body", "must be at most " + BodyLimit.MAX_BYTES + " bytes")));
    }
}
