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
 *
 * <p>A class with constrained fields, not a record: Payara 6.2025.9's OpenAPI generator fails on
 * constraints on a record's constructor parameters.
 */
public class ReplayRequest {

    @NotBlank(message = "is required: the subscription to replay to")
    @Size(max = 64, message = "must be at most 64 characters")
    public String service;

    @Size(max = 64, message = "must be at most 64 characters")
    public String producer;

    @Min(value = 1, message = "must be at least 1")
    public Long fromPosition;

    @Min(value = 1, message = "must be at least 1")
    public Long toPosition;

    @Size(max = 64, message = "must be at most 64 characters")
    public String from;

    @Size(max = 64, message = "must be at most 64 characters")
    public String to;

    @Size(max = 100, message = "must be at most 100 characters")
    public String type;

    @Size(max = 64, message = "must be at most 64 characters")
    public String orderId;

    @NotNull(message = "is required: true lists what would be sent, false sends it")
    public Boolean dryRun;
}
