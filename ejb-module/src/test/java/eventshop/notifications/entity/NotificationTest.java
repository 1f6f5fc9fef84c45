package eventshop.notifications.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant QUEUED_AT = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant SENT_AT = Instant.parse("2025-01-01T10:00:02Z");

    @Test
    void a_notification_with_an_address_is_queued() {
        Notification notification = new Notification("customer-1", "order-1", "OrderPlaced", "ada@example.org",
                "Order received", QUEUED_AT);

        assertThat(notification.status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(notification.isQueued()).isTrue();
        assertThat(notification.queuedAt()).isEqualTo(QUEUED_AT);
        assertThat(notification.sentAt()).isNull();
    }

    @Test
    void a_notification_without_an_address_is_recorded_as_such() {
        Notification notification = new Notification("customer-1", "order-1", "OrderShipped", null,
                "Order shipped", QUEUED_AT);

        assertThat(notification.status()).isEqualTo(NotificationStatus.NO_ADDRESS);
        assertThat(notification.isQueued()).isFalse();
    }

    @Test
    void sending_records_the_time_once() {
        Notification notification = new Notification("customer-1", "order-1", "OrderPlaced", "ada@example.org",
                "Order received", QUEUED_AT);

        notification.sent(SENT_AT);

        assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notification.sentAt()).isEqualTo(SENT_AT);
        assertThatThrownBy(() -> notification.sent(SENT_AT.plusSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThat(notification.sentAt()).isEqualTo(SENT_AT);
    }

    @Test
    void a_recipient_keeps_what_a_later_event_leaves_out() {
        Recipient recipient = new Recipient("customer-1");
        recipient.learn("Ada Lovelace", "ada@example.org");

        recipient.learn(null, null);
        assertThat(recipient.name()).isEqualTo("Ada Lovelace");
        assertThat(recipient.email()).isEqualTo("ada@example.org");

        recipient.learn("Ada King", "ada@lovelace.example");
        assertThat(recipient.name()).isEqualTo("Ada King");
        assertThat(recipient.email()).isEqualTo("ada@lovelace.example");
    }
}
