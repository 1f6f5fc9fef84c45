-- The customers service's transactional outbox (eventshop.platform.messaging.Outbox), as orders V4: the journal
-- positions of the events a request committed (the CustomerRegistered of POST /api/customers) that the relay has not
-- sent yet. The relay deletes a row in the XA transaction that sends its event; what stays here is the backlog.
CREATE TABLE customers.outbox (position BIGINT NOT NULL PRIMARY KEY, CONSTRAINT customers_outbox_of_journal FOREIGN KEY (position) REFERENCES customers.event_journal (position));
