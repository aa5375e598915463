package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.unionhub.api.db.RowMapper;
import org.unionhub.api.db.Sql;
import org.unionhub.api.validation.IdCardNumber;

/**
 * The SQL of the archive (MODELWORKERS_RECORD, its titles and status history): rows in, {@link Archive.Row}s out.
 * The rules are {@link Archive}'s; ID-card numbers arrive here sealed, indexed and masked already.
 */
final class RecordStore {

    static final String RECORD = "MODELWORKERS_RECORD";
    static final String COLUMNS = "R.ID, R.NAME, R.ID_SEALED, R.ID_MASKED, R.BIRTH_DATE, R.SEX, R.WORKPLACE, "
            + "R.ORG_ID, R.CONTACT, R.MEMBER_ID, R.STATUS, R.CREATED_AT, R.UPDATED_AT";

    private RecordStore() {
    }

    static Optional<Archive.Row> rowOf(Connection c, long recordId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM " + RECORD + " R WHERE R.ID = ?", RecordStore::row, recordId);
    }

    static Optional<Long> idByIndex(Connection c, String index) throws SQLException {
        return Sql.one(c, "SELECT ID FROM " + RECORD + " WHERE ID_INDEX = ?", rs -> rs.getLong(1), index);
    }

    /** Inserts the record with its first title and first history line; answers its id. */
    static long insert(Connection c, Archive.NewRecord n, String sealed, String index, String masked, String reason,
            String username, Instant now) throws SQLException {
        long id = Sql.insert(c, "INSERT INTO " + RECORD + " (NAME, ID_SEALED, ID_INDEX, ID_MASKED, BIRTH_DATE, SEX, WORKPLACE, "
                + "ORG_ID, CONTACT, MEMBER_ID, STATUS, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                n.name(), sealed, index, masked, n.id().birthDate(), n.id().sex().name(), n.workplace(), n.orgId(), n.contact(),
                n.memberId(), n.status(), now, now);
        insertTitle(c, id, n.level(), n.year(), n.awardingBody(), now);
        insertHistory(c, id, null, n.status(), reason, username, now);
        return id;
    }

    static void insertTitle(Connection c, long recordId, String level, int year, String awardingBody, Instant now)
            throws SQLException {
        Sql.insert(c, "INSERT INTO MODELWORKERS_TITLE (RECORD_ID, LEVEL_CODE, YEAR_AWARDED, AWARDING_BODY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", recordId, level, year, awardingBody, now);
    }

    static void insertHistory(Connection c, long recordId, RecordStatus from, RecordStatus to, String reason, String username,
            Instant now) throws SQLException {
        Sql.insert(c, "INSERT INTO MODELWORKERS_STATUS_HISTORY (RECORD_ID, FROM_STATUS, TO_STATUS, REASON, CHANGED_BY, CHANGED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?)", recordId, from, to, reason, username, now);
    }

