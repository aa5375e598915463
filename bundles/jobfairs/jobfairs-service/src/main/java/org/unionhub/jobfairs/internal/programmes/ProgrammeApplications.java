package org.unionhub.jobfairs.internal.programmes;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.internal.Env;
import org.unionhub.jobfairs.internal.Review;
import org.unionhub.jobfairs.internal.board.ApplicantConsents;
import org.unionhub.jobfairs.internal.board.ApplicantKind;
import org.unionhub.jobfairs.internal.board.Applicants;

/**
 * Applications to a programme: anybody applies once within its dates (members from their account, others with
 * their ID number); the programme union's officers approve (taking a place), return with a reason, and pay an
 * approved study subsidy (the programme's amount, once).
 */
@Component(service = ProgrammeApplications.class)
public class ProgrammeApplications {

    private static final String COLUMNS = "A.ID, A.PROGRAMME_ID, A.MEMBER_ID, A.APPLICANT_KIND, A.NAME, A.PHONE, A.ID_MASKED, "
            + "A.WORKPLACE, A.STATUS, A.NOTE, A.AMOUNT_PAID, A.REVIEWED_BY, A.PAID_BY, A.SUBMITTED_AT, A.PAID_AT, A.UPDATED_AT";
    private static final Keyset LIST = Keyset.by("A.ID");

    private final Env env;
    private final Programmes programmes;

    @Activate
    public ProgrammeApplications(@Reference Env env, @Reference Programmes programmes) {
        this.env = env;
        this.programmes = programmes;
    }

