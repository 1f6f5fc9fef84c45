package eventshop.warehouse.control;

import jakarta.ejb.ApplicationException;

/** A product change that conflicts with the warehouse's state; the transaction is rolled back. */
@ApplicationException(rollback = true)
public class ProductRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ProductRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
