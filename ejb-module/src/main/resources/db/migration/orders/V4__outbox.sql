-- The orders service's transactional outbox (eventshop.platform.messaging.Outbox): the journal positions of the
-- events a request committed (OrderPlaced, the customer's OrderCancelled) that the relay has not sent yet. The
-- relay deletes a row in the XA transaction that sends its event; what stays here is the backlog.
CREATE TABLE orders.outbox (position BIGINT NOT NULL PRIMARY KEY, CONSTRAINT orders_outbox_of_journal FOREIGN KEY (position) REFERENCES orders.event_journal (position));
