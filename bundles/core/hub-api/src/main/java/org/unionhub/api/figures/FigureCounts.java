package org.unionhub.api.figures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.unionhub.api.db.Sql;

/** Helps a module answer {@link ModuleFigures#countedAt}: one grouped query per figure, added into one map. */
public final class FigureCounts {

    private FigureCounts() {
    }

    /**
     * Runs {@code sql}, which answers (organisation id, value) rows — {@code SELECT ORG_ID, COUNT(*) … GROUP BY
     * ORG_ID} — and adds each value to {@code figure} of its organisation in {@code into}; NULL values are skipped.
     */
    public static void add(Connection c, Map<Long, Map<String, BigDecimal>> into, String figure, String sql,
            Object... params) throws SQLException {
        Sql.forEach(c, sql, rs -> {
            BigDecimal v = rs.getBigDecimal(2);
            if (v != null) {
                into.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(figure, v, BigDecimal::add);
            }
            return null;
        }, params);
    }
}
