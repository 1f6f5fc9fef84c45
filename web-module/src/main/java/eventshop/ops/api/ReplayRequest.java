package eventshop.ops.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/ops/replay. Every bound is optional and inclusive; the bounds given must all
 * hold. from and to are ISO-8601 instants (e.g. 2026-01-01T10:00:00Z), compared with each event's
 * occurredAt; positions count per producer journal. dryRun is required, so that sending is never the
 * accident of a forgotten field.
 */
public record ReplayRequest(
        @NotBlank(message = "is required: the subscription to replay to")
        @Size(max = 64, message = "must be at most 64 characters")
        String service,

        @Size(max = 64, message = "must be at most 64 characters")
        String producer,

        @Min(value = 1, message = "must be at least 1")
        Long fromPosition,

        @Min(value = 1, message = "must be at least 1")
        Long toPosition,

        @Size(max = 64, message = "must be at most 64 characters")
        String from,

        @Size(max = 64, message = "must be at most 64 characters")
        String to,

        @Size(max = 100, message = "must be at most 100 characters")
        String type,

        @Size(max = 64, message = "must be at most 64 characters")
        String orderId,

        @NotNull(message = "is required: true lists what would be sent, false sends it")
        Boolean dryRun) {
}
