package org.unionhub.jobfairs.internal.board;

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
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.internal.ApplicationStatus;
import org.unionhub.jobfairs.internal.CvReads;
import org.unionhub.jobfairs.internal.Education;
import org.unionhub.jobfairs.internal.Env;
import org.unionhub.jobfairs.internal.PositionStatus;
import org.unionhub.jobfairs.internal.StatusChange;

/**
 * Applications to board positions. Anybody applies — a member from his account, a non-member or flexible worker
 * without one, giving name, mobile and ID number (checked, sealed, masked; "灵活就业直通车") — once per position. The
 * employer's account and the union's officers move an application through the fairs' workflow; a hire takes a
 * place with a conditional UPDATE. An admin reading one application sees the full ID number, and that is audited, as
 * is every list page that shows applications of others (one row naming them).
 */
@Component(service = JobApplications.class)
public class JobApplications {

    private static final String COLUMNS = "A.ID, A.JOB_ID, J.TITLE AS JOB_TITLE, J.REGISTRY_ID, R.NAME AS EMPLOYER_NAME, "
            + "R.ACCOUNT_USERNAME, J.ORG_ID, A.MEMBER_ID, A.APPLICANT_KIND, A.NAME, A.PHONE, A.ID_SEALED, A.ID_MASKED, "
            + "A.EDUCATION, A.EXPERIENCE_YEARS, A.SKILLS, A.STATUS, A.NOTE, A.SUBMITTED_AT, A.UPDATED_AT";
    private static final String FROM = " FROM JOBFAIRS_JOB_APPLICATION A JOIN JOBFAIRS_JOB J ON J.ID = A.JOB_ID "
            + "JOIN JOBFAIRS_REGISTRY R ON R.ID = J.REGISTRY_ID";
    private static final Keyset LIST = Keyset.by("A.ID").defaultSort("-id");

    private final Env env;
    private final Board board;

    @Activate
    public JobApplications(@Reference Env env, @Reference Board board) {
        this.env = env;
        this.board = board;
    }

    private record Row(JobApplication app, String employerAccount, long orgId, String sealed) {
    }

