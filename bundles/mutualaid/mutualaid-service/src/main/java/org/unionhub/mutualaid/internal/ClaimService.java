package org.unionhub.mutualaid.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.mutualaid.api.Attachment;
import org.unionhub.mutualaid.api.AttachmentKind;
import org.unionhub.mutualaid.api.Breakdown;
import org.unionhub.mutualaid.api.Claim;
import org.unionhub.mutualaid.api.ClaimEvent;
import org.unionhub.mutualaid.api.ClaimRequest;
import org.unionhub.mutualaid.api.ClaimStatus;
import org.unionhub.mutualaid.api.ClaimStep;
import org.unionhub.mutualaid.api.Decision;
import org.unionhub.mutualaid.api.MutualAidTopics;
import org.unionhub.mutualaid.api.SampleRequest;
import org.unionhub.mutualaid.api.SampleResult;
import org.unionhub.mutualaid.api.SecondReview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Claims: submission with its refusals, the review steps, the computed payout, payment into the ledger,
 * sampling for a second review, and documents. Medical details are shown only to the member himself and to
 * the reviewers of his organisation chain, and every read of a claim is audited.
 */
@Component(service = ClaimService.class)
public class ClaimService {

    /** A claim with what the rules need beside the public view. */
    record Row(Claim claim, LocalDate periodStart, String approvedBy) {
        long id() {
            return claim.id();
        }
    }

