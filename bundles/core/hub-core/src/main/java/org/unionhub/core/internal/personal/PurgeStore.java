package org.unionhub.core.internal.personal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.db.Sql;

/** The SQL of the retention job's reports. */
final class PurgeStore {

    private PurgeStore() {
    }

    static long insert(Connection c, PurgeReport r) throws SQLException {
        long id = Sql.insert(c, "INSERT INTO HUB_PURGE_RUN (RAN_AT, AS_OF, RAN_BY, ROWS_CHANGED) VALUES (?, ?, ?, ?)",
                r.ranAt(), r.asOf(), r.ranBy(), r.rowsChanged());
        for (PurgeReport.Line l : r.lines()) {
            Sql.update(c, "INSERT INTO HUB_PURGE_LINE (RUN_ID, MODULE, KIND, DAYS, CUTOFF, ROWS_CHANGED) VALUES (?, ?, ?, ?, ?, ?)",
                    id, l.module(), l.kind(), l.days(), l.cutoff(), l.rowsChanged());
        }
        return id;
    }

    /** The latest {@code limit} runs, newest first, each with its lines. */
    static List<PurgeReport> latest(Connection c, int limit) throws SQLException {
        List<PurgeReport> runs = Sql.list(c, "SELECT ID, RAN_AT, AS_OF, RAN_BY, ROWS_CHANGED FROM HUB_PURGE_RUN ORDER BY ID DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY", rs -> new PurgeReport(rs.getLong("ID"), Sql.getInstant(rs, "RAN_AT"),
                        Sql.getInstant(rs, "AS_OF"), rs.getString("RAN_BY"), rs.getLong("ROWS_CHANGED"), List.of()));
        List<PurgeReport> out = new ArrayList<>();
        for (PurgeReport r : runs) {
            out.add(new PurgeReport(r.id(), r.ranAt(), r.asOf(), r.ranBy(), r.rowsChanged(), Sql.list(c,
                    "SELECT MODULE, KIND, DAYS, CUTOFF, ROWS_CHANGED FROM HUB_PURGE_LINE WHERE RUN_ID = ? ORDER BY MODULE, KIND",
                    rs -> new PurgeReport.Line(rs.getString("MODULE"), rs.getString("KIND"), rs.getInt("DAYS"),
                            Sql.getInstant(rs, "CUTOFF"), rs.getLong("ROWS_CHANGED")), r.id())));
        }
        return out;
    }
}
