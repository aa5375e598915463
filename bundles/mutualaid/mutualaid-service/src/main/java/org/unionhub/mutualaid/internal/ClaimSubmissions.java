package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Money;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.personal.ConsentRecord;
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;
import org.unionhub.mutualaid.api.MutualAidTopics;

/**
 * Submitting a claim, with its refusals: a hospital stay with its expenses, or a diagnosis, death or disability that
 * pays the plan's fixed sum; for the member himself or for a family member named on his enrolment where the plan
 * covers family for that claim. Nothing is written when a claim is refused.
 */
@Component(service = ClaimSubmissions.class)
public class ClaimSubmissions {

    /** The member's enrolment in the plan's period, as the checks need it. */
    private record Enrolled(long id, LocalDate enrolledOn, LocalDate coveredFrom) {
    }

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final PlanService plans;
    private final ClaimService claims;
    private final Consents consents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ClaimSubmissions(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference PlanService plans, @Reference ClaimService claims,
            @Reference Consents consents) {
        this.consents = consents;
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.plans = plans;
        this.claims = claims;
    }

    public Claim submit(Caller caller, ClaimRequest req) {
        ClaimEvent event = req.event() == null ? ClaimEvent.HOSPITAL_STAY : req.event();
        boolean stay = event == ClaimEvent.HOSPITAL_STAY;
        validate(caller, req, stay);
        long memberId = req.memberId() != null ? req.memberId() : caller.memberId();
        MemberInfo member = directory.member(memberId)
                .orElseThrow(() -> HubException.invalid("memberId", "member " + memberId + " does not exist"));
        if (!Access.actsFor(caller, member.id(), member.orgId(), directory)) {
            throw HubException.forbidden("member " + memberId + " is outside your organisation");
        }
        BigDecimal total = stay ? Money.normalize(req.totalExpenses()) : Money.ZERO;
        BigDecimal reimbursed = stay ? Money.normalize(req.reimbursed()) : Money.ZERO;
        // an event happens on one day: it is stored as a stay of that day, with no expenses
        LocalDate from = stay ? req.admittedOn() : req.occurredOn();
        LocalDate to = stay ? req.dischargedOn() : req.occurredOn();
        String dateField = stay ? "admittedOn" : "occurredOn";
        long id = db.inTransaction(c -> {
            // in the claim's transaction: a refused or failed claim leaves no consent behind
            ConsentRecord consent = consents.record(c, caller, memberId, "claim", req.consent(), Set.of("MEDICAL"));
            PlanHead plan = plans.findHead(c, req.planId())
                    .orElseThrow(() -> HubException.invalid("planId", "plan " + req.planId() + " does not exist"));
            Optional<Enrolled> enrolment = Sql.one(c, "SELECT ID, ENROLLED_ON, COVERED_FROM FROM MUTUALAID_ENROLMENT "
                    + "WHERE PLAN_ID = ? AND MEMBER_ID = ? AND PERIOD_START = ?",
                    rs -> new Enrolled(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()),
                    plan.id(), memberId, plan.periodStart());
            if (!plan.inPeriod(from) || enrolment.isEmpty() || from.isBefore(enrolment.get().enrolledOn())) {
                throw ClaimService.refused(422, dateField, "NOT_ENROLLED", "member " + memberId + " was not enrolled in plan "
                        + plan.id() + " on " + from + (enrolment.isPresent() ? " (enrolled on " + enrolment.get().enrolledOn() + ")" : ""));
            }
            Version version = plans.versionOn(c, plan.id(), from);
            if (!version.covers(member.employmentForm())) {
                throw ClaimService.refused(422, "memberId", "NOT_COVERED", "the plan covers " + version.eligibleKinds()
                        + "; member " + memberId + " is " + member.employmentForm());
            }
            if (from.isBefore(enrolment.get().coveredFrom())) {
                throw ClaimService.refused(422, dateField, "WAITING_PERIOD", (stay ? "admitted on " : "occurred on ") + from
                        + ", inside the waiting period; the member is covered from " + enrolment.get().coveredFrom());
            }
            if (!stay && !version.fixedSums().containsKey(event)) {
                throw ClaimService.refused(422, "event", "NO_FIXED_SUM", "plan " + plan.id() + " (version " + version.no()
                        + ") pays fixed sums on " + version.fixedSums().keySet() + ", not on " + event);
            }
            long enrolmentId = enrolment.get().id();
            if (req.familyMemberId() != null) {
                checkFamily(c, enrolmentId, req.familyMemberId(), version, event);
            }
            // serialise this member's submissions to the plan, so that the duplicate checks see a concurrent one
            Sql.update(c, "UPDATE MUTUALAID_ENROLMENT SET CLAIM_LOCK = CLAIM_LOCK + 1 WHERE ID = ?", enrolmentId);
            long beneficiary = req.familyMemberId() == null ? 0L : req.familyMemberId();
            refuseDuplicate(c, plan, memberId, beneficiary, event, from, to);
            Instant now = Instant.now();
            long claimId = Sql.insert(c, "INSERT INTO MUTUALAID_CLAIM (PLAN_ID, VERSION_NO, ENROLMENT_ID, MEMBER_ID, ORG_ID, "
                    + "PERIOD_START, HOSPITAL, ADMITTED_ON, DISCHARGED_ON, TOTAL_EXPENSES, REIMBURSED, SELF_PAID, STATUS, "
                    + "SECOND_REVIEW, SUBMITTED_ON, CREATED_BY, CREATED_AT, UPDATED_AT, EVENT, FAMILY_MEMBER_ID, CONSENT_ID, "
                    + "MEDICAL_CONSENT_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', 'NONE', ?, ?, ?, ?, ?, ?, ?, ?)",
                    plan.id(), version.no(), enrolmentId, memberId, member.orgId(), plan.periodStart(),
                    req.hospital() == null ? "" : req.hospital().trim(), from, to, total, reimbursed, total.subtract(reimbursed),
                    plans.today(), caller.username(), now, now, event, req.familyMemberId(),
                    consent == null ? null : consent.generalId(), consent == null ? null : consent.sensitiveId("MEDICAL"));
            ClaimService.step(c, claimId, null, ClaimStatus.SUBMITTED, caller, null, now);
            // no medical details in the audit trail: it is read by admins who need not see them
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("planId", plan.id());
            ch.put("memberId", memberId);
            ch.put("event", event);
            ch.put("status", ClaimStatus.SUBMITTED);
            audit.record(c, caller, "mutualaid.claim.create", "claim", claimId, ch);
            return claimId;
        });
        Events.post(events, MutualAidTopics.CLAIM_SUBMITTED, "claimId", id, "planId", req.planId(), "memberId", memberId);
        return db.read(c -> claims.full(c, claims.load(c, id)));
    }

