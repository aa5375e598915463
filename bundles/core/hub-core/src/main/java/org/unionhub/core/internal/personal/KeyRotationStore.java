package org.unionhub.core.internal.personal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.unionhub.api.db.Sql;
import org.unionhub.api.personal.SealedColumn;

/**
 * The SQL of a key rotation over one module's sealed column. Table and column names come from the modules'
 * declarations in code, never from a request.
 */
final class KeyRotationStore {

    static final int BATCH = 200;

    record Row(long id, String sealed, String index) {
    }

    private KeyRotationStore() {
    }

    static List<Row> batch(Connection c, SealedColumn s, long after) throws SQLException {
        String index = s.indexColumn() == null ? "CAST(NULL AS VARCHAR(1))" : s.indexColumn();
        return Sql.list(c, "SELECT " + s.idColumn() + ", " + s.sealedColumn() + ", " + index + " FROM " + s.table()
                + " WHERE " + s.idColumn() + " > ? AND " + s.sealedColumn() + " IS NOT NULL AND " + s.sealedColumn()
                + " <> '' ORDER BY " + s.idColumn() + " FETCH FIRST " + BATCH + " ROWS ONLY",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)), after);
    }

    /** Seals one row again, unless it changed since it was read (then its writer used the new key). */
    static int update(Connection c, SealedColumn s, Row r, String sealed, String index) throws SQLException {
        if (s.indexColumn() == null) {
            return Sql.update(c, "UPDATE " + s.table() + " SET " + s.sealedColumn() + " = ? WHERE " + s.idColumn()
                    + " = ? AND " + s.sealedColumn() + " = ?", sealed, r.id(), r.sealed());
        }
        return Sql.update(c, "UPDATE " + s.table() + " SET " + s.sealedColumn() + " = ?, " + s.indexColumn() + " = ? WHERE "
                + s.idColumn() + " = ? AND " + s.sealedColumn() + " = ?", sealed, index, r.id(), r.sealed());
    }
}
