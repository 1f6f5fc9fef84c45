package eventshop.events;

import java.math.BigDecimal;
import java.util.List;

/** One filled-in instance of every contract, for the tests that must cover them all. */
final class Samples {

    static final String ORDER = "7d0c2a6e-3b1f-4c52-9a57-0d6f3c1b2a90";
    static final String CUSTOMER = "0b9a4f1e-6c2d-4e8a-b3f7-5d1c9e2a7b64";
    static final String PAYMENT = "c4e1d2b3-a596-4877-8f90-1a2b3c4d5e6f";
    static final String REFUND = "e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9";
    static final String TOKEN = "tok_Qm9va3NBcmVGb3JSZWFkaW5nQWxvdWQ";

    static final OrderPlaced ORDER_PLACED = OrderPlaced.paidByToken(ORDER, CUSTOMER, "Ada Lovelace", "ada@example.org",
            List.of(new PlacedLine("MUG-1", "Mug", 2, new BigDecimal("12.50"), "EUR"),
                    new PlacedLine("TEA-7", "Tea", 1, new BigDecimal("4.00"), "EUR")),
            new BigDecimal("29.00"), "EUR", Samples.TOKEN, "4242");

    static final List<Event> ALL = List.of(
            new ProductUpdated("MUG-1", "Mug", new BigDecimal("12.50"), 30),
            new CustomerRegistered(CUSTOMER, "Ada Lovelace", "ada@example.org"),
            ORDER_PLACED,
            new OrderCancelled(ORDER, CUSTOMER, "changed my mind", OrderCancelled.BY_CUSTOMER),
            new PaymentTaken(ORDER, PAYMENT, new BigDecimal("29.00"), "EUR"),
            new PaymentDeclined(ORDER, PAYMENT, "card declined"),
            new PaymentRefunded(ORDER, PAYMENT, REFUND, new BigDecimal("29.00"), "EUR", "out of stock"),
            new StockUnavailable(ORDER, List.of("MUG-1", "TEA-7"), "not enough stock"),
            new OrderShipped(ORDER, "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
                    List.of(new ShippedLine("MUG-1", 2), new ShippedLine("TEA-7", 1))),
            new CompensationFailed(ORDER, CompensationFailed.REFUND, "refund refused by the gateway: card closed"),
            AuthorizePayment.byToken(PAYMENT, ORDER, new BigDecimal("29.00"), "EUR", TOKEN),
            new PaymentAuthorizationResult(PAYMENT, ORDER, true, null, "GW-1234"),
            new RefundPayment(REFUND, PAYMENT, ORDER, new BigDecimal("29.00"), "EUR", "GW-1234"),
            new RefundResult(REFUND, PAYMENT, ORDER, false, "refund window closed"),
            new SendNotification("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", ORDER, CUSTOMER, "ada@example.org",
                    "OrderShipped", "Your order is on its way", "Hello Ada, ..."));

    private Samples() {
    }
}
