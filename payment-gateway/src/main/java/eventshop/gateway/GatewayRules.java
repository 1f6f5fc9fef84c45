package eventshop.gateway;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The simulated bank's rules, free of JMS and JSON so that they can be tested alone.
 *
 * <p>The test cards follow the convention card gateways use in their sandboxes, so that a person
 * placing an order chooses the outcome by the card number alone.
 */
public final class GatewayRules {

    public static final String APPROVED_CARD = "4242424242424242";
    public static final String DECLINED_CARD = "4000000000000002";
    public static final String SILENT_CARD = "4000000000000119";
    /** Charges succeed, refunds fail: a compensation that fails for good, for this card only. */
    public static final String REFUND_REFUSING_CARD = "4000000000000341";

    public static final String CARD_DECLINED = "card declined";
    public static final String INVALID_CARD_NUMBER = "invalid card number";
    public static final String INVALID_AMOUNT = "invalid amount";
    public static final String REFUND_REFUSED = "refund refused by gateway";
    public static final String REFUNDS_REFUSED_FOR_CARD = "refunds are refused for this card";
    /** An authorization by a token the vault never issued (or issued before the simulator restarted). */
    public static final String UNKNOWN_TOKEN = "unknown card token";
    /** An authorization by a token another payment already used: a token pays once. */
    public static final String TOKEN_USED = "card token already used";

    /**
     * The simulator keeps no state: an authorization of {@link #REFUND_REFUSING_CARD} gets a reference
     * with this prefix, and a refund that quotes such a reference back is refused.
     */
    static final String NO_REFUND_REFERENCE = "gw_norefund_";
    private static final String REFERENCE = "gw_";

    /** Card numbers (PANs) are 13 to 19 digits; no Luhn check, so that made-up numbers approve. */
    private static final Pattern WELL_FORMED_CARD = Pattern.compile("\\d{13,19}");

    private final boolean refuseRefunds;

    /** @param refuseRefunds refuse every refund, to exercise a compensation that fails for good */
    public GatewayRules(boolean refuseRefunds) {
        this.refuseRefunds = refuseRefunds;
    }

    public static boolean isWellFormed(String cardNumber) {
        return cardNumber != null && WELL_FORMED_CARD.matcher(cardNumber).matches();
    }

    public Decision authorize(String cardNumber) {
        if (!isWellFormed(cardNumber)) {
            return Decision.declined(INVALID_CARD_NUMBER);
        }
        return switch (cardNumber) {
            case DECLINED_CARD -> Decision.declined(CARD_DECLINED);
            case SILENT_CARD -> Decision.noAnswer();
            default -> Decision.approved();
        };
    }

    /** A real gateway's id of an approved authorization; a refund quotes it back. */
    public String referenceFor(String cardNumber) {
        return (REFUND_REFUSING_CARD.equals(cardNumber) ? NO_REFUND_REFERENCE : REFERENCE) + UUID.randomUUID();
    }

    /** @param gatewayReference the authorization's reference, as the refund request quotes it; may be null */
    public Decision refund(BigDecimal amount, String gatewayReference) {
        if (refuseRefunds) {
            return Decision.declined(REFUND_REFUSED);
        }
        if (gatewayReference != null && gatewayReference.startsWith(NO_REFUND_REFERENCE)) {
            return Decision.declined(REFUNDS_REFUSED_FOR_CARD);
        }
        if (amount == null || amount.signum() <= 0) {
            return Decision.declined(INVALID_AMOUNT);
        }
        return Decision.approved();
    }
}