    private void validate(Caller caller, ClaimRequest req, boolean stay) {
        LocalDate today = plans.today();
        Validation v = new Validation();
        v.required("planId", req.planId());
        v.check(req.memberId() != null || caller.memberId() != null, "memberId", "is required");
        v.maxLength("hospital", req.hospital(), 200);
        if (stay) {
            v.required("hospital", req.hospital());
            v.required("admittedOn", req.admittedOn());
            v.required("dischargedOn", req.dischargedOn());
            v.notBefore("dischargedOn", req.dischargedOn(), "admittedOn", req.admittedOn());
            v.valid("admittedOn", req.admittedOn(), d -> !d.isAfter(today), "must not be in the future");
            v.valid("dischargedOn", req.dischargedOn(), d -> !d.isAfter(today), "must not be in the future");
            v.required("totalExpenses", req.totalExpenses()).positive("totalExpenses", req.totalExpenses());
            RulesCheck.amount(v, "totalExpenses", req.totalExpenses());
            v.required("reimbursed", req.reimbursed());
            RulesCheck.amount(v, "reimbursed", req.reimbursed());
            if (req.totalExpenses() != null && req.reimbursed() != null) {
                v.check(req.reimbursed().compareTo(req.totalExpenses()) <= 0, "reimbursed",
                        "REIMBURSED_EXCEEDS_TOTAL: the amount reimbursed by public insurance (" + req.reimbursed()
                                + ") exceeds the total expenses (" + req.totalExpenses() + ")");
            }
            v.check(req.occurredOn() == null, "occurredOn", "is for a DIAGNOSIS, DEATH or DISABILITY claim; a stay gives "
                    + "admittedOn and dischargedOn");
        } else {
            v.required("occurredOn", req.occurredOn());
            v.valid("occurredOn", req.occurredOn(), d -> !d.isAfter(today), "must not be in the future");
            String onlyStays = "is for a HOSPITAL_STAY claim; a " + req.event() + " claim pays the plan's fixed sum";
            v.check(req.admittedOn() == null, "admittedOn", onlyStays);
            v.check(req.dischargedOn() == null, "dischargedOn", onlyStays);
            v.check(req.totalExpenses() == null, "totalExpenses", onlyStays);
            v.check(req.reimbursed() == null, "reimbursed", onlyStays);
        }
        v.throwIfInvalid();
    }