    public JobApplication apply(Caller caller, long jobId, JobApplicationRequest req) {
        Applicants who = Applicants.of(caller, req.applicant(), "applicant", env.cipher());
        Validation v = new Validation();
        v.required("education", req.education());
        v.required("experienceYears", req.experienceYears()).notNegative("experienceYears", req.experienceYears());
        v.valid("experienceYears", req.experienceYears(), n -> n <= 60, "must be at most 60");
        v.maxLength("skills", req.skills(), 1000);
        v.throwIfInvalid();
        return env.db().inTransaction(c -> {
            Job job = board.load(c, jobId);
            boolean approved = Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_REGISTRY WHERE ID = ? AND STATUS = 'APPROVED'",
                    job.employerId()) > 0;
            if (job.status() != PositionStatus.OPEN || job.expiresOn().isBefore(board.today()) || !approved) {
                throw HubException.conflict("jobId", "position " + jobId + " takes no applications (closed or expired)");
            }
            Instant now = Instant.now();
            long id;
            try {
                id = Sql.insert(c, "INSERT INTO JOBFAIRS_JOB_APPLICATION (JOB_ID, MEMBER_ID, APPLICANT_KIND, APPLICANT_KEY, "
                        + "NAME, PHONE, ID_SEALED, ID_MASKED, EDUCATION, EXPERIENCE_YEARS, SKILLS, STATUS, SUBMITTED_AT, "
                        + "UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", jobId, who.memberId(), who.kind(),
                        who.key(), who.name(), who.phone(), who.sealed(), who.masked(), req.education(),
                        req.experienceYears(), Texts.blankToNull(req.skills()), ApplicationStatus.SUBMITTED, now, now);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    throw HubException.conflict("jobId", "this applicant has already applied to position " + jobId);
                }
                throw e;
            }
            ApplicantConsents.record(c, env.consents(), caller, who, "jobboard", "JOBFAIRS_JOB_APPLICATION",
                    "jobApplication", id, req.consent());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("jobId", jobId);
            changes.put("applicantKind", who.kind());
            changes.put("idNumber", who.masked());
            env.audit().record(c, caller, "jobfairs.job.application.submit", "jobApplication", id, changes);
            return load(c, id).app();
        });
    }

    public JobApplication get(Caller caller, long id) {
        return env.db().inTransaction(c -> {
            Row row = visible(c, caller, id);
            if (!caller.isAdmin() || row.sealed() == null) {
                return row.app();
            }
            env.audit().record(c, caller, "jobfairs.job.application.reveal", "jobApplication", id,
                    Map.of("field", "idNumber"));
            JobApplication a = row.app();
            return new JobApplication(a.id(), a.jobId(), a.jobTitle(), a.employerId(), a.employerName(), a.memberId(),
                    a.applicantKind(), a.name(), a.phone(), env.cipher().decrypt(row.sealed()), a.education(),
                    a.experienceYears(), a.skills(), a.status(), a.note(), a.submittedAt(), a.updatedAt());
        });
    }

    /** Officers see their part of the tree, an employer account its positions' applications, a member his own. */
    public Page<JobApplication> list(Caller caller, Long jobId, ApplicationStatus status, PageRequest page) {
        return env.db().inTransaction(c -> {
            StringBuilder where = new StringBuilder(FROM + " WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (!(caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)
                    && OrgScope.appendFor(caller, env.directory(), "J.ORG_ID", where, params))) {
                where.append(" AND (R.ACCOUNT_USERNAME = ? OR A.MEMBER_ID = ?)");
                params.add(caller.hasRole(Env.EMPLOYER_ROLE) ? caller.username() : "");
                params.add(caller.memberId() == null ? -1L : caller.memberId());
            }
            if (jobId != null) {
                where.append(" AND A.JOB_ID = ?");
                params.add(jobId);
            }
            if (status != null) {
                where.append(" AND A.STATUS = ?");
                params.add(status);
            }
            Page<JobApplication> shown = LIST.page(c, "SELECT " + COLUMNS, where.toString(), params, page,
                    rs -> row(rs).app());
            // every application of someone else a page shows is a read of his CV and contact: one audit row per page
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("jobId", jobId);
            filter.put("status", status);
            CvReads.listed(env.audit(), c, caller, "jobfairs.job.application.list", "jobApplication", filter,
                    shown.items().stream().filter(a -> a.memberId() == null || !a.memberId().equals(caller.memberId()))
                            .map(JobApplication::id).toList());
            return shown;
        });
    }

    public JobApplication changeStatus(Caller caller, long id, StatusChange change) {
        Validation v = new Validation();
        v.required("status", change.status());
        v.maxLength("note", change.note(), 500);
        v.throwIfInvalid();
        ApplicationStatus target = change.status();
        return env.db().inTransaction(c -> {
            Row row = visible(c, caller, id);
            JobApplication a = row.app();
            boolean applicant = a.memberId() != null && a.memberId().equals(caller.memberId());
            boolean recruiter = caller.username().equals(row.employerAccount()) && caller.hasRole(Env.EMPLOYER_ROLE)
                    || env.manages(caller, row.orgId());
            if (target == ApplicationStatus.WITHDRAWN ? !applicant : !recruiter) {
                throw HubException.forbidden(target == ApplicationStatus.WITHDRAWN
                        ? "only the applicant can withdraw an application"
                        : "only the employer or its union's officers can move an application to " + target);
            }
            if (!a.status().canMoveTo(target)) {
                throw HubException.conflict("status", "an application cannot move from " + a.status() + " to " + target
                        + "; allowed: " + a.status().next());
            }
            if (target == ApplicationStatus.HIRED && Sql.update(c, "UPDATE JOBFAIRS_JOB SET HIRED = HIRED + 1, UPDATED_AT = ? "
                    + "WHERE ID = ? AND HIRED < HEADCOUNT", Instant.now(), a.jobId()) == 0) {
                throw HubException.conflict("status", "every place of position " + a.jobId() + " is filled");
            }
            Sql.update(c, "UPDATE JOBFAIRS_JOB SET STATUS = ? WHERE ID = ? AND HIRED >= HEADCOUNT", PositionStatus.CLOSED,
                    a.jobId());
            if (Sql.update(c, "UPDATE JOBFAIRS_JOB_APPLICATION SET STATUS = ?, NOTE = ?, UPDATED_AT = ? WHERE ID = ? "
                    + "AND STATUS = ?", target, Texts.blankToNull(change.note()), Instant.now(), id, a.status()) == 0) {
                throw HubException.conflict("status", "application " + id + " was changed meanwhile; reload it");
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("from", a.status());
            changes.put("status", target);
            changes.put("note", change.note());
            env.audit().record(c, caller, "jobfairs.job.application." + target.name().toLowerCase(), "jobApplication", id,
                    changes);
            return load(c, id).app();
        });
    }

    private Row visible(Connection c, Caller caller, long id) throws SQLException {
        Row row = load(c, id);
        boolean sees = env.manages(caller, row.orgId())
                || caller.hasRole(Env.EMPLOYER_ROLE) && caller.username().equals(row.employerAccount())
                || row.app().memberId() != null && row.app().memberId().equals(caller.memberId());
        if (!sees) {
            throw HubException.notFound("job application", id);
        }
        return row;
    }

    private Row load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE A.ID = ?", this::row, id)
                .orElseThrow(() -> HubException.notFound("job application", id));
    }

    private Row row(ResultSet rs) throws SQLException {
        JobApplication a = new JobApplication(rs.getLong("ID"), rs.getLong("JOB_ID"), rs.getString("JOB_TITLE"),
                rs.getLong("REGISTRY_ID"), rs.getString("EMPLOYER_NAME"), Sql.getLong(rs, "MEMBER_ID"),
                Sql.getEnum(rs, "APPLICANT_KIND", ApplicantKind.class), rs.getString("NAME"), rs.getString("PHONE"),
                IdCardNumber.mask(rs.getString("ID_MASKED")), Sql.getEnum(rs, "EDUCATION", Education.class),
                rs.getInt("EXPERIENCE_YEARS"), rs.getString("SKILLS"), Sql.getEnum(rs, "STATUS", ApplicationStatus.class),
                rs.getString("NOTE"), env.time(Sql.getInstant(rs, "SUBMITTED_AT")),
                env.time(Sql.getInstant(rs, "UPDATED_AT")));
        return new Row(a, rs.getString("ACCOUNT_USERNAME"), rs.getLong("ORG_ID"), rs.getString("ID_SEALED"));
    }
}
