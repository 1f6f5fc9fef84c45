package eventshop.payments.api;

import eventshop.payments.entity.Refund;
import java.math.BigDecimal;

/**
 * A payment's refund.
 *
 * @param reason why the money is given back
 * @param refusalReason why the gateway refused to give it back (status REFUSED); absent otherwise
 */
public record RefundView(String id, BigDecimal amount, String status, String reason, String refusalReason) {

    static RefundView of(Refund refund) {
        return new RefundView(refund.id(), refund.amount(), refund.status().name(), refund.reason(),
                refund.refusalReason());
    }
}
