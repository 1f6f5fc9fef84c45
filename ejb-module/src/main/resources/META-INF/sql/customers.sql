CREATE SCHEMA IF NOT EXISTS customers;
CREATE TABLE IF NOT EXISTS customers.processed_message (event_id VARCHAR(36) NOT NULL PRIMARY KEY, type VARCHAR(100) NOT NULL, processed_at TIMESTAMP WITH TIME ZONE NOT NULL, delivery_count INTEGER);
ALTER TABLE customers.processed_message ADD COLUMN IF NOT EXISTS delivery_count INTEGER;
CREATE TABLE IF NOT EXISTS customers.customer (id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, email VARCHAR(254), registered_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT customer_email_unique UNIQUE (email));
CREATE TABLE IF NOT EXISTS customers.history_entry (order_id VARCHAR(64) NOT NULL PRIMARY KEY, customer_id VARCHAR(64) NOT NULL, status VARCHAR(20) NOT NULL, total NUMERIC(12,2) NOT NULL, placed_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL, version BIGINT NOT NULL, CONSTRAINT history_entry_status_known CHECK (status IN ('PLACED', 'PAID', 'REJECTED', 'SHIPPED', 'CANCELLED')), CONSTRAINT history_entry_of_customer FOREIGN KEY (customer_id) REFERENCES customers.customer (id));
CREATE INDEX IF NOT EXISTS history_entry_by_customer ON customers.history_entry (customer_id);
