package org.unionhub.jobfairs.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.jobfairs.api.ApplicationStatus;
import org.unionhub.jobfairs.api.JobFairEvents;

/**
 * Applications: a member applies once per position with a CV; the employer (or the fair's officers)
 * moves it through the workflow, the applicant may withdraw. Each party sees only its own: the
 * applicant his applications, an employer account those to its positions, officers those of their fairs.
 */
@Component(service = ApplicationService.class, configurationPid = JobFairsConfig.PID)
@Designate(ocd = JobFairsConfig.class)
public class ApplicationService {

    private static final String COLUMNS = "A.*, P.TITLE AS POSITION_TITLE, E.NAME AS EMPLOYER_NAME, "
            + "E.ACCOUNT_USERNAME, F.ORG_ID, T.CONTENT_TYPE, T.SIZE_BYTES, T.SHA256, T.UPLOADED_AT";
    private static final String FROM = " FROM JOBFAIRS_APPLICATION A JOIN JOBFAIRS_POSITION P ON P.ID = A.POSITION_ID "
            + "JOIN JOBFAIRS_EMPLOYER E ON E.ID = A.EMPLOYER_ID JOIN JOBFAIRS_FAIR F ON F.ID = A.FAIR_ID "
            + "LEFT JOIN JOBFAIRS_ATTACHMENT T ON T.APPLICATION_ID = A.ID";

    private final Env env;
    private volatile int maxAttachmentBytes;

    @Activate
    public ApplicationService(@Reference Env env, JobFairsConfig config) {
        this.env = env;
        configure(config);
    }

    @Modified
    void configure(JobFairsConfig config) {
        this.maxAttachmentBytes = Math.max(1024, config.attachment_max_bytes());
    }

    /** A row with what the access rules need besides the application itself. */
    private record Row(Application app, String employerAccount, long orgId) {
    }