    /** An attachment's content for download. */
    public record Content(String contentType, String fileName, byte[] bytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<ClaimStatus> OPEN_FOR_DOCUMENTS = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW,
            ClaimStatus.RETURNED);

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;
    private final MemberDirectory directory;
    private final PlanService plans;
    private final MutualAidSettings config;
    private final SecureRandom random = new SecureRandom();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ClaimService(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference HubSettings settings, @Reference MemberDirectory directory, @Reference PlanService plans,
            @Reference MutualAidSettings config) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.directory = directory;
        this.plans = plans;
        this.config = config;
    }

    // ---- reads

    public Claim get(Caller caller, long id) {
        return db.inTransaction(c -> {
            Row r = visible(c, caller, id);
            // who read whose medical data: the member's id, never his values
            audit.record(c, caller, "mutualaid.claim.read", "claim", id, Map.of("memberId", r.claim().memberId()));
            return full(c, r);
        });
    }

    /** Sorts of the claims list; indexes from migration V2 (sort column, ID). */
    private static final Keyset PAGES = Keyset.by("ID").sort("submittedOn", "SUBMITTED_ON", java.time.LocalDate.class);

    public Page<Claim> list(Caller caller, Long planId, ClaimStatus status, Long memberId, PageRequest page) {
        return db.inTransaction(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (planId != null) {
                where.append(" AND PLAN_ID = ?");
                params.add(planId);
            }
            if (status != null) {
                where.append(" AND STATUS = ?");
                params.add(status);
            }
            if (memberId != null) {
                where.append(" AND MEMBER_ID = ?");
                params.add(memberId);
            }
            // the caller's scope is part of the query: reviewers their organisation's subtree (without an OR for
            // their own claims, which would keep Derby from joining the subquery), others their own claims
            boolean reviewer = caller.isAdmin()
                    || Access.handlesClaims(caller) && OrgScope.appendFor(caller, directory, "ORG_ID", where, params);
            if (!reviewer) {
                where.append(" AND MEMBER_ID = ?");
                params.add(caller.memberId() == null ? -1L : caller.memberId());
            }
            Page<Row> rows = PAGES.page(c, "SELECT C.*", " FROM MUTUALAID_CLAIM C" + where, params, page, this::row);
            List<Claim> items = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (Row r : rows.items()) {
                ids.add(r.id());
                items.add(r.claim());
            }
            ClaimReads.auditList(audit, c, caller, planId, status, memberId, ids);
            return new Page<>(items, rows.total(), rows.offset(), rows.limit(), rows.nextCursor(), rows.totalExact());
        });
    }

    // ---- review steps

    public Claim review(Caller caller, long id, Decision d) {
        Access.requireRole(caller, Duty.REVIEW);
        return move(caller, id, EnumSet.of(ClaimStatus.SUBMITTED), ClaimStatus.UNDER_REVIEW, note(d), false,
                "mutualaid.claim.review");
    }

    public Claim reject(Caller caller, long id, Decision d) {
        String reason = requireReason(d);
        if (!Access.hasDutyRole(caller, Duty.REVIEW) && !Access.hasDutyRole(caller, Duty.APPROVE)) {
            throw HubException.forbidden("rejecting a claim requires role admin, or officer with "
                    + MutualAidModule.CLAIMS_REVIEWER + " or " + MutualAidModule.CLAIMS_APPROVER);
        }
        Claim claim = move(caller, id, EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW, ClaimStatus.RETURNED,
                ClaimStatus.APPROVED), ClaimStatus.REJECTED, reason, false, "mutualaid.claim.reject");
        Events.post(events, MutualAidTopics.CLAIM_REJECTED, "claimId", id, "planId", claim.planId(), "memberId", claim.memberId());
        return claim;
    }

    public Claim returnForDocuments(Caller caller, long id, Decision d) {
        String reason = requireReason(d);
        Access.requireRole(caller, Duty.REVIEW);
        Claim claim = move(caller, id, EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW), ClaimStatus.RETURNED, reason,
                false, "mutualaid.claim.return");
        Events.post(events, MutualAidTopics.CLAIM_RETURNED, "claimId", id, "planId", claim.planId(), "memberId", claim.memberId());
        return claim;
    }

    /** The member (or an officer on his behalf) sends a returned claim back, usually after adding documents. */
    public Claim resubmit(Caller caller, long id, Decision d) {
        return move(caller, id, EnumSet.of(ClaimStatus.RETURNED), ClaimStatus.SUBMITTED, note(d), true,
                "mutualaid.claim.resubmit");
    }

    public Claim pay(Caller caller, long id) {
        Access.requireRole(caller, Duty.PAY);
        Claim claim = db.inTransaction(c -> {
            Row r = actionable(c, caller, id, false);
            Instant now = Instant.now();
            LocalDate today = plans.today();
            if (Sql.update(c, "UPDATE MUTUALAID_CLAIM SET STATUS = 'PAID', PAID_ON = ?, UPDATED_AT = ? WHERE ID = ? "
                    + "AND STATUS = 'APPROVED' AND SECOND_REVIEW <> 'PENDING'", today, now, id) == 0) {
                if (r.claim().status() == ClaimStatus.APPROVED && r.claim().secondReview() == SecondReview.PENDING) {
                    throw HubException.conflict("secondReview", "claim " + id + " is sampled for a second review; "
                            + "it can be paid once another reviewer confirmed it");
                }
                throw stateConflict(c, id, "pay", EnumSet.of(ClaimStatus.APPROVED));
            }
            Duties.require(c, id, caller, Duty.PAY);
            // checked and debited in this transaction; the fund row's lock queues concurrent payers
            FundBalance.debit(c, r.claim().planId(), r.claim().payout(), id);
            // the unique constraint on CLAIM_ID makes a second payout entry impossible
            Sql.update(c, "INSERT INTO MUTUALAID_LEDGER (PLAN_ID, KIND, AMOUNT, MEMBER_ID, CLAIM_ID, BOOKED_ON, BOOKED_BY, "
                    + "BOOKED_AT) VALUES (?, 'PAYOUT', ?, ?, ?, ?, ?, ?)", r.claim().planId(), r.claim().payout(),
                    r.claim().memberId(), id, today, caller.username(), now);
            step(c, id, ClaimStatus.APPROVED, ClaimStatus.PAID, caller, null, now);
            audit.record(c, caller, "mutualaid.claim.pay", "claim", id,
                    Map.of("status", ClaimStatus.PAID, "payout", r.claim().payout()));
            return full(c, load(c, id));
        });
        Events.post(events, MutualAidTopics.CLAIM_PAID, "claimId", id, "planId", claim.planId(), "memberId", claim.memberId(),
                "amount", claim.payout().toPlainString());
        return claim;
    }

    /** A second reviewer, not the approver, confirms a sampled approval; or rejects it with {@code reject}. */
    public Claim confirmSecondReview(Caller caller, long id, Decision d) {
        Access.requireRole(caller, Duty.SECOND_REVIEW);
        return db.inTransaction(c -> {
            actionable(c, caller, id, false);
            if (Sql.update(c, "UPDATE MUTUALAID_CLAIM SET SECOND_REVIEW = 'CONFIRMED', UPDATED_AT = ? WHERE ID = ? "
                    + "AND STATUS = 'APPROVED' AND SECOND_REVIEW = 'PENDING'", Instant.now(), id) == 0) {
                throw HubException.conflict("secondReview", "claim " + id + " is not an approved claim waiting for a second review");
            }
            Duties.require(c, id, caller, Duty.SECOND_REVIEW);
            step(c, id, ClaimStatus.APPROVED, ClaimStatus.APPROVED, caller, "second review confirmed"
                    + (note(d) == null ? "" : ": " + note(d)), Instant.now());
            audit.record(c, caller, "mutualaid.claim.second-review", "claim", id, Map.of("secondReview", SecondReview.CONFIRMED));
            return full(c, load(c, id));
        });
    }

    public SampleResult sample(Caller caller, SampleRequest req) {
        Access.requireRole(caller, Duty.REVIEW);
        Validation v = new Validation();
        v.required("planId", req.planId());
        v.valid("percent", req.percent(), p -> p >= 1 && p <= 100, "must be between 1 and 100");
        RulesCheck.amount(v, "above", req.above());
        v.check(req.percent() != null || req.above() != null, "percent", "give a percent, an amount (above), or both");
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            plans.findHead(c, req.planId())
                    .orElseThrow(() -> HubException.invalid("planId", "plan " + req.planId() + " does not exist"));
            List<Row> rows = Sql.list(c, "SELECT * FROM MUTUALAID_CLAIM WHERE PLAN_ID = ? AND SECOND_REVIEW = 'NONE' "
                    + "AND STATUS IN ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED') ORDER BY ID", this::row, req.planId());
            List<Row> candidates = rows.stream().filter(r -> Access.reviews(caller, orgOf(r), directory)).toList();
            List<Long> picked = new ArrayList<>();
            List<Row> rest = new ArrayList<>();
            for (Row r : candidates) {
                if (req.above() != null && r.claim().selfPaid().compareTo(req.above()) >= 0) {
                    picked.add(r.id());
                } else {
                    rest.add(r);
                }
            }
            if (req.percent() != null && !rest.isEmpty()) {
                Collections.shuffle(rest, random);
                int n = (int) Math.ceil(rest.size() * req.percent() / 100.0);
                rest.subList(0, n).forEach(r -> picked.add(r.id()));
            }
            Collections.sort(picked);
            for (Long id : picked) {
                Sql.update(c, "UPDATE MUTUALAID_CLAIM SET SECOND_REVIEW = 'PENDING' WHERE ID = ? AND SECOND_REVIEW = 'NONE'", id);
                audit.record(c, caller, "mutualaid.claim.sample", "claim", id, Map.of("secondReview", SecondReview.PENDING));
            }
            return new SampleResult(req.planId(), candidates.size(), picked);
        });
    }

    // ---- documents

    public Attachment upload(Caller caller, long claimId, String kindText, String fileName, String declaredType, InputStream in) {
        Validation v = new Validation();
        v.required("kind", kindText);
        AttachmentKind kind = null;
        if (kindText != null && !kindText.isBlank()) {
            try {
                kind = AttachmentKind.valueOf(kindText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.error("kind", "must be one of " + java.util.Arrays.toString(AttachmentKind.values()));
            }
        }
        v.maxLength("fileName", fileName, 200);
        v.throwIfInvalid();
        byte[] bytes = readLimited(in, config.attachmentMaxBytes());
        if (bytes.length == 0) {
            throw HubException.invalid("body", "the document is empty");
        }
        String type = FileTypes.detect(bytes);
        if (type == null) {
            throw HubException.invalid("body", "must be a PDF, JPEG or PNG file (checked by its first bytes)");
        }
        String declared = declaredType == null ? null : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (FileTypes.isDocumentType(declared) && !declared.equals(type)) {
            throw HubException.invalid("Content-Type", "says " + declared + " but the content is " + type);
        }
        AttachmentKind k = kind;
        String sha = sha256(bytes);
        return db.inTransaction(c -> {
            Row r = load(c, claimId);
            long org = orgOf(r);
            if (!Access.actsFor(caller, r.claim().memberId(), org, directory) && !Access.reviews(caller, org, directory)) {
                throw HubException.notFound("claim", claimId);
            }
            if (!OPEN_FOR_DOCUMENTS.contains(r.claim().status())) {
                throw HubException.conflict("claim " + claimId + " is " + r.claim().status() + "; documents are accepted while "
                        + "it is " + OPEN_FOR_DOCUMENTS);
            }
            Instant now = Instant.now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO MUTUALAID_ATTACHMENT (CLAIM_ID, KIND, CONTENT_TYPE, "
                    + "FILE_NAME, SIZE_BYTES, SHA256, CONTENT, UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, claimId);
                ps.setString(2, k.name());
                ps.setString(3, type);
                ps.setString(4, blankToNull(fileName));
                ps.setLong(5, bytes.length);
                ps.setString(6, sha);
                ps.setBinaryStream(7, new ByteArrayInputStream(bytes), bytes.length);
                ps.setString(8, caller.username());
                ps.setTimestamp(9, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            audit.record(c, caller, "mutualaid.attachment.create", "claim", claimId,
                    Map.of("attachmentId", id, "kind", k, "contentType", type, "size", bytes.length));
            return new Attachment(id, claimId, k, type, blankToNull(fileName), bytes.length, sha, caller.username(),
                    Times.at(now, settings.zone()));
        });
    }

    public Content download(Caller caller, long claimId, long attachmentId) {
        return db.inTransaction(c -> {
            Row r = visible(c, caller, claimId);
            Content content = Sql.one(c, "SELECT CONTENT_TYPE, FILE_NAME, CONTENT FROM MUTUALAID_ATTACHMENT WHERE ID = ? "
                    + "AND CLAIM_ID = ?", rs -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), attachmentId, claimId)
                    .orElseThrow(() -> HubException.notFound("attachment", attachmentId));
            audit.record(c, caller, "mutualaid.attachment.read", "claim", claimId, Map.of("attachmentId", attachmentId,
                    "memberId", r.claim().memberId()));
            return content;
        });
    }

    // ---- internals

    private Claim move(Caller caller, long id, Set<ClaimStatus> from, ClaimStatus to, String note, boolean submitterStep,
            String action) {
        if (!submitterStep) {
            Access.requireHandler(caller);
        }
        return db.inTransaction(c -> {
            Row r = actionable(c, caller, id, submitterStep);
            // an officer may resubmit for his member without the reviewer role, but may not read the claim
            boolean reads = Access.readsClaim(caller, r.claim().memberId(), orgOf(r), directory);
            ClaimStatus now = r.claim().status();
            if (!from.contains(now)) {
                if (!reads) {
                    throw HubException.conflict("status", "claim " + id + " cannot be sent back now");
                }
                throw stateConflict(c, id, action.substring(action.lastIndexOf('.') + 1), from);
            }
            boolean releases = now == ClaimStatus.APPROVED;
            if (releases) {
                // only a second reviewer may overturn an approval that was sampled and not yet paid
                if (r.claim().secondReview() != SecondReview.PENDING) {
                    throw stateConflict(c, id, action.substring(action.lastIndexOf('.') + 1), EnumSet.of(ClaimStatus.SUBMITTED,
                            ClaimStatus.UNDER_REVIEW, ClaimStatus.RETURNED));
                }
                Access.requireRole(caller, Duty.SECOND_REVIEW);
            }
            Instant at = Instant.now();
            int n = Sql.update(c, "UPDATE MUTUALAID_CLAIM SET STATUS = ?, DECISION_REASON = COALESCE(?, DECISION_REASON), "
                    + "UPDATED_AT = ? WHERE ID = ? AND STATUS = ?", to, to == ClaimStatus.REJECTED || to == ClaimStatus.RETURNED
                            ? note : null, at, id, now);
            if (n == 0) {
                throw reads ? stateConflict(c, id, action.substring(action.lastIndexOf('.') + 1), from)
                        : HubException.conflict("status", "claim " + id + " cannot be sent back now");
            }
            if (to == ClaimStatus.UNDER_REVIEW) {
                if (!Access.higherLevel(caller, r.claim().orgId())) {
                    throw HubException.forbidden("a claim is reviewed by a union above the member's own; the member's "
                            + "union (organisation " + r.claim().orgId() + ") collects it");
                }
                Duties.require(c, id, caller, Duty.REVIEW);
            } else if (releases) {
                Duties.require(c, id, caller, Duty.SECOND_REVIEW);
            }
            if (releases) {
                if (r.claim().event() == ClaimEvent.HOSPITAL_STAY) {
                    // a fixed sum never counted against the period's cap (ClaimApprovals)
                    Sql.update(c, "UPDATE MUTUALAID_PERIOD_TOTAL SET APPROVED = APPROVED - ? WHERE PLAN_ID = ? AND MEMBER_ID = ? "
                            + "AND PERIOD_START = ?", r.claim().payout(), r.claim().planId(), r.claim().memberId(), r.periodStart());
                }
                Sql.update(c, "UPDATE MUTUALAID_CLAIM SET SECOND_REVIEW = 'OVERTURNED' WHERE ID = ?", id);
            }
            step(c, id, now, to, caller, note, at);
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("status", to);
            ch.put("from", now);
            audit.record(c, caller, action, "claim", id, ch);
            return reads ? full(c, load(c, id)) : withoutDetails(load(c, id).claim());
        });
    }

    /** What a caller who acts for the member but may not read his medical details gets back: ids and status. */
    private static Claim withoutDetails(Claim b) {
        return new Claim(b.id(), b.planId(), b.planVersion(), b.memberId(), b.orgId(), null, null, null, null, null, null,
                b.status(), null, null, null, null, null, null, b.event(), null, List.of(), List.of(), b.createdAt(), b.updatedAt());
    }

    /** Loads a claim the caller may act on: 404 when he may not even see it, 403 when he may see but not act. */
    Row actionable(Connection c, Caller caller, long id, boolean submitterStep) throws SQLException {
        Row r = load(c, id);
        long org = orgOf(r);
        boolean reviewer = Access.reviews(caller, org, directory);
        if (submitterStep) {
            if (!reviewer && !Access.actsFor(caller, r.claim().memberId(), org, directory)) {
                throw HubException.notFound("claim", id);
            }
            return r;
        }
        if (!reviewer) {
            if (Access.readsClaim(caller, r.claim().memberId(), org, directory)) {
                throw HubException.forbidden("only reviewers of the member's organisation chain may do this");
            }
            throw HubException.notFound("claim", id);
        }
        return r;
    }

    private Row visible(Connection c, Caller caller, long id) throws SQLException {
        Row r = load(c, id);
        if (!Access.readsClaim(caller, r.claim().memberId(), orgOf(r), directory)) {
            throw HubException.notFound("claim", id);
        }
        return r;
    }

    /** The member's organisation now (he may have moved since he claimed); the one at submission if he is gone. */
    long orgOf(Row r) {
        return directory.member(r.claim().memberId()).map(MemberInfo::orgId).orElse(r.claim().orgId());
    }

    Row load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM MUTUALAID_CLAIM WHERE ID = ?", this::row, id)
                .orElseThrow(() -> HubException.notFound("claim", id));
    }

    Claim full(Connection c, Row r) throws SQLException {
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

    private Row row(ResultSet rs) throws SQLException {
        Claim claim = new Claim(rs.getLong("ID"), rs.getLong("PLAN_ID"), rs.getInt("VERSION_NO"), rs.getLong("MEMBER_ID"),
                rs.getLong("ORG_ID"), blankToNull(rs.getString("HOSPITAL")), Sql.getDate(rs, "ADMITTED_ON"), Sql.getDate(rs, "DISCHARGED_ON"),
                rs.getBigDecimal("TOTAL_EXPENSES"), rs.getBigDecimal("REIMBURSED"), rs.getBigDecimal("SELF_PAID"),
                Sql.getEnum(rs, "STATUS", ClaimStatus.class), rs.getBigDecimal("COMPUTED_PAYOUT"), rs.getBigDecimal("PAYOUT"),
                rs.getString("PAYOUT_REASON"), breakdown(rs.getString("BREAKDOWN")),
                Sql.getEnum(rs, "SECOND_REVIEW", SecondReview.class), rs.getString("DECISION_REASON"),
                Sql.getEnum(rs, "EVENT", ClaimEvent.class), Sql.getLong(rs, "FAMILY_MEMBER_ID"), null, null,
                Times.at(Sql.getInstant(rs, "CREATED_AT"), settings.zone()),
                Times.at(Sql.getInstant(rs, "UPDATED_AT"), settings.zone()));
        return new Row(claim, Sql.getDate(rs, "PERIOD_START"), rs.getString("APPROVED_BY"));
    }

    static void step(Connection c, long claimId, ClaimStatus from, ClaimStatus to, Caller caller, String note,
            Instant at) throws SQLException {
        Sql.update(c, "INSERT INTO MUTUALAID_CLAIM_STEP (CLAIM_ID, FROM_STATUS, TO_STATUS, ACTOR, OCCURRED_AT, NOTE) "
                + "VALUES (?, ?, ?, ?, ?, ?)", claimId, from, to, caller.username(), at, note);
    }

    HubException stateConflict(Connection c, long id, String verb, Set<ClaimStatus> from) throws SQLException {
        ClaimStatus now = load(c, id).claim().status();
        return HubException.conflict("status", "claim " + id + " is " + now + "; " + verb + " needs " + (from.size() == 1
                ? from.iterator().next() : "one of " + from));
    }

    static HubException refused(int status, String field, String code, String text) {
        String message = code + ": " + text;
        return new HubException(status, status == 409 ? "Conflict" : "Claim refused", message,
                List.of(new FieldError(field, message)));
    }

    private static String requireReason(Decision d) {
        String reason = d == null ? null : blankToNull(d.reason());
        Validation v = new Validation();
        v.required("reason", reason).maxLength("reason", reason, 1000);
        v.throwIfInvalid();
        return reason;
    }

    static String note(Decision d) {
        String n = d == null ? null : blankToNull(d.reason());
        if (n != null && n.length() > 1000) {
            throw HubException.invalid("reason", "must be at most 1000 characters");
        }
        return n;
    }

    private static byte[] readLimited(InputStream in, long max) {
        if (in == null) {
            return new byte[0];
        }
        try (InputStream body = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = body.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    throw new HubException(413, "Payload too large", "a document may have at most " + max + " bytes",
                            List.of(new FieldError("body", "larger than " + max + " bytes")));
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HubException.badRequest("body", "could not read the upload: " + e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Breakdown b) {
        try {
            return JSON.writeValueAsString(b);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
