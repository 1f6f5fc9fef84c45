-- Baseline of the notifications schema: the tables as the JPA create script META-INF/sql/notifications.sql left them
-- (columns added later by its ALTER lines folded in). A database created before Flyway is taken over
-- at version 1 without running this script (baselineOnMigrate, see SchemaMigrations).
CREATE TABLE notifications.processed_message (event_id VARCHAR(36) NOT NULL PRIMARY KEY, type VARCHAR(100) NOT NULL, processed_at TIMESTAMP WITH TIME ZONE NOT NULL, group_id VARCHAR(200), delivery_count INTEGER);
CREATE TABLE notifications.recipient (customer_id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(200), email VARCHAR(254), version BIGINT NOT NULL);
CREATE TABLE notifications.notification (id VARCHAR(36) NOT NULL PRIMARY KEY, customer_id VARCHAR(64) NOT NULL, order_id VARCHAR(64), kind VARCHAR(100) NOT NULL, email VARCHAR(254), subject VARCHAR(200) NOT NULL, status VARCHAR(20) NOT NULL, queued_at TIMESTAMP WITH TIME ZONE NOT NULL, sent_at TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, CONSTRAINT notification_status_known CHECK (status IN ('QUEUED', 'SENT', 'NO_ADDRESS')), CONSTRAINT notification_sent_has_time CHECK (status <> 'SENT' OR sent_at IS NOT NULL), CONSTRAINT notification_queued_has_address CHECK (status = 'NO_ADDRESS' OR email IS NOT NULL));
CREATE INDEX notification_by_customer ON notifications.notification (customer_id);
CREATE INDEX notification_by_order ON notifications.notification (order_id);
