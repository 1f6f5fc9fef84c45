package eventshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventshop.events.AuthorizePayment;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.MalformedMessageException;
import eventshop.events.PaymentAuthorizationResult;
import eventshop.events.ProductUpdated;
import eventshop.events.RefundPayment;
import eventshop.events.RefundResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RequestHandlerTest {

    private final RequestHandler handler = new RequestHandler(new GatewayRules(false));

    @Test
    void approvesWithAReferenceAndAnEnvelopeThatPointsBackAtTheRequest() {
        Envelope request = authorize("4242424242424242");

        Envelope reply = handler.answer(request).orElseThrow();

        assertThat(reply.type()).isEqualTo("PaymentAuthorizationResult");
        assertThat(reply.correlationId()).isEqualTo("order-1");
        assertThat(reply.causationId()).isEqualTo(request.eventId().toString());
        assertThat(reply.producer()).isEqualTo("payment-gateway");
        PaymentAuthorizationResult result = EventCodec.payload(reply, PaymentAuthorizationResult.class);
        assertThat(result.paymentId()).isEqualTo("payment-1");
        assertThat(result.orderId()).isEqualTo("order-1");
        assertThat(result.approved()).isTrue();
        assertThat(result.reason()).isNull();
        assertThat(result.gatewayReference()).startsWith("gw_");
    }

    @Test
    void declinesWithTheReasonAndNoReference() {
        PaymentAuthorizationResult result = EventCodec.payload(
                handler.answer(authorize("4000000000000002")).orElseThrow(), PaymentAuthorizationResult.class);

        assertThat(result.approved()).isFalse();
        assertThat(result.reason()).isEqualTo("card declined");
        assertThat(result.gatewayReference()).isNull();
    }

    @Test
    void givesNoReplyForTheSilentCard() {
        assertThat(handler.answer(authorize("4000000000000119"))).isEmpty();
    }

    @Test
    void approvesARefund() {
        RefundResult result = EventCodec.payload(handler.answer(refund("12.50")).orElseThrow(), RefundResult.class);

        assertThat(result.refundId()).isEqualTo("refund-1");
        assertThat(result.paymentId()).isEqualTo("payment-1");
        assertThat(result.orderId()).isEqualTo("order-1");
        assertThat(result.approved()).isTrue();
        assertThat(result.reason()).isNull();
    }

    @Test
    void approvesARefundWithoutGatewayReference() {
        Envelope request = EventCodec.envelope(
                new RefundPayment("refund-1", "payment-1", "order-1", new BigDecimal("12.50"), "EUR", null),
                "order-1", null, "payments");

        assertThat(EventCodec.payload(handler.answer(request).orElseThrow(), RefundResult.class).approved()).isTrue();
    }

    @Test
    void refusesARefundWhenSwitchedTo() {
        RequestHandler refusing = new RequestHandler(new GatewayRules(true));

        RefundResult result = EventCodec.payload(refusing.answer(refund("12.50")).orElseThrow(), RefundResult.class);

        assertThat(result.approved()).isFalse();
        assertThat(result.reason()).isEqualTo("refund refused by gateway");
    }

    @Test
    void theRefundRefusingCardIsApprovedAndItsRefundRefusedThroughTheReference() {
        PaymentAuthorizationResult charged = EventCodec.payload(
                handler.answer(authorize("4000000000000341")).orElseThrow(), PaymentAuthorizationResult.class);
        assertThat(charged.approved()).isTrue();

        Envelope refundRequest = EventCodec.envelope(new RefundPayment("refund-1", "payment-1", "order-1",
                new BigDecimal("42.00"), "EUR", charged.gatewayReference()), "order-1", null, "payments");
        RefundResult result = EventCodec.payload(handler.answer(refundRequest).orElseThrow(), RefundResult.class);

        assertThat(result.approved()).isFalse();
        assertThat(result.reason()).isEqualTo("refunds are refused for this card");
    }

    @Test
    void rejectsAnUnknownTypeAsMalformed() {
        Envelope request = EventCodec.envelope(
                new ProductUpdated("sku-1", "Mug", BigDecimal.TEN, 3), "sku-1", null, "warehouse");

        assertThatThrownBy(() -> handler.answer(request))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("unknown type ProductUpdated");
    }

    private static Envelope authorize(String cardNumber) {
        return EventCodec.envelope(new AuthorizePayment("payment-1", "order-1", new BigDecimal("42.00"), "EUR", cardNumber),
                "order-1", null, "payments");
    }

    private static Envelope refund(String amount) {
        return EventCodec.envelope(new RefundPayment("refund-1", "payment-1", "order-1", new BigDecimal(amount), "EUR", "gw_1"),
                "order-1", null, "payments");
    }
}
