package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;

/** The SQL of nominations (MODELWORKERS_NOMINATION, its materials and comments): rows in, {@link Nom}s out. */
final class NominationStore {

    static final String TABLE = "MODELWORKERS_NOMINATION";
    private static final String COLUMNS = "ID, ORG_ID, STATE, CANDIDATE_NAME, ID_SEALED, ID_INDEX, ID_MASKED, WORKPLACE, "
            + "CONTACT, PROPOSED_TITLE, ACHIEVEMENTS, RECORD_ID, DECISION_NOTE, CREATED_BY, SUBMITTED_BY, ROUND_NO, CREATED_AT, "
            + "UPDATED_AT, SUBMITTED_AT, DECIDED_AT, AT_ORG_ID";
    private static final Keyset PAGES = Keyset.by("ID");

    private NominationStore() {
    }

    record Nom(long id, long orgId, NominationState state, String candidateName, String sealed, String index,
            String masked, String workplace, String contact, String proposedTitle, String achievements, Long recordId,
            String decisionNote, String createdBy, String submittedBy, int round, Instant createdAt, Instant updatedAt,
            Instant submittedAt, Instant decidedAt, Long atOrgId) {
    }

    /** One attached material as stored, without its content. */
    record Material(String item, String fileName, String contentType, long size, Instant uploadedAt) {
    }

    record CommentRow(String field, String message, String createdBy, Instant createdAt) {
    }

