-- Which Payara instance handled each message (its com.sun.aas.instanceName; "server" for the one-server mode), so
-- that the operator sees which instance consumes what (GET /api/ops/messaging, "instances"). Rows written before
-- this version have none.
ALTER TABLE warehouse.processed_message ADD COLUMN instance_name VARCHAR(100);
