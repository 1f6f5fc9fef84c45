package eventshop.warehouse.control;

import jakarta.ejb.ApplicationException;

/** A change that lacks what the product needs (a new product without a name): nothing is written. */
@ApplicationException(rollback = true)
public class ProductIncomplete extends ProductRejected {

    private static final long serialVersionUID = 1L;

    public ProductIncomplete(String field, String message) {
        super(field, message);
    }
}
