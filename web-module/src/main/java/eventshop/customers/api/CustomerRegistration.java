package eventshop.customers.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/customers. A class with constrained fields, not a record: Payara 6.2025.9's
 * OpenAPI generator fails on constraints on a record's constructor parameters.
 */
public class CustomerRegistration {

    @NotBlank(message = "is required")
    @Size(max = 200, message = "must be 1 to 200 characters")
    public String name;

    @NotBlank(message = "is required")
    @Email(message = "must be a valid email address")
    @Size(max = 254, message = "must be at most 254 characters")
    public String email;

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }
}
