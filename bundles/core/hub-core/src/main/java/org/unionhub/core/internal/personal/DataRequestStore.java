package org.unionhub.core.internal.personal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Sql;

/** The SQL of {@code HUB_DATA_REQUEST}. */
final class DataRequestStore {

    private static final String COLUMNS = "ID, MEMBER_ID, ORG_ID, KIND, DETAIL, STATUS, DECISION_REASON, CREATED_BY, "
            + "CREATED_AT, DECIDED_BY, DECIDED_AT";

    private DataRequestStore() {
    }

    static long insert(Connection c, long memberId, long orgId, String orgPath, String kind, String detail, String by)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO HUB_DATA_REQUEST (MEMBER_ID, ORG_ID, ORG_PATH, KIND, DETAIL, STATUS, CREATED_BY, "
                + "CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", memberId, orgId, orgPath, kind, detail, DataRequest.PENDING,
                by, Instant.now());
    }

    static Optional<DataRequest> get(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM HUB_DATA_REQUEST WHERE ID = ?", DataRequestStore::map, id);
    }

    static boolean pendingOf(Connection c, long memberId, String kind) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM HUB_DATA_REQUEST WHERE MEMBER_ID = ? AND KIND = ? AND STATUS = ?",
                memberId, kind, DataRequest.PENDING) > 0;
    }

    static List<DataRequest> ofMember(Connection c, long memberId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM HUB_DATA_REQUEST WHERE MEMBER_ID = ? ORDER BY ID DESC",
                DataRequestStore::map, memberId);
    }

    /** Requests of members within {@code pathPrefix} (null: all), newest first. */
    static Page<DataRequest> list(Connection c, String pathPrefix, String status, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (pathPrefix != null) {
            where.append(" AND ORG_PATH LIKE ?");
            params.add(pathPrefix + "%");
        }
        if (status != null) {
            where.append(" AND STATUS = ?");
            params.add(status);
        }
        long total = Sql.count(c, "SELECT COUNT(*) FROM HUB_DATA_REQUEST" + where, params.toArray());
        params.add(page.offset());
        params.add(page.limit());
        List<DataRequest> items = Sql.list(c, "SELECT " + COLUMNS + " FROM HUB_DATA_REQUEST" + where
                + " ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", DataRequestStore::map, params.toArray());
        return new Page<>(items, total, page.offset(), page.limit());
    }

    /** Decides a pending request; false when it was decided meanwhile. */
    static boolean decide(Connection c, long id, String status, String reason, String by) throws SQLException {
        return Sql.update(c, "UPDATE HUB_DATA_REQUEST SET STATUS = ?, DECISION_REASON = ?, DECIDED_BY = ?, DECIDED_AT = ? "
                + "WHERE ID = ? AND STATUS = ?", status, reason, by, Instant.now(), id, DataRequest.PENDING) == 1;
    }

    private static DataRequest map(ResultSet rs) throws SQLException {
        return new DataRequest(rs.getLong("ID"), rs.getLong("MEMBER_ID"), rs.getLong("ORG_ID"), rs.getString("KIND"),
                rs.getString("DETAIL"), rs.getString("STATUS"), rs.getString("DECISION_REASON"), rs.getString("CREATED_BY"),
                Sql.getInstant(rs, "CREATED_AT"), rs.getString("DECIDED_BY"), Sql.getInstant(rs, "DECIDED_AT"));
    }
}
