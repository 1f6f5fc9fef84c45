package eventshop.notifications.entity;

/** Where a notification stands. */
public enum NotificationStatus {
    /** Waiting on the outbox queue to be mailed. */
    QUEUED,
    /** Handed to the mail server. */
    SENT,
    /** The customer's address is unknown: nothing was sent, the row says so. */
    NO_ADDRESS
}
