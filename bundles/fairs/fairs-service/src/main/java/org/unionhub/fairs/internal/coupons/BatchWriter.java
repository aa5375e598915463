package org.unionhub.fairs.internal.coupons;

import java.sql.Connection;
import java.sql.SQLException;

/** Writes what goes with a new batch (its terms) on the connection that creates it, in the same transaction. */
public interface BatchWriter {

    /** {@code month}: 0 for the first batch of a monthly series; {@code firstBatchId}: that first batch. */
    void write(Connection c, long batchId, int month, long firstBatchId) throws SQLException;
}
