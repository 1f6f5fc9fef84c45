package eventshop.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows what a card number looks like, for the code that must make sure none is kept:
 * its last four digits, and masking every card number inside a text (a dead letter's body, a log line).
 */
public final class CardNumbers {

    /** 13 to 19 digits not inside a longer run of digits (a PAN); a UUID or an amount does not match. */
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![0-9])[0-9]{9,15}([0-9]{4})(?![0-9])");

    private CardNumbers() {
    }

    /** The last four digits of a card number (or of a masked one); the whole text when it is shorter. */
    public static String lastFour(String cardNumber) {
        String digits = cardNumber.replaceAll("[^0-9]", "");
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }

    /** Every card number in the text replaced by asterisks and its last four digits. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = CARD_NUMBER.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            int hidden = matcher.group().length() - 4;
            matcher.appendReplacement(masked, "*".repeat(hidden) + matcher.group(1));
        }
        return matcher.appendTail(masked).toString();
    }

    /** Whether it is a card number: 13 to 19 digits that pass the Luhn check. */
    public static boolean isValid(String cardNumber) {
        if (cardNumber == null || !cardNumber.matches("[0-9]{13,19}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < cardNumber.length(); i++) {
            int digit = cardNumber.charAt(cardNumber.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
