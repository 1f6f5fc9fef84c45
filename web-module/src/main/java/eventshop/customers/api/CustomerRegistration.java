package eventshop.customers.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of POST /api/customers. */
public record CustomerRegistration(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be 1 to 200 characters") String name,
        @NotBlank(message = "is required") @Email(message = "must be a valid email address")
        @Size(max = 254, message = "must be at most 254 characters") String email) {
}
