package db.migration.orders;

import eventshop.events.CardNumbers;
import eventshop.orders.entity.IdempotencyKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Orders V3: no stored card number survives the switch to the gateway's tokens (issue 15).
 *
 * <ul>
 *   <li>Every card number in {@code orders.event_journal} (the OrderPlaced events of versions 1 and 2 held it) is
 *       masked to its last four digits ({@link CardNumbers#mask}), so that a replay can never send a number again:
 *       payments then declines such an order (no card to charge) instead of charging it.</li>
 *   <li>Every Idempotency-Key's fingerprint was a plain SHA-256 over a body that held the number (reversible by
 *       trying every number): it is erased ({@link IdempotencyKey#ERASED}). Such a key still answers with its
 *       order, whatever the body (the key alone must not place a second order).</li>
 * </ul>
 * Java, not SQL: the masking needs a regular expression replacement, which H2 and PostgreSQL write differently.
 * The orders journal is the only table that held a number: the other services' journals carry no OrderPlaced, and
 * commands to the gateway are not journaled (CardNumberTests searches every table after the suite).
 */
public class V3__Mask_card_numbers extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT position, body FROM orders.event_journal WHERE type = 'OrderPlaced' AND version < 3");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE orders.event_journal SET body = ? WHERE position = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String body = rows.getString(2);
                String masked = CardNumbers.mask(body);
                if (!masked.equals(body)) {
                    update.setString(1, masked);
                    update.setLong(2, rows.getLong(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        try (PreparedStatement erase = connection.prepareStatement("UPDATE orders.idempotency_key SET fingerprint = ?")) {
            erase.setString(1, IdempotencyKey.ERASED);
            erase.executeUpdate();
        }
    }
}
