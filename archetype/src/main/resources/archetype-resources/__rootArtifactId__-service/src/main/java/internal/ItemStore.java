#set( $TABLE = "${moduleId.toUpperCase()}_ITEM" )
package ${package}.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.db.Sql;

import ${package}.api.Item;

/**
 * The SQL of items (${TABLE}): rows in, {@link Item}s out, and no rule. The rules are {@link ItemServiceImpl}'s;
 * it calls these methods on the connection of its transaction.
 */
final class ItemStore {

    private static final String SELECT = "SELECT ID, ORG_ID, TITLE, NOTE, CREATED_AT, CREATED_BY FROM ${TABLE}";

    private final ZoneId zone;

    ItemStore(ZoneId zone) {
        this.zone = zone;
    }

    static boolean titleTaken(Connection c, long orgId, String title) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM ${TABLE} WHERE ORG_ID = ? AND TITLE = ?", orgId, title) > 0;
    }

    static long insert(Connection c, long orgId, String title, String note, String createdBy) throws SQLException {
        return Sql.insert(c, "INSERT INTO ${TABLE} (ORG_ID, TITLE, NOTE, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?)",
                orgId, title, note, Instant.now(), createdBy);
    }

    Optional<Item> find(Connection c, long id) throws SQLException {
        return Sql.one(c, SELECT + " WHERE ID = ?", this::map, id);
    }

    /** Items of the organisation ({@code orgId} null: all), newest first, and how many there are in all. */
    long count(Connection c, Long orgId) throws SQLException {
        return orgId == null ? Sql.count(c, "SELECT COUNT(*) FROM ${TABLE}")
                : Sql.count(c, "SELECT COUNT(*) FROM ${TABLE} WHERE ORG_ID = ?", orgId);
    }

    List<Item> page(Connection c, Long orgId, int offset, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (orgId != null) {
            where = " WHERE ORG_ID = ?";
            params.add(orgId);
        }
        params.add(offset);
        params.add(limit);
        return Sql.list(c, SELECT + where + " ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::map,
                params.toArray());
    }

    private Item map(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("ID"), rs.getLong("ORG_ID"), rs.getString("TITLE"), rs.getString("NOTE"),
                Sql.getInstant(rs, "CREATED_AT").atZone(zone).toOffsetDateTime(), rs.getString("CREATED_BY"));
    }
}
