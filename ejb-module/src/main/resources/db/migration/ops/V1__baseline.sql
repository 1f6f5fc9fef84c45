-- Baseline of the ops schema: the tables as the JPA create script META-INF/sql/ops.sql left them
-- (columns added later by its ALTER lines folded in). A database created before Flyway is taken over
-- at version 1 without running this script (baselineOnMigrate, see SchemaMigrations).
CREATE TABLE ops.audit_entry (id VARCHAR(36) NOT NULL PRIMARY KEY, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, operator_name VARCHAR(100) NOT NULL, action VARCHAR(20) NOT NULL, service VARCHAR(64) NOT NULL, message_id VARCHAR(100) NOT NULL, reason VARCHAR(2000), event_type VARCHAR(100), correlation_id VARCHAR(100), CONSTRAINT audit_entry_action_known CHECK (action IN ('RETRY', 'DISCARD')));
CREATE INDEX audit_entry_by_time ON ops.audit_entry (occurred_at);
