package eventshop.gateway;

import java.util.Objects;

/** What the simulated gateway does with one request: approve, decline with a reason, or stay silent. */
public record Decision(Outcome outcome, String reason) {

    public enum Outcome { APPROVED, DECLINED, NO_ANSWER }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Decision approved() {
        return new Decision(Outcome.APPROVED, null);
    }

    public static Decision declined(String reason) {
        return new Decision(Outcome.DECLINED, Objects.requireNonNull(reason, "reason"));
    }

    /** The request is consumed and never answered, so the caller's timeout is what ends it. */
    public static Decision noAnswer() {
        return new Decision(Outcome.NO_ANSWER, null);
    }

    public boolean isApproved() {
        return outcome == Outcome.APPROVED;
    }
}
