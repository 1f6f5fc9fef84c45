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

    private final CardVault vault = new CardVault();
    private final RequestHandler handler = new RequestHandler(new GatewayRules(false), vault);

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
        RequestHandler refusing = new RequestHandler(new GatewayRules(true), vault);

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

    /** Version 2: by the token the vault gave for the card. */
    private Envelope authorize(String cardNumber) {
        return authorizeByToken(vault.tokenize(cardNumber).token(), "payment-1");
    }

    private static Envelope authorizeByToken(String token, String paymentId) {
        return EventCodec.envelope(AuthorizePayment.byToken(paymentId, "order-1", new BigDecimal("42.00"), "EUR", token),
                "order-1", null, "payments");
    }

    @Test
    void version1ByTheCardNumberIsStillAnswered() {
        Envelope v1 = EventCodec.envelope(new AuthorizePayment("payment-1", "order-1", new BigDecimal("42.00"), "EUR",
                null, "4000000000000002"), "order-1", null, "payments");
        assertThat(EventCodec.payload(handler.answer(v1).orElseThrow(), PaymentAuthorizationResult.class).reason())
                .isEqualTo(GatewayRules.CARD_DECLINED);
    }

    @Test
    void anUnknownTokenIsDeclinedAndATokenPaysOnce() {
        assertThat(EventCodec.payload(handler.answer(authorizeByToken("tok_nobodyIssuedThis", "payment-1")).orElseThrow(),
                PaymentAuthorizationResult.class).reason()).isEqualTo(GatewayRules.UNKNOWN_TOKEN);
        String token = vault.tokenize("4242424242424242").token();
        assertThat(EventCodec.payload(handler.answer(authorizeByToken(token, "payment-1")).orElseThrow(),
                PaymentAuthorizationResult.class).approved()).isTrue();
        assertThat(EventCodec.payload(handler.answer(authorizeByToken(token, "payment-1")).orElseThrow(),
                PaymentAuthorizationResult.class).approved()).as("the same payment asked again").isTrue();
        assertThat(EventCodec.payload(handler.answer(authorizeByToken(token, "payment-2")).orElseThrow(),
                PaymentAuthorizationResult.class).reason()).isEqualTo(GatewayRules.TOKEN_USED);
    }

    @Test
    void tokensAreOpaqueAndTellOnlyTheLastFour() {
        CardVault.TokenInfo info = vault.tokenize("4000000000000341");
        assertThat(info.token()).startsWith("tok_").doesNotContain("0341").hasSize(36);
        assertThat(info.last4()).isEqualTo("0341");
        assertThat(vault.tokenize("4000000000000341").token()).isNotEqualTo(info.token());
        assertThat(vault.describe(info.token())).contains(new CardVault.TokenInfo(info.token(), "0341", false));
        assertThat(vault.describe("tok_unknown")).isEmpty();
    }

    private static Envelope refund(String amount) {
        return EventCodec.envelope(new RefundPayment("refund-1", "payment-1", "order-1", new BigDecimal(amount), "EUR", "gw_1"),
                "order-1", null, "payments");
    }
}