    public Application apply(Caller caller, long positionId, ApplicationRequest req) {
        if (!caller.hasRole(Roles.MEMBER) || caller.memberId() == null) {
            throw HubException.forbidden("only a member account can apply");
        }
        validate(req);
        Cv cv = req.cv();
        Application created = env.db.inTransaction(c -> {
            Object[] p = Sql.one(c, "SELECT P.FAIR_ID, P.EMPLOYER_ID, P.STATUS, E.STATUS FROM JOBFAIRS_POSITION P "
                    + "JOIN JOBFAIRS_EMPLOYER E ON E.ID = P.EMPLOYER_ID WHERE P.ID = ?",
                    rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)}, positionId)
                    .orElseThrow(() -> HubException.notFound("position", positionId));
            long fairId = (Long) p[0];
            if (!PositionStatus.OPEN.name().equals(p[2]) || !EmployerStatus.APPROVED.name().equals(p[3])) {
                throw HubException.conflict("positionId", "position " + positionId + " is closed");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_APPLICATION WHERE POSITION_ID = ? AND MEMBER_ID = ?",
                    positionId, caller.memberId()) > 0) {
                throw HubException.conflict("positionId", "you have already applied to position " + positionId);
            }
            Instant now = Instant.now();
            Long session = session(c, fairId, positionId, req.livestreamId(), now);
            // in the application's transaction: a refused application leaves no consent behind
            long consent = env.consents.record(c, caller, caller.memberId(), "cv", req.consent(), Set.of()).generalId();
            long id;
            try {
                id = Sql.insert(c, "INSERT INTO JOBFAIRS_APPLICATION (FAIR_ID, POSITION_ID, EMPLOYER_ID, MEMBER_ID, "
                        + "LIVESTREAM_ID, STATUS, CV_NAME, CV_PHONE, CV_EMAIL, CV_EDUCATION, CV_EXPERIENCE_YEARS, CV_SKILLS, "
                        + "CV_WORK_HISTORY, CV_EXPECTED_SALARY, SUBMITTED_AT, UPDATED_AT, CONSENT_ID) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fairId, positionId, p[1],
                        caller.memberId(), session, ApplicationStatus.SUBMITTED, cv.name().trim(), cv.phone().trim(),
                        Env.trim(cv.email()), cv.education(), cv.experienceYears(), Env.trim(cv.skills()),
                        Env.trim(cv.workHistory()), Money.normalize(cv.expectedSalary()), now, now, consent);
            } catch (SQLException e) {
                if (Env.isDuplicate(e)) {
                    throw HubException.conflict("positionId", "you have already applied to position " + positionId);
                }
                throw e;
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("positionId", positionId);
            changes.put("livestreamId", session);
            changes.put("education", cv.education());
            env.audit.record(c, caller, "jobfairs.application.submit", "application", id, changes);
            return load(c, id).app();
        });
        env.post(JobFairEvents.APPLICATION_SUBMITTED, "fairId", created.fairId(), "positionId", positionId,
                "employerId", created.employerId(), "applicationId", created.id(), "memberId", created.memberId(),
                "livestreamId", created.livestreamId(), "status", created.status().name());
        return created;
    }

    /**
     * The livestream session an application counts for: the one named, which must be of this fair and
     * on air; else the session on air now, one featuring the position first; else none.
     */
    private static Long session(Connection c, long fairId, long positionId, Long named, Instant now) throws SQLException {
        if (named != null) {
            boolean live = Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_LIVESTREAM WHERE ID = ? AND FAIR_ID = ? "
                    + "AND STARTS_AT <= ? AND ENDS_AT >= ?", named, fairId, now, now) > 0;
            if (!live) {
                throw HubException.invalid("livestreamId", "livestream " + named + " of this fair is not on air");
            }
            return named;
        }
        return Sql.one(c, "SELECT L.ID FROM JOBFAIRS_LIVESTREAM L LEFT JOIN JOBFAIRS_FEATURED X ON X.LIVESTREAM_ID = L.ID "
                + "AND X.POSITION_ID = ? WHERE L.FAIR_ID = ? AND L.STARTS_AT <= ? AND L.ENDS_AT >= ? "
                + "ORDER BY CASE WHEN X.POSITION_ID IS NULL THEN 1 ELSE 0 END, L.STARTS_AT DESC, L.ID "
                + "FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), positionId, fairId, now, now).orElse(null);
    }

    /** The statuses the caller may move the application to now (see {@link ApplicationSteps}). */
    public ApplicationSteps.JobApplicationSteps actions(Caller caller, long id) {
        Row row = env.db.read(c -> visible(c, caller, id));
        return ApplicationSteps.of(id, row.app().status(), caller.memberId() != null
                && caller.memberId() == row.app().memberId(), owns(caller, row) || env.manages(caller, row.orgId()));
    }

    public Application changeStatus(Caller caller, long id, StatusChange change) {
        Validation v = new Validation();
        v.required("status", change.status());
        v.maxLength("note", change.note(), 500);
        v.throwIfInvalid();
        ApplicationStatus target = change.status();
        Application changed = env.db.inTransaction(c -> {
            Row row = visible(c, caller, id);
            Application a = row.app();
            boolean applicant = caller.memberId() != null && caller.memberId() == a.memberId();
            boolean recruiter = owns(caller, row) || env.manages(caller, row.orgId());
            if (target == ApplicationStatus.WITHDRAWN ? !applicant : !recruiter) {
                throw HubException.forbidden(target == ApplicationStatus.WITHDRAWN
                        ? "only the applicant can withdraw an application"
                        : "only the employer or the fair's officers can move an application to " + target);
            }
            if (!a.status().canMoveTo(target)) {
                throw HubException.conflict("status", "an application cannot move from " + a.status() + " to " + target
                        + "; allowed: " + a.status().next());
            }
            if (target == ApplicationStatus.HIRED) {
                hire(c, a.positionId());
            }
            Instant now = Instant.now();
            String step = switch (target) {
                case VIEWED -> "VIEWED_AT";
                case INTERVIEW -> "INTERVIEW_AT";
                case OFFERED -> "OFFERED_AT";
                case HIRED -> "HIRED_AT";
                default -> "CLOSED_AT";
            };
            // WHERE STATUS = the one we checked: a concurrent change makes this 0 rows instead of a lost update
            if (Sql.update(c, "UPDATE JOBFAIRS_APPLICATION SET STATUS = ?, " + step + " = ?, NOTE = ?, UPDATED_AT = ? "
                    + "WHERE ID = ? AND STATUS = ?", target, now, Env.trim(change.note()), now, id, a.status()) == 0) {
                throw HubException.conflict("status", "application " + id + " was changed meanwhile; reload it");
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("from", a.status());
            changes.put("status", target);
            changes.put("note", change.note());
            env.audit.record(c, caller, "jobfairs.application." + target.name().toLowerCase(), "application", id, changes);
            return load(c, id).app();
        });
        env.post(JobFairEvents.APPLICATION_STATUS_CHANGED, "fairId", changed.fairId(), "positionId", changed.positionId(),
                "employerId", changed.employerId(), "applicationId", id, "memberId", changed.memberId(),
                "status", target.name());
        if (target == ApplicationStatus.HIRED) {
            env.post(JobFairEvents.APPLICATION_HIRED, "fairId", changed.fairId(), "positionId", changed.positionId(),
                    "employerId", changed.employerId(), "applicationId", id, "memberId", changed.memberId(),
                    "status", target.name());
        }
        return changed;
    }

    /** A hire takes one of the position's places; the last one closes the position. */
    private static void hire(Connection c, long positionId) throws SQLException {
        if (Sql.update(c, "UPDATE JOBFAIRS_POSITION SET HIRED = HIRED + 1, UPDATED_AT = ? WHERE ID = ? AND HIRED < HEADCOUNT",
                Instant.now(), positionId) == 0) {
            throw HubException.conflict("status", "every place of position " + positionId + " is filled");
        }
        Sql.update(c, "UPDATE JOBFAIRS_POSITION SET STATUS = ? WHERE ID = ? AND HIRED >= HEADCOUNT", PositionStatus.CLOSED,
                positionId);
    }

    public Application get(Caller caller, long id) {
        return env.db.inTransaction(c -> CvReads.audited(env.audit, c, caller, visible(c, caller, id).app(), "cv"));
    }

    /** Newest first, by keyset over the primary key (and (FAIR_ID, ID), (POSITION_ID, ID) from migration V3). */
    private static final Keyset PAGES = Keyset.by("A.ID").defaultSort("-id");

    public Page<Application> list(Caller caller, Long fairId, Long positionId, ApplicationStatus status, PageRequest page) {
        return env.db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            scope(c, caller, where, params);
            if (fairId != null) {
                where.append(" AND A.FAIR_ID = ?");
                params.add(fairId);
            }
            if (positionId != null) {
                where.append(" AND A.POSITION_ID = ?");
                params.add(positionId);
            }
            if (status != null) {
                where.append(" AND A.STATUS = ?");
                params.add(status);
            }
            return PAGES.page(c, "SELECT " + COLUMNS, FROM + where, params, page, rs -> row(rs).app());
        });
    }

    /** Admins see all; everyone else the union of what his roles give him, nothing when none does. */
    private void scope(Connection c, Caller caller, StringBuilder where, List<Object> params) throws SQLException {
        if (caller.isAdmin()) {
            return;
        }
        List<String> any = new ArrayList<>();
        if (caller.memberId() != null) {
            any.add("A.MEMBER_ID = ?");
            params.add(caller.memberId());
        }
        if (caller.hasRole(Env.EMPLOYER_ROLE)) {
            any.add("E.ACCOUNT_USERNAME = ?");
            params.add(caller.username());
        }
        if (caller.hasRole(Roles.OFFICER) && caller.orgId() != null) {
            List<Long> orgs = Sql.list(c, "SELECT DISTINCT ORG_ID FROM JOBFAIRS_FAIR", rs -> rs.getLong(1)).stream()
                    .filter(o -> env.manages(caller, o)).toList();
            if (!orgs.isEmpty()) {
                any.add("F.ORG_ID IN (" + String.join(", ", orgs.stream().map(o -> "?").toList()) + ")");
                params.addAll(orgs);
            }
        }
        where.append(any.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", any) + ")");
    }

    // ---- the CV attachment

    /** Stores (or replaces) the applicant's attachment, after checking its size and its real type. */
    public Application attach(Caller caller, long id, String contentType, InputStream body) {
        AttachmentType declared = AttachmentType.ofMediaType(contentType);
        if (declared == null) {
            throw new HubException(415, "Unsupported media type", "attachment: Content-Type must be "
                    + AttachmentType.allowed(), List.of(new FieldError("attachment", "Content-Type " + contentType
                            + " is not accepted; send " + AttachmentType.allowed())));
        }
        byte[] content = read(body, maxAttachmentBytes);
        Validation v = new Validation();
        v.check(content.length > 0, "attachment", "is empty");
        AttachmentType actual = AttachmentType.detect(content);
        v.check(content.length == 0 || actual == declared, "attachment", actual == null
                ? "the content is not a " + declared + " file (nor any accepted type)"
                : "the content is a " + actual + " file, not " + declared);
        v.throwIfInvalid();
        return env.db.inTransaction(c -> {
            Application a = visible(c, caller, id).app();
            if (caller.memberId() == null || caller.memberId() != a.memberId()) {
                throw HubException.forbidden("only the applicant can attach a CV");
            }
            if (a.status().isFinal()) {
                throw HubException.conflict("status", "application " + id + " is " + a.status());
            }
            Sql.update(c, "DELETE FROM JOBFAIRS_ATTACHMENT WHERE APPLICATION_ID = ?", id);
            String sha = sha256(content);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO JOBFAIRS_ATTACHMENT (APPLICATION_ID, CONTENT_TYPE, "
                    + "SIZE_BYTES, SHA256, CONTENT, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
                Sql.bind(ps, id, declared.mediaType(), content.length, sha);
                ps.setBinaryStream(5, new ByteArrayInputStream(content), content.length);
                ps.setTimestamp(6, java.sql.Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            Sql.update(c, "UPDATE JOBFAIRS_APPLICATION SET UPDATED_AT = ? WHERE ID = ?", Instant.now(), id);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("contentType", declared.mediaType());
            changes.put("size", content.length);
            changes.put("sha256", sha);
            env.audit.record(c, caller, "jobfairs.application.attach", "application", id, changes);
            return load(c, id).app();
        });
    }

    public Attachment attachment(Caller caller, long id) {
        return env.db.inTransaction(c -> {
            CvReads.audited(env.audit, c, caller, visible(c, caller, id).app(), "cvFile");
            return Sql.one(c, "SELECT CONTENT_TYPE, CONTENT FROM JOBFAIRS_ATTACHMENT WHERE APPLICATION_ID = ?", rs -> {
                Blob b = rs.getBlob(2);
                try {
                    return new Attachment(id, rs.getString(1), b.getBytes(1, (int) b.length()));
                } finally {
                    b.free();
                }
            }, id).orElseThrow(() -> HubException.notFound("attachment of application", id));
        });
    }

    int maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** Reads at most {@code max} bytes; one more means the body is too large, and reading stops there. */
    static byte[] read(InputStream in, int max) {
        if (in == null) {
            return new byte[0];
        }
        try (InputStream body = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = body.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > max) {
                    throw new HubException(413, "Payload too large", "attachment: at most " + max + " bytes",
                            List.of(new FieldError("attachment", "must be at most " + max + " bytes")));
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HubException.badRequest("attachment", "the body could not be read: " + e.getMessage());
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- access and rows

    /** The application if the caller may see it; 404 otherwise, so that its existence does not leak. */
    private Row visible(Connection c, Caller caller, long id) throws SQLException {
        Row row = load(c, id);
        boolean applicant = caller.memberId() != null && caller.memberId() == row.app().memberId();
        if (!caller.isAdmin() && !applicant && !owns(caller, row) && !env.manages(caller, row.orgId())) {
            throw HubException.notFound("application", id);
        }
        return row;
    }

    private static boolean owns(Caller caller, Row row) {
        return caller.hasRole(Env.EMPLOYER_ROLE) && caller.username().equals(row.employerAccount());
    }

    static void validate(ApplicationRequest req) {
        Validation v = new Validation();
        v.required("cv", req.cv());
        Cv cv = req.cv();
        if (cv != null) {
            v.required("cv.name", cv.name()).maxLength("cv.name", cv.name(), 100);
            v.required("cv.phone", cv.phone());
            v.valid("cv.phone", Env.trim(cv.phone()), p -> Env.MOBILE.matcher(p).matches(), "must be an 11-digit mobile number");
            v.valid("cv.email", Env.trim(cv.email()), m -> m.length() <= 200 && Env.EMAIL.matcher(m).matches(),
                    "must be an e-mail address");
            v.required("cv.education", cv.education());
            v.required("cv.experienceYears", cv.experienceYears()).notNegative("cv.experienceYears", cv.experienceYears());
            v.valid("cv.experienceYears", cv.experienceYears(), n -> n <= 60, "must be at most 60");
            v.maxLength("cv.skills", cv.skills(), 1000);
            v.maxLength("cv.workHistory", cv.workHistory(), 4000);
            v.money("cv.expectedSalary", cv.expectedSalary());
        }
        v.throwIfInvalid();
    }

    private Row load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE A.ID = ?", this::row, id)
                .orElseThrow(() -> HubException.notFound("application", id));
    }

    private Row row(ResultSet rs) throws SQLException {
        String type = rs.getString("CONTENT_TYPE");
        AttachmentInfo attachment = type == null ? null : new AttachmentInfo(type, rs.getInt("SIZE_BYTES"),
                rs.getString("SHA256"), env.time(Sql.getInstant(rs, "UPLOADED_AT")));
        Cv cv = new Cv(rs.getString("CV_NAME"), rs.getString("CV_PHONE"), rs.getString("CV_EMAIL"),
                Sql.getEnum(rs, "CV_EDUCATION", Education.class), rs.getInt("CV_EXPERIENCE_YEARS"), rs.getString("CV_SKILLS"),
                rs.getString("CV_WORK_HISTORY"), Money.normalize(rs.getBigDecimal("CV_EXPECTED_SALARY")));
        Application a = new Application(rs.getLong("ID"), rs.getLong("FAIR_ID"), rs.getLong("POSITION_ID"),
                rs.getString("POSITION_TITLE"), rs.getLong("EMPLOYER_ID"), rs.getString("EMPLOYER_NAME"),
                rs.getLong("MEMBER_ID"), Sql.getLong(rs, "LIVESTREAM_ID"),
                Sql.getEnum(rs, "STATUS", ApplicationStatus.class), cv, attachment, rs.getString("NOTE"),
                env.time(Sql.getInstant(rs, "SUBMITTED_AT")), env.time(Sql.getInstant(rs, "VIEWED_AT")),
                env.time(Sql.getInstant(rs, "INTERVIEW_AT")), env.time(Sql.getInstant(rs, "OFFERED_AT")),
                env.time(Sql.getInstant(rs, "HIRED_AT")), env.time(Sql.getInstant(rs, "CLOSED_AT")),
                env.time(Sql.getInstant(rs, "UPDATED_AT")));
        return new Row(a, rs.getString("ACCOUNT_USERNAME"), rs.getLong("ORG_ID"));
    }
}