    public ProgrammeApplication apply(Caller caller, long programmeId, ProgrammeApplicationRequest req) {
        Applicants who = Applicants.of(caller, req.applicant(), "applicant", env.cipher());
        new Validation().maxLength("workplace", req.workplace(), 200).throwIfInvalid();
        return env.db().inTransaction(c -> {
            Programme p = programmes.load(c, programmeId);
            if (programmes.today().isBefore(p.applyFrom()) || programmes.today().isAfter(p.applyTo())) {
                throw HubException.conflict("programmeId", "programme " + programmeId + " takes applications from "
                        + p.applyFrom() + " to " + p.applyTo());
            }
            Instant now = Instant.now();
            long id;
            try {
                id = Sql.insert(c, "INSERT INTO JOBFAIRS_PROGRAMME_APPLICATION (PROGRAMME_ID, MEMBER_ID, APPLICANT_KIND, "
                        + "APPLICANT_KEY, NAME, PHONE, ID_SEALED, ID_MASKED, WORKPLACE, STATUS, SUBMITTED_AT, UPDATED_AT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", programmeId, who.memberId(), who.kind(), who.key(),
                        who.name(), who.phone(), who.sealed(), who.masked(), Texts.blankToNull(req.workplace()),
                        ProgrammeApplicationStatus.SUBMITTED, now, now);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    throw HubException.conflict("programmeId", "this applicant has already applied to programme " + programmeId);
                }
                throw e;
            }
            ApplicantConsents.record(c, env.consents(), caller, who, "programme", "JOBFAIRS_PROGRAMME_APPLICATION",
                    "programmeApplication", id, req.consent());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("programmeId", programmeId);
            changes.put("applicantKind", who.kind());
            changes.put("idNumber", who.masked());
            env.audit().record(c, caller, "jobfairs.programme.application.submit", "programmeApplication", id, changes);
            return load(c, id);
        });
    }

    /** Approval takes one of the programme's places: 0 rows from the conditional UPDATE means none is left. */
    public ProgrammeApplication approve(Caller caller, long id, Review review) {
        String note = review == null ? null : Texts.blankToNull(review.note());
        new Validation().maxLength("note", note, 500).throwIfInvalid();
        return decide(caller, id, ProgrammeApplicationStatus.SUBMITTED, ProgrammeApplicationStatus.APPROVED, note, (c, p) -> {
            if (Sql.update(c, "UPDATE JOBFAIRS_PROGRAMME SET PLACES_TAKEN = PLACES_TAKEN + 1, UPDATED_AT = ? "
                    + "WHERE ID = ? AND PLACES_TAKEN < PLACES", Instant.now(), p.id()) == 0) {
                throw HubException.conflict("places", "all " + p.places() + " places of programme " + p.id() + " are taken");
            }
        });
    }

    public ProgrammeApplication returnToApplicant(Caller caller, long id, Review review) {
        String note = review == null ? null : Texts.blankToNull(review.note());
        new Validation().required("note", note).maxLength("note", note, 500).throwIfInvalid();
        return decide(caller, id, ProgrammeApplicationStatus.SUBMITTED, ProgrammeApplicationStatus.RETURNED, note, (c, p) -> {
        });
    }

    /** Pays an approved study subsidy once: the programme's amount, counted within its places. */
    public ProgrammeApplication pay(Caller caller, long id) {
        return decide(caller, id, ProgrammeApplicationStatus.APPROVED, ProgrammeApplicationStatus.PAID, null, (c, p) -> {
            if (p.kind() != ProgrammeKind.STUDY_SUBSIDY) {
                throw HubException.conflict("kind", "programme " + p.id() + " is a training course and pays nothing");
            }
            if (Sql.update(c, "UPDATE JOBFAIRS_PROGRAMME SET PAID_COUNT = PAID_COUNT + 1, PAID_TOTAL = PAID_TOTAL + ?, "
                    + "UPDATED_AT = ? WHERE ID = ? AND PAID_COUNT < PLACES_TAKEN", p.amount(), Instant.now(), p.id()) == 0) {
                throw HubException.conflict("places", "programme " + p.id() + " has paid every approved place");
            }
            Sql.update(c, "UPDATE JOBFAIRS_PROGRAMME_APPLICATION SET AMOUNT_PAID = ?, PAID_BY = ?, PAID_AT = ? WHERE ID = ?",
                    p.amount(), caller.username(), Instant.now(), id);
        });
    }

    private interface Step {
        void run(Connection c, Programme p) throws SQLException;
    }

    private ProgrammeApplication decide(Caller caller, long id, ProgrammeApplicationStatus from,
            ProgrammeApplicationStatus to, String note, Step step) {
        return env.db().inTransaction(c -> {
            ProgrammeApplication a = load(c, id);
            Programme p = programmes.load(c, a.programmeId());
            if (!env.manages(caller, p.orgId())) {
                throw HubException.forbidden("only officers of union " + p.orgId() + " review its programmes");
            }
            if (a.status() != from) {
                throw HubException.conflict("status", "application " + id + " is " + a.status() + ", not " + from);
            }
            // the status first: of two reviewers pressing at once, the second finds 0 rows and takes no place
            String reviewer = to == ProgrammeApplicationStatus.PAID ? a.reviewedBy() : caller.username();
            if (Sql.update(c, "UPDATE JOBFAIRS_PROGRAMME_APPLICATION SET STATUS = ?, NOTE = ?, REVIEWED_BY = ?, UPDATED_AT = ? "
                    + "WHERE ID = ? AND STATUS = ?", to, note != null ? note : a.note(), reviewer, Instant.now(), id,
                    from) == 0) {
                throw HubException.conflict("status", "application " + id + " was changed meanwhile; reload it");
            }
            step.run(c, p);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("from", from);
            changes.put("status", to);
            changes.put("note", note);
            if (to == ProgrammeApplicationStatus.PAID) {
                changes.put("amount", p.amount());
            }
            env.audit().record(c, caller, "jobfairs.programme.application." + to.name().toLowerCase(),
                    "programmeApplication", id, changes);
            return load(c, id);
        });
    }

    /** The programme union's officers see every application; a member his own. */
    public ProgrammeApplication get(Caller caller, long id) {
        return env.db().read(c -> {
            ProgrammeApplication a = load(c, id);
            boolean own = a.memberId() != null && a.memberId().equals(caller.memberId());
            if (!own && !env.manages(caller, programmes.load(c, a.programmeId()).orgId())) {
                throw HubException.notFound("programme application", id);
            }
            return a;
        });
    }

    public Page<ProgrammeApplication> list(Caller caller, long programmeId, ProgrammeApplicationStatus status,
            PageRequest page) {
        return env.db().read(c -> {
            Programme p = programmes.load(c, programmeId);
            StringBuilder where = new StringBuilder(" FROM JOBFAIRS_PROGRAMME_APPLICATION A WHERE A.PROGRAMME_ID = ?");
            List<Object> params = new ArrayList<>(List.of(programmeId));
            if (!env.manages(caller, p.orgId())) {
                where.append(" AND A.MEMBER_ID = ?");
                params.add(caller.memberId() == null ? -1L : caller.memberId());
            }
            if (status != null) {
                where.append(" AND A.STATUS = ?");
                params.add(status);
            }
            return LIST.page(c, "SELECT " + COLUMNS, where.toString(), params, page, this::application);
        });
    }

    private ProgrammeApplication load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_PROGRAMME_APPLICATION A WHERE A.ID = ?", this::application, id)
                .orElseThrow(() -> HubException.notFound("programme application", id));
    }

    private ProgrammeApplication application(ResultSet rs) throws SQLException {
        BigDecimal paid = rs.getBigDecimal("AMOUNT_PAID");
        return new ProgrammeApplication(rs.getLong("ID"), rs.getLong("PROGRAMME_ID"), Sql.getLong(rs, "MEMBER_ID"),
                Sql.getEnum(rs, "APPLICANT_KIND", ApplicantKind.class), rs.getString("NAME"), rs.getString("PHONE"),
                IdCardNumber.mask(rs.getString("ID_MASKED")), rs.getString("WORKPLACE"),
                Sql.getEnum(rs, "STATUS", ProgrammeApplicationStatus.class), rs.getString("NOTE"),
                paid == null ? null : Money.normalize(paid), rs.getString("REVIEWED_BY"), rs.getString("PAID_BY"),
                env.time(Sql.getInstant(rs, "SUBMITTED_AT")), env.time(Sql.getInstant(rs, "PAID_AT")),
                env.time(Sql.getInstant(rs, "UPDATED_AT")));
    }
}