    /** The family member must be named on this enrolment, and the plan version must pay his claims of this kind. */
    private static void checkFamily(Connection c, long enrolmentId, long familyMemberId, Version version, ClaimEvent event)
            throws SQLException {
        if (Sql.count(c, "SELECT COUNT(*) FROM MUTUALAID_FAMILY WHERE ID = ? AND ENROLMENT_ID = ?", familyMemberId,
                enrolmentId) == 0) {
            throw ClaimService.refused(422, "familyMemberId", "NOT_FAMILY", "family member " + familyMemberId
                    + " is not named on the member's enrolment " + enrolmentId);
        }
        if (!version.familyCovers().contains(event)) {
            throw ClaimService.refused(422, "familyMemberId", "NOT_COVERED", "the plan (version " + version.no()
                    + ") pays a family member's claims for " + version.familyCovers() + ", not for " + event);
        }
    }

    /** One claim per stay (overlapping stays) and one per fixed-sum event in the period, for each person covered. */
    private static void refuseDuplicate(Connection c, PlanHead plan, long memberId, long beneficiary, ClaimEvent event,
            LocalDate from, LocalDate to) throws SQLException {
        String same = "SELECT ID, ADMITTED_ON, DISCHARGED_ON FROM MUTUALAID_CLAIM WHERE PLAN_ID = ? AND MEMBER_ID = ? "
                + "AND COALESCE(FAMILY_MEMBER_ID, 0) = ? AND EVENT = ? AND STATUS <> 'REJECTED'";
        if (event == ClaimEvent.HOSPITAL_STAY) {
            Optional<Object[]> overlap = Sql.one(c, same + " AND ADMITTED_ON <= ? AND DISCHARGED_ON >= ? ORDER BY ID",
                    rs -> new Object[] {rs.getLong(1), rs.getDate(2), rs.getDate(3)}, plan.id(), memberId, beneficiary, event,
                    to, from);
            if (overlap.isPresent()) {
                throw ClaimService.refused(409, "admittedOn", "DUPLICATE", "claim " + overlap.get()[0]
                        + " already covers a stay from " + overlap.get()[1] + " to " + overlap.get()[2] + " that overlaps this one");
            }
            return;
        }
        Optional<Long> earlier = Sql.one(c, same + " AND PERIOD_START = ? ORDER BY ID", rs -> rs.getLong(1), plan.id(), memberId,
                beneficiary, event, plan.periodStart());
        if (earlier.isPresent()) {
            throw ClaimService.refused(409, "event", "DUPLICATE", "claim " + earlier.get() + " already claims the " + event
                    + " sum for this person in the plan's period");
        }
    }
}
