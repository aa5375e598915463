package org.unionhub.mutualaid.internal;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.HubSettings;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.validation.Texts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SQL of claims after submission (MUTUALAID_CLAIM, its steps, attachments and payout entry): rows in,
 * {@link Claim}s out. Every status change is conditional on the status read; the rules are {@link ClaimService}'s.
 */
final class ClaimStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sorts of the claims list; indexes from migration V2 (sort column, ID). */
    private static final Keyset PAGES = Keyset.by("ID").sort("submittedOn", "SUBMITTED_ON", LocalDate.class);

    private final HubSettings settings;

    ClaimStore(HubSettings settings) {
        this.settings = settings;
    }

    Optional<ClaimService.Row> find(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM MUTUALAID_CLAIM WHERE ID = ?", this::row, id);
    }

    Page<ClaimService.Row> page(Connection c, String where, List<Object> params, PageRequest page) throws SQLException {
        return PAGES.page(c, "SELECT C.*", " FROM MUTUALAID_CLAIM C" + where, params, page, this::row);
    }

    /** The plan's claims not yet sampled that a second review may still catch (before payment). */
    List<ClaimService.Row> sampleable(Connection c, long planId) throws SQLException {
        return Sql.list(c, "SELECT * FROM MUTUALAID_CLAIM WHERE PLAN_ID = ? AND SECOND_REVIEW = 'NONE' "
                + "AND STATUS IN ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED') ORDER BY ID", this::row, planId);
    }

    static void markSampled(Connection c, long id) throws SQLException {
        Sql.update(c, "UPDATE MUTUALAID_CLAIM SET SECOND_REVIEW = 'PENDING' WHERE ID = ? AND SECOND_REVIEW = 'NONE'", id);
    }

    /** Answers 0 unless the claim is APPROVED and not waiting for a second review. */
    static int markPaid(Connection c, long id, LocalDate today, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE MUTUALAID_CLAIM SET STATUS = 'PAID', PAID_ON = ?, UPDATED_AT = ? WHERE ID = ? "
                + "AND STATUS = 'APPROVED' AND SECOND_REVIEW <> 'PENDING'", today, now, id);
    }

    /** The payout entry; the unique constraint on CLAIM_ID makes a second one impossible. */
    static void bookPayout(Connection c, Claim claim, LocalDate today, String username, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO MUTUALAID_LEDGER (PLAN_ID, KIND, AMOUNT, MEMBER_ID, CLAIM_ID, BOOKED_ON, BOOKED_BY, "
                + "BOOKED_AT) VALUES (?, 'PAYOUT', ?, ?, ?, ?, ?, ?)", claim.planId(), claim.payout(), claim.memberId(),
                claim.id(), today, username, now);
    }

    /** Answers 0 unless the claim is APPROVED and waiting for a second review. */
    static int confirmSecondReview(Connection c, long id, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE MUTUALAID_CLAIM SET SECOND_REVIEW = 'CONFIRMED', UPDATED_AT = ? WHERE ID = ? "
                + "AND STATUS = 'APPROVED' AND SECOND_REVIEW = 'PENDING'", now, id);
    }

    /** Moves the claim from {@code from} to {@code to}; a null {@code reason} keeps the one recorded. Answers 0 or 1. */
    static int move(Connection c, long id, ClaimStatus from, ClaimStatus to, String reason, Instant at) throws SQLException {
        return Sql.update(c, "UPDATE MUTUALAID_CLAIM SET STATUS = ?, DECISION_REASON = COALESCE(?, DECISION_REASON), "
                + "UPDATED_AT = ? WHERE ID = ? AND STATUS = ?", to, reason, at, id, from);
    }

    /** Gives back to the member's period total what an overturned approval had counted against its cap. */
    static void releasePeriodTotal(Connection c, ClaimService.Row r) throws SQLException {
        Sql.update(c, "UPDATE MUTUALAID_PERIOD_TOTAL SET APPROVED = APPROVED - ? WHERE PLAN_ID = ? AND MEMBER_ID = ? "
                + "AND PERIOD_START = ?", r.claim().payout(), r.claim().planId(), r.claim().memberId(), r.periodStart());
    }

    static void markOverturned(Connection c, long id) throws SQLException {
        Sql.update(c, "UPDATE MUTUALAID_CLAIM SET SECOND_REVIEW = 'OVERTURNED' WHERE ID = ?", id);
    }

    static void step(Connection c, long claimId, ClaimStatus from, ClaimStatus to, String actor, Instant at, String note)
            throws SQLException {
        Sql.update(c, "INSERT INTO MUTUALAID_CLAIM_STEP (CLAIM_ID, FROM_STATUS, TO_STATUS, ACTOR, OCCURRED_AT, NOTE) "
                + "VALUES (?, ?, ?, ?, ?, ?)", claimId, from, to, actor, at, note);
    }

    /** Stores a document streamed from memory; answers its id. */
    static long insertAttachment(Connection c, long claimId, AttachmentKind kind, String type, String fileName, byte[] bytes,
            String sha, String username, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO MUTUALAID_ATTACHMENT (CLAIM_ID, KIND, CONTENT_TYPE, "
                + "FILE_NAME, SIZE_BYTES, SHA256, CONTENT, UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, claimId);
            ps.setString(2, kind.name());
            ps.setString(3, type);
            ps.setString(4, fileName);
            ps.setLong(5, bytes.length);
            ps.setString(6, sha);
            ps.setBinaryStream(7, new ByteArrayInputStream(bytes), bytes.length);
            ps.setString(8, username);
            ps.setTimestamp(9, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static Optional<ClaimService.Content> content(Connection c, long claimId, long attachmentId) throws SQLException {
        return Sql.one(c, "SELECT CONTENT_TYPE, FILE_NAME, CONTENT FROM MUTUALAID_ATTACHMENT WHERE ID = ? "
                + "AND CLAIM_ID = ?", rs -> new ClaimService.Content(rs.getString(1), rs.getString(2), rs.getBytes(3)),
                attachmentId, claimId);
    }

    /** The claim with its steps and attachments (without their content). */
    Claim full(Connection c, ClaimService.Row r) throws SQLException {
        Claim b = r.claim();
        List<ClaimStep> steps = Sql.list(c, "SELECT * FROM MUTUALAID_CLAIM_STEP WHERE CLAIM_ID = ? ORDER BY ID",
                rs -> new ClaimStep(Sql.getEnum(rs, "FROM_STATUS", ClaimStatus.class), Sql.getEnum(rs, "TO_STATUS", ClaimStatus.class),
                        rs.getString("ACTOR"), Times.at(Sql.getInstant(rs, "OCCURRED_AT"), settings.zone()), rs.getString("NOTE")),
                b.id());
        List<Attachment> attachments = Sql.list(c, "SELECT ID, CLAIM_ID, KIND, CONTENT_TYPE, FILE_NAME, SIZE_BYTES, SHA256, "
                + "UPLOADED_BY, UPLOADED_AT FROM MUTUALAID_ATTACHMENT WHERE CLAIM_ID = ? ORDER BY ID",
                rs -> new Attachment(rs.getLong(1), rs.getLong(2), Sql.getEnum(rs, "KIND", AttachmentKind.class), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                        Times.at(Sql.getInstant(rs, "UPLOADED_AT"), settings.zone())), b.id());
        return new Claim(b.id(), b.planId(), b.planVersion(), b.memberId(), b.orgId(), b.hospital(), b.admittedOn(),
                b.dischargedOn(), b.totalExpenses(), b.reimbursed(), b.selfPaid(), b.status(), b.computedPayout(), b.payout(),
                b.payoutReason(), b.breakdown(), b.secondReview(), b.decisionReason(), b.event(), b.familyMemberId(), steps,
                attachments, b.createdAt(),
                b.updatedAt());
    }

    private ClaimService.Row row(ResultSet rs) throws SQLException {
        Claim claim = new Claim(rs.getLong("ID"), rs.getLong("PLAN_ID"), rs.getInt("VERSION_NO"), rs.getLong("MEMBER_ID"),
                rs.getLong("ORG_ID"), Texts.blankToNull(rs.getString("HOSPITAL")), Sql.getDate(rs, "ADMITTED_ON"),
                Sql.getDate(rs, "DISCHARGED_ON"),
                rs.getBigDecimal("TOTAL_EXPENSES"), rs.getBigDecimal("REIMBURSED"), rs.getBigDecimal("SELF_PAID"),
                Sql.getEnum(rs, "STATUS", ClaimStatus.class), rs.getBigDecimal("COMPUTED_PAYOUT"), rs.getBigDecimal("PAYOUT"),
                rs.getString("PAYOUT_REASON"), breakdown(rs.getString("BREAKDOWN")),
                Sql.getEnum(rs, "SECOND_REVIEW", SecondReview.class), rs.getString("DECISION_REASON"),
                Sql.getEnum(rs, "EVENT", ClaimEvent.class), Sql.getLong(rs, "FAMILY_MEMBER_ID"), null, null,
                Times.at(Sql.getInstant(rs, "CREATED_AT"), settings.zone()),
                Times.at(Sql.getInstant(rs, "UPDATED_AT"), settings.zone()));
        return new ClaimService.Row(claim, Sql.getDate(rs, "PERIOD_START"), rs.getString("APPROVED_BY"));
    }

    private static Breakdown breakdown(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, Breakdown.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable breakdown: " + e.getMessage(), e);
        }
    }

    static String json(Breakdown b) {
        try {
            return JSON.writeValueAsString(b);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