    static long insert(Connection c, long orgId, String candidateName, String sealed, String index, String masked,
            String workplace, String contact, String proposedTitle, String achievements, String createdBy, Instant now)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO " + TABLE + " (ORG_ID, STATE, CANDIDATE_NAME, ID_SEALED, ID_INDEX, ID_MASKED, "
                + "WORKPLACE, CONTACT, PROPOSED_TITLE, ACHIEVEMENTS, CREATED_BY, ROUND_NO, CREATED_AT, UPDATED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", orgId, NominationState.DRAFT, candidateName, sealed, index,
                masked, workplace, contact, proposedTitle, achievements, createdBy, now, now);
    }

    /** The draft's fields, conditional on the state read: answers 0 when the nomination moved meanwhile. */
    static int update(Connection c, long nominationId, NominationState state, long orgId, String candidateName, String sealed,
            String index, String masked, String workplace, String contact, String proposedTitle, String achievements)
            throws SQLException {
        return Sql.update(c, "UPDATE " + TABLE + " SET ORG_ID = ?, CANDIDATE_NAME = ?, ID_SEALED = ?, ID_INDEX = ?, "
                + "ID_MASKED = ?, WORKPLACE = ?, CONTACT = ?, PROPOSED_TITLE = ?, ACHIEVEMENTS = ?, UPDATED_AT = ? "
                + "WHERE ID = ? AND STATE = ?", orgId, candidateName, sealed, index, masked, workplace, contact, proposedTitle,
                achievements, Instant.now(), nominationId, state);
    }

    /** Replaces the checklist item's file and touches the nomination. */
    static void putMaterial(Connection c, long nominationId, String item, String fileName, String contentType, byte[] content,
            String uploadedBy, Instant now) throws SQLException {
        Sql.update(c, "DELETE FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID = ? AND ITEM = ?", nominationId, item);
        Sql.insert(c, "INSERT INTO MODELWORKERS_MATERIAL (NOMINATION_ID, ITEM, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, CONTENT, "
                + "UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", nominationId, item, fileName, contentType,
                (long) content.length, content, uploadedBy, now);
        Sql.update(c, "UPDATE " + TABLE + " SET UPDATED_AT = ? WHERE ID = ?", now, nominationId);
    }

    static Optional<Attachment> material(Connection c, long nominationId, String item) throws SQLException {
        return Sql.one(c, "SELECT FILE_NAME, CONTENT_TYPE, CONTENT FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID = ? "
                + "AND ITEM = ?", rs -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), nominationId, item);
    }

    static List<String> attachedItems(Connection c, long nominationId) throws SQLException {
        return Sql.list(c, "SELECT ITEM FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID = ?", rs -> rs.getString(1), nominationId);
    }

    static List<Material> materials(Connection c, long nominationId) throws SQLException {
        return Sql.list(c, "SELECT ITEM, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, UPLOADED_AT FROM MODELWORKERS_MATERIAL "
                + "WHERE NOMINATION_ID = ?", rs -> new Material(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        Sql.getInstant(rs, "UPLOADED_AT")), nominationId);
    }

    static void addComment(Connection c, long nominationId, int round, String field, String message, String createdBy,
            Instant now) throws SQLException {
        Sql.insert(c, "INSERT INTO MODELWORKERS_NOMINATION_COMMENT (NOMINATION_ID, ROUND_NO, FIELD, MESSAGE, CREATED_BY, "
                + "CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)", nominationId, round, field, message, createdBy, now);
    }

    static List<CommentRow> comments(Connection c, long nominationId, int round) throws SQLException {
        return Sql.list(c, "SELECT FIELD, MESSAGE, CREATED_BY, CREATED_AT FROM "
                + "MODELWORKERS_NOMINATION_COMMENT WHERE NOMINATION_ID = ? AND ROUND_NO = ? ORDER BY ID",
                rs -> new CommentRow(rs.getString(1), rs.getString(2), rs.getString(3), Sql.getInstant(rs, "CREATED_AT")),
                nominationId, round);
    }

    /** Submits, conditional on the state read: answers 0 when the nomination moved meanwhile. */
    static int submit(Connection c, long nominationId, NominationState from, String username, Instant now, long atOrgId)
            throws SQLException {
        return Sql.update(c, "UPDATE " + TABLE + " SET STATE = ?, SUBMITTED_BY = ?, SUBMITTED_AT = ?, UPDATED_AT = ?, "
                + "AT_ORG_ID = ? WHERE ID = ? AND STATE = ?", NominationState.SUBMITTED, username, now, now, atOrgId,
                nominationId, from);
    }

    /** Hands a SUBMITTED nomination to the level above, conditional on where it was: answers 0 when it moved. */
    static int forward(Connection c, long nominationId, Long from, long to) throws SQLException {
        return Sql.update(c, "UPDATE " + TABLE + " SET AT_ORG_ID = ?, UPDATED_AT = ? WHERE ID = ? AND STATE = ? AND AT_ORG_ID = ?",
                to, Instant.now(), nominationId, NominationState.SUBMITTED, from);
    }

    /** Moves the nomination on, conditional on the state read; {@code extraSet} ends with ", ". Answers the rows changed. */
    static int move(Connection c, Nom nom, NominationState to, String extraSet, Object... extraParams) throws SQLException {
        List<Object> params = new ArrayList<>(Arrays.asList(extraParams));
        params.addAll(List.of(to, Instant.now(), nom.id(), nom.state()));
        return Sql.update(c, "UPDATE " + TABLE + " SET " + extraSet + "STATE = ?, UPDATED_AT = ? WHERE ID = ? AND STATE = ?",
                params.toArray());
    }

    static Optional<Nom> find(Connection c, long nominationId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE ID = ?", NominationStore::nom, nominationId);
    }

    /** A page of nominations under {@code where} (built by the caller, with its parameters). */
    static Page<Nom> page(Connection c, String where, List<Object> params, PageRequest page) throws SQLException {
        return PAGES.page(c, "SELECT " + COLUMNS, " FROM " + TABLE + where, params, page, NominationStore::nom);
    }

    private static Nom nom(ResultSet rs) throws SQLException {
        return new Nom(rs.getLong("ID"), rs.getLong("ORG_ID"), Sql.getEnum(rs, "STATE", NominationState.class),
                rs.getString("CANDIDATE_NAME"), rs.getString("ID_SEALED"), rs.getString("ID_INDEX"), rs.getString("ID_MASKED"),
                rs.getString("WORKPLACE"), rs.getString("CONTACT"), rs.getString("PROPOSED_TITLE"), rs.getString("ACHIEVEMENTS"),
                Sql.getLong(rs, "RECORD_ID"), rs.getString("DECISION_NOTE"), rs.getString("CREATED_BY"),
                rs.getString("SUBMITTED_BY"), rs.getInt("ROUND_NO"), Sql.getInstant(rs, "CREATED_AT"),
                Sql.getInstant(rs, "UPDATED_AT"), Sql.getInstant(rs, "SUBMITTED_AT"), Sql.getInstant(rs, "DECIDED_AT"),
                Sql.getLong(rs, "AT_ORG_ID"));
    }
}
