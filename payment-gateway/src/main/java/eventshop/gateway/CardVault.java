package eventshop.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's card vault: it keeps each card number it was given behind an opaque random token, which is
 * all its clients hold. A token pays for one payment: the first authorization claims it, and a second
 * payment with it is declined (a retried authorization of the same payment is not a second one).
 *
 * <p>In memory: the simulator is a stand-in, and its tokens last as long as it runs. A real vault keeps them
 * (encrypted) for good; an order placed before a restart of the simulator is declined ({@link
 * GatewayRules#UNKNOWN_TOKEN}), which is also what a real gateway answers for a token it does not know.
 */
@ApplicationScoped
public class CardVault {

    /** 24 random bytes, base64url: unguessable, and no digit of the card in it. */
    private static final int TOKEN_BYTES = 24;
    static final String PREFIX = "tok_";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Card> cards = new ConcurrentHashMap<>();

    private static final class Card {
        final String number;
        String paymentId; // the payment that claimed it, or null

        Card(String number) {
            this.number = number;
        }
    }

    /** What the vault knows of a token: the last four digits, and whether a payment has claimed it. */
    public record TokenInfo(String token, String last4, boolean used) {
    }

    /** A claim of a token for a payment: the number to charge, or why there is none. */
    public record Claim(String cardNumber, String refusal) {
    }

    /** Keeps the card number behind a new token. The number must be well-formed (the caller checked it). */
    public TokenInfo tokenize(String cardNumber) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        cards.put(token, new Card(cardNumber));
        return new TokenInfo(token, lastFour(cardNumber), false);
    }

    public Optional<TokenInfo> describe(String token) {
        Card card = token == null ? null : cards.get(token);
        if (card == null) {
            return Optional.empty();
        }
        synchronized (card) {
            return Optional.of(new TokenInfo(token, lastFour(card.number), card.paymentId != null));
        }
    }

    /** Claims the token for the payment (again, for the same payment) and gives its card number. */
    public Claim claim(String token, String paymentId) {
        Card card = token == null ? null : cards.get(token);
        if (card == null) {
            return new Claim(null, GatewayRules.UNKNOWN_TOKEN);
        }
        synchronized (card) {
            if (card.paymentId != null && !card.paymentId.equals(paymentId)) {
                return new Claim(null, GatewayRules.TOKEN_USED);
            }
            card.paymentId = paymentId;
            return new Claim(card.number, null);
        }
    }

    private static String lastFour(String cardNumber) {
        return cardNumber.substring(cardNumber.length() - 4);
    }
}
