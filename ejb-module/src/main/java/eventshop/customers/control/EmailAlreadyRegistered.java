package eventshop.customers.control;

import jakarta.ejb.ApplicationException;

/** A registration with an address another customer has: nothing is stored, nothing published. */
@ApplicationException(rollback = true)
public class EmailAlreadyRegistered extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmailAlreadyRegistered(String email) {
        super("A customer with the email " + email + " is already registered.");
    }
}
