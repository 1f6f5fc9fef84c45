package eventshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import eventshop.gateway.Decision.Outcome;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayRulesTest {

    private final GatewayRules rules = new GatewayRules(false);

    @Test
    void approvesTheApprovalTestCard() {
        assertThat(rules.authorize("4242424242424242")).isEqualTo(Decision.approved());
    }

    @Test
    void declinesTheDeclineTestCard() {
        assertThat(rules.authorize("4000000000000002")).isEqualTo(Decision.declined("card declined"));
    }

    @Test
    void neverAnswersForTheSilentTestCard() {
        assertThat(rules.authorize("4000000000000119").outcome()).isEqualTo(Outcome.NO_ANSWER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5555555555554444", "4000056655665556", "4111111111111", "6011000990139424123"})
    void approvesAnyOtherWellFormedNumber(String cardNumber) {
        assertThat(rules.authorize(cardNumber).isApproved()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"4242 4242 4242 4242", "424242424242", "42424242424242424242", "4242abcd42424242", "-4242424242424242"})
    void declinesAMalformedNumber(String cardNumber) {
        assertThat(rules.authorize(cardNumber)).isEqualTo(Decision.declined("invalid card number"));
    }

    @Test
    void approvesARefundOfAPositiveAmount() {
        assertThat(rules.refund(new BigDecimal("12.50"), "gw_1")).isEqualTo(Decision.approved());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1"})
    void declinesARefundOfNoOrANegativeAmount(String amount) {
        assertThat(rules.refund(new BigDecimal(amount), "gw_1")).isEqualTo(Decision.declined("invalid amount"));
    }

    @Test
    void declinesARefundWithoutAmount() {
        assertThat(rules.refund(null, "gw_1")).isEqualTo(Decision.declined("invalid amount"));
    }

    @Test
    void refusesEveryRefundWhenSwitchedTo() {
        GatewayRules refusing = new GatewayRules(true);

        assertThat(refusing.refund(new BigDecimal("12.50"), "gw_1")).isEqualTo(Decision.declined("refund refused by gateway"));
        assertThat(refusing.authorize("4242424242424242").isApproved()).isTrue();
    }

    @Test
    void theRefundRefusingCardIsChargedButItsRefundIsRefused() {
        assertThat(rules.authorize("4000000000000341").isApproved()).isTrue();
        String reference = rules.referenceFor("4000000000000341");

        assertThat(rules.refund(new BigDecimal("12.50"), reference))
                .isEqualTo(Decision.declined("refunds are refused for this card"));
    }

    @Test
    void otherCardsGetReferencesTheirRefundsAreApprovedFor() {
        for (String card : new String[] {"4242424242424242", "5555555555554444"}) {
            String reference = rules.referenceFor(card);

            assertThat(reference).startsWith("gw_").isNotEqualTo(rules.referenceFor(card));
            assertThat(rules.refund(new BigDecimal("12.50"), reference)).isEqualTo(Decision.approved());
        }
    }

    @Test
    void aRefundWithoutReferenceIsApproved() {
        assertThat(rules.refund(new BigDecimal("12.50"), null)).isEqualTo(Decision.approved());
    }
}
