-- The warehouse's transactional outbox (eventshop.platform.messaging.Outbox), as orders V4: the journal positions
-- of the events a request committed (the ProductUpdated of PUT /api/products/{sku}) that the relay has not sent yet.
-- The relay deletes a row in the XA transaction that sends its event; what stays here is the backlog.
CREATE TABLE warehouse.outbox (position BIGINT NOT NULL PRIMARY KEY, CONSTRAINT warehouse_outbox_of_journal FOREIGN KEY (position) REFERENCES warehouse.event_journal (position));
