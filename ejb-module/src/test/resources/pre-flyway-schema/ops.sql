CREATE SCHEMA IF NOT EXISTS ops;
CREATE TABLE IF NOT EXISTS ops.audit_entry (id VARCHAR(36) NOT NULL PRIMARY KEY, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, operator_name VARCHAR(100) NOT NULL, action VARCHAR(20) NOT NULL, service VARCHAR(64) NOT NULL, message_id VARCHAR(100) NOT NULL, reason VARCHAR(2000), event_type VARCHAR(100), correlation_id VARCHAR(100), CONSTRAINT audit_entry_action_known CHECK (action IN ('RETRY', 'DISCARD')));
CREATE INDEX IF NOT EXISTS audit_entry_by_time ON ops.audit_entry (occurred_at);
