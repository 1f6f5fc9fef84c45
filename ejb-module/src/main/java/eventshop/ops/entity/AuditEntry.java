package eventshop.ops.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** What an operator did to a dead letter, when, and why the message was dead (never changed afterwards). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @Column(name = "operator_name")
    private String operator;

    /** RETRY or DISCARD. */
    private String action;

    private String service;

    @Column(name = "message_id")
    private String messageId;

    /** The dead letter's reason, as the operator saw it. */
    private String reason;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "correlation_id")
    private String correlationId;

    protected AuditEntry() {
    }

    public AuditEntry(String operator, String action, String service, String messageId, String reason,
                      String eventType, String correlationId) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.operator = operator;
        this.action = action;
        this.service = service;
        this.messageId = messageId;
        this.reason = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
        this.eventType = eventType;
        this.correlationId = correlationId;
    }

    public String id() {
        return id;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String operator() {
        return operator;
    }

    public String action() {
        return action;
    }

    public String service() {
        return service;
    }

    public String messageId() {
        return messageId;
    }

    public String reason() {
        return reason;
    }

    public String eventType() {
        return eventType;
    }

    public String correlationId() {
        return correlationId;
    }
}