    /** The editable columns; with a new ID-card number when {@code sealed} is not null. */
    static void update(Connection c, long recordId, String name, String workplace, long orgId, String contact, Long memberId,
            Instant now, String sealed, String index, String masked, IdCardNumber id) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE " + RECORD
                + " SET NAME = ?, WORKPLACE = ?, ORG_ID = ?, CONTACT = ?, MEMBER_ID = ?, UPDATED_AT = ?");
        List<Object> params = new ArrayList<>(List.of(name));
        params.add(workplace);
        params.add(orgId);
        params.add(contact);
        params.add(memberId);
        params.add(now);
        if (sealed != null) {
            sql.append(", ID_SEALED = ?, ID_INDEX = ?, ID_MASKED = ?, BIRTH_DATE = ?, SEX = ?");
            params.addAll(List.of(sealed, index, masked, id.birthDate(), id.sex().name()));
        }
        sql.append(" WHERE ID = ?");
        params.add(recordId);
        Sql.update(c, sql.toString(), params.toArray());
    }

    static boolean holdsTitle(Connection c, long recordId, String level, int year) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM MODELWORKERS_TITLE WHERE RECORD_ID = ? AND LEVEL_CODE = ? AND YEAR_AWARDED = ?",
                recordId, level, year) > 0;
    }

    /** The awarding body of a title held ("null" when the title has none), or empty when the title is not held. */
    static Optional<String> awardingBody(Connection c, long recordId, String level, int year) throws SQLException {
        return Sql.one(c, "SELECT AWARDING_BODY FROM MODELWORKERS_TITLE WHERE RECORD_ID = ? AND LEVEL_CODE = ? "
                + "AND YEAR_AWARDED = ?", rs -> String.valueOf(rs.getString(1)), recordId, level, year);
    }

    static void setAwardingBody(Connection c, long recordId, String level, int year, String awardingBody) throws SQLException {
        Sql.update(c, "UPDATE MODELWORKERS_TITLE SET AWARDING_BODY = ? WHERE RECORD_ID = ? AND LEVEL_CODE = ? "
                + "AND YEAR_AWARDED = ?", awardingBody, recordId, level, year);
    }

    static void touch(Connection c, long recordId) throws SQLException {
        Sql.update(c, "UPDATE " + RECORD + " SET UPDATED_AT = ? WHERE ID = ?", Instant.now(), recordId);
    }

    /** Conditional on the status read: answers 0 when another change came first. */
    static int setStatus(Connection c, long recordId, RecordStatus from, RecordStatus to, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE " + RECORD + " SET STATUS = ?, UPDATED_AT = ? WHERE ID = ? AND STATUS = ?", to, now,
                recordId, from);
    }

    static List<String> levelsOf(Connection c, long recordId) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT LEVEL_CODE FROM MODELWORKERS_TITLE WHERE RECORD_ID = ?", rs -> rs.getString(1),
                recordId);
    }

    /** Each title of the given records, handed to {@code each}. */
    static void titles(Connection c, List<Object> recordIds, TitleSink each) throws SQLException {
        Sql.list(c, "SELECT ID, RECORD_ID, LEVEL_CODE, YEAR_AWARDED, AWARDING_BODY FROM MODELWORKERS_TITLE WHERE RECORD_ID IN ("
                + "?, ".repeat(recordIds.size() - 1) + "?)", rs -> {
                    each.accept(rs.getLong("RECORD_ID"), new TitleView(rs.getLong("ID"), rs.getString("LEVEL_CODE"),
                            rs.getInt("YEAR_AWARDED"), rs.getString("AWARDING_BODY")));
                    return null;
                }, recordIds.toArray());
    }

    interface TitleSink {
        void accept(long recordId, TitleView title);
    }

    record HistoryRow(long id, RecordStatus from, RecordStatus to, String reason, String changedBy, Instant changedAt) {
    }

    static List<HistoryRow> history(Connection c, long recordId) throws SQLException {
        return Sql.list(c, "SELECT ID, FROM_STATUS, TO_STATUS, REASON, CHANGED_BY, CHANGED_AT FROM MODELWORKERS_STATUS_HISTORY "
                + "WHERE RECORD_ID = ? ORDER BY ID", rs -> new HistoryRow(rs.getLong("ID"),
                        Sql.getEnum(rs, "FROM_STATUS", RecordStatus.class), Sql.getEnum(rs, "TO_STATUS", RecordStatus.class),
                        rs.getString("REASON"), rs.getString("CHANGED_BY"), Sql.getInstant(rs, "CHANGED_AT")),
                recordId);
    }

    // ---- over a filter's WHERE clause (built by ArchiveSearch, aliasing the record table R)

    static long count(Connection c, String where, List<Object> params) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM " + RECORD + " R" + where, params.toArray());
    }

    static void countByLevel(Connection c, String where, List<Object> params, Map<String, Long> into) throws SQLException {
        Sql.list(c, "SELECT T.LEVEL_CODE, COUNT(DISTINCT T.RECORD_ID) FROM MODELWORKERS_TITLE T JOIN " + RECORD
                + " R ON R.ID = T.RECORD_ID" + where + " GROUP BY T.LEVEL_CODE",
                rs -> into.put(rs.getString(1), rs.getLong(2)), params.toArray());
    }

    static void countByStatus(Connection c, String where, List<Object> params, Map<String, Long> into) throws SQLException {
        Sql.list(c, "SELECT R.STATUS, COUNT(*) FROM " + RECORD + " R" + where + " GROUP BY R.STATUS",
                rs -> into.put(rs.getString(1), rs.getLong(2)), params.toArray());
    }

    /** Every matching record in id order through one cursor, each handed to {@code each} as it is read. */
    static void forEach(Connection c, String where, List<Object> params, RowMapper<?> each) throws SQLException {
        Sql.forEach(c, "SELECT " + COLUMNS + " FROM " + RECORD + " R" + where + " ORDER BY R.ID", each, params.toArray());
    }

    /** Whether the member has an ACTIVE or RETIRED record holding a title (one of {@code levels} when given). */
    static boolean isModelWorker(Connection c, long memberId, Set<String> levels) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM " + RECORD + " R WHERE R.MEMBER_ID = ? "
                + "AND R.STATUS IN ('ACTIVE', 'RETIRED') AND EXISTS (SELECT 1 FROM MODELWORKERS_TITLE T WHERE T.RECORD_ID = R.ID");
        List<Object> params = new ArrayList<>(List.of(memberId));
        if (levels != null && !levels.isEmpty()) {
            sql.append(" AND T.LEVEL_CODE IN (").append("?, ".repeat(levels.size() - 1)).append("?)");
            levels.forEach(l -> params.add(l.trim().toUpperCase()));
        }
        sql.append(")");
        return Sql.count(c, sql.toString(), params.toArray()) > 0;
    }

    static Archive.Row row(ResultSet rs) throws SQLException {
        return new Archive.Row(rs.getLong("ID"), rs.getString("NAME"), rs.getString("ID_SEALED"), rs.getString("ID_MASKED"),
                Sql.getDate(rs, "BIRTH_DATE"), rs.getString("SEX"), rs.getString("WORKPLACE"), rs.getLong("ORG_ID"),
                rs.getString("CONTACT"), Sql.getLong(rs, "MEMBER_ID"), Sql.getEnum(rs, "STATUS", RecordStatus.class),
                Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"));
    }
}
