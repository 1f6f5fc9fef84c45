-- What each Payara instance consumes: every listener's number of consumers (its activation's maxSession, the
-- system property eventshop.<service>[.<queue>].consumers as that instance resolves it), written by the instance
-- when the application starts and again every 15 s (eventshop.ops.control.ConsumerRegistry). seen_at tells the
-- instances that still run from those that stopped writing.
CREATE TABLE ops.consumer_instance (instance_name VARCHAR(100) NOT NULL, queue_name VARCHAR(200) NOT NULL, service VARCHAR(64) NOT NULL, consumers INTEGER NOT NULL, seen_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (instance_name, queue_name));
