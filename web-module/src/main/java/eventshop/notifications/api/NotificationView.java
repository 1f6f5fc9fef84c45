package eventshop.notifications.api;

import eventshop.notifications.entity.Notification;
import java.time.Instant;

/** A notification as the API shows it; sentAt is null until it is sent. */
public record NotificationView(String id, String orderId, String kind, String email, String subject, String status,
                               Instant queuedAt, Instant sentAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id(), notification.orderId(), notification.kind(),
                notification.email(), notification.subject(), notification.status().name(),
                notification.queuedAt(), notification.sentAt());
    }
}
