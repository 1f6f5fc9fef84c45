package eventshop.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * What kind of order to place next: mostly approved, some declined, some for stock that is not there
 * (paid, then refunded), some cancelled by the client right after placing.
 */
public enum OrderMix {
    APPROVED(80), DECLINED(8), SCARCE(6), CANCELLED_BY_CLIENT(6);

    static final String APPROVED_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";

    private final int percent;

    OrderMix(int percent) {
        this.percent = percent;
    }

    public static OrderMix next() {
        int draw = ThreadLocalRandom.current().nextInt(100);
        for (OrderMix kind : values()) {
            draw -= kind.percent;
            if (draw < 0) {
                return kind;
            }
        }
        return APPROVED;
    }

    public String card() {
        return this == DECLINED ? DECLINED_CARD : APPROVED_CARD;
    }
}
