package org.unionhub.core.internal.figures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.db.Sql;

/** The SQL of figures upward: the organisation tree below a node, and the region's targets. */
final class FiguresStore {

    /** An organisation of the tree, with its path ('/1/4/17/') from which its depth is read. */
    record OrgNode(long id, String name, String kind, Long parentId, String path) {
        int depth() {
            return path.length() - path.replace("/", "").length() - 1;
        }
    }

    private FiguresStore() {
    }

    /** {@code orgId} and every organisation below it, in tree order (by path). */
    static List<OrgNode> subtree(Connection c, long orgId) throws SQLException {
        String path = Sql.one(c, "SELECT PATH FROM HUB_ORG WHERE ID = ?", rs -> rs.getString(1), orgId).orElse(null);
        if (path == null) {
            return List.of();
        }
        return Sql.list(c, "SELECT ID, NAME, KIND, PARENT_ID, PATH FROM HUB_ORG WHERE PATH LIKE ? ORDER BY PATH",
                rs -> new OrgNode(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.getLong(rs, "PARENT_ID"),
                        rs.getString(5)), path + "%");
    }

    static List<Long> roots(Connection c) throws SQLException {
        return Sql.list(c, "SELECT ID FROM HUB_ORG WHERE PARENT_ID IS NULL ORDER BY ID", rs -> rs.getLong(1));
    }

    /** Targets of the period under the path: "orgId/module/figure" → target. */
    static Map<String, BigDecimal> targets(Connection c, String period, String rootPath) throws SQLException {
        Map<String, BigDecimal> out = new HashMap<>();
        Sql.forEach(c, "SELECT T.ORG_ID, T.MODULE, T.FIGURE, T.TARGET FROM HUB_FIGURE_TARGET T JOIN HUB_ORG O ON O.ID = T.ORG_ID "
                + "WHERE T.PERIOD = ? AND O.PATH LIKE ?", rs -> {
                    out.put(key(rs.getLong(1), rs.getString(2), rs.getString(3)), rs.getBigDecimal(4));
                    return null;
                }, period, rootPath + "%");
        return out;
    }

    static String key(long orgId, String module, String figure) {
        return orgId + "/" + module + "/" + figure;
    }

    /** Sets (or replaces) one target: an UPDATE, else an INSERT; the primary key backs a race between two. */
    static void setTarget(Connection c, long orgId, String period, String module, String figure, BigDecimal target,
            String by) throws SQLException {
        Instant now = Instant.now();
        if (Sql.update(c, "UPDATE HUB_FIGURE_TARGET SET TARGET = ?, SET_BY = ?, SET_AT = ? WHERE ORG_ID = ? AND PERIOD = ? "
                + "AND MODULE = ? AND FIGURE = ?", target, by, now, orgId, period, module, figure) == 0) {
            Sql.update(c, "INSERT INTO HUB_FIGURE_TARGET (ORG_ID, PERIOD, MODULE, FIGURE, TARGET, SET_BY, SET_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", orgId, period, module, figure, target, by, now);
        }
    }

    static int deleteTarget(Connection c, long orgId, String period, String module, String figure) throws SQLException {
        return Sql.update(c, "DELETE FROM HUB_FIGURE_TARGET WHERE ORG_ID = ? AND PERIOD = ? AND MODULE = ? AND FIGURE = ?",
                orgId, period, module, figure);
    }
}
