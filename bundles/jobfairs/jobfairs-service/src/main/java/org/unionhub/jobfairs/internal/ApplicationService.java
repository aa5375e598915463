package org.unionhub.jobfairs.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.upload.FileType;
import org.unionhub.api.upload.Uploads;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.api.JobFairEvents;

/**
 * Applications: a member applies once per position with a CV; the employer (or the fair's officers)
 * moves it through the workflow, the applicant may withdraw. Each party sees only its own: the
 * applicant his applications, an employer account those to its positions, officers those of their fairs.
 */
@Component(service = ApplicationService.class, configurationPid = ModuleConfig.PID)
@Designate(ocd = ModuleConfig.class)
public class ApplicationService {

    /** The attachment types a CV may have, as problem answers name them. */
    static final String ALLOWED = "application/pdf, image/png or image/jpeg";

    private final Env env;
    private final ApplicationStore store;
    private volatile int maxAttachmentBytes;

    @Activate
    public ApplicationService(@Reference Env env, ModuleConfig config) {
        this.env = env;
        this.store = new ApplicationStore(env);
        configure(config);
    }

    @Modified
    void configure(ModuleConfig config) {
        this.maxAttachmentBytes = Math.max(1024, config.attachment_max_bytes());
    }

    public Application apply(Caller caller, long positionId, ApplicationRequest req) {
        if (!caller.hasRole(Roles.MEMBER) || caller.memberId() == null) {
            throw HubException.forbidden("only a member account can apply");
        }
        validate(req);
        Cv cv = req.cv();
        Application created = env.db.inTransaction(c -> {
            Object[] p = ApplicationStore.position(c, positionId).orElseThrow(() -> HubException.notFound("position", positionId));
            long fairId = (Long) p[0];
            if (!PositionStatus.OPEN.name().equals(p[2]) || !EmployerStatus.APPROVED.name().equals(p[3])) {
                throw HubException.conflict("positionId", "position " + positionId + " is closed");
            }
            if (ApplicationStore.hasApplied(c, positionId, caller.memberId())) {
                throw HubException.conflict("positionId", "you have already applied to position " + positionId);
            }
            Instant now = Instant.now();
            Long session = session(c, fairId, positionId, req.livestreamId(), now);
            // in the application's transaction: a refused application leaves no consent behind
            long consent = env.consents.record(c, caller, caller.memberId(), "cv", req.consent(), Set.of()).generalId();
            long id;
            try {
                id = ApplicationStore.insert(c, fairId, positionId, (Long) p[1], caller.memberId(), session, cv, now, consent);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
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
            boolean live = ApplicationStore.onAir(c, named, fairId, now);
            if (!live) {
                throw HubException.invalid("livestreamId", "livestream " + named + " of this fair is not on air");
            }
            return named;
        }
        return ApplicationStore.sessionOnAir(c, fairId, positionId, now).orElse(null);
    }

    /** The statuses the caller may move the application to now (see {@link ApplicationSteps}). */
    public ApplicationSteps.JobApplicationSteps actions(Caller caller, long id) {
        ApplicationStore.Row row = env.db.read(c -> visible(c, caller, id));
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
            ApplicationStore.Row row = visible(c, caller, id);
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
            if (ApplicationStore.move(c, id, a.status(), target, step, Texts.blankToNull(change.note()), now) == 0) {
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
        if (!ApplicationStore.takeHire(c, positionId)) {
            throw HubException.conflict("status", "every place of position " + positionId + " is filled");
        }
    }

    public Application get(Caller caller, long id) {
        return env.db.inTransaction(c -> CvReads.audited(env.audit, c, caller, visible(c, caller, id).app(), "cv"));
    }

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
            return store.page(c, where.toString(), params, page);
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
            List<Long> orgs = ApplicationStore.fairOrgs(c).stream()
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
        FileType declared = declaredType(contentType);
        if (declared == null) {
            throw new HubException(415, "Unsupported media type", "attachment: Content-Type must be "
                    + ALLOWED, List.of(new FieldError("attachment", "Content-Type " + contentType
                            + " is not accepted; send " + ALLOWED)));
        }
        byte[] content = read(body, maxAttachmentBytes);
        Validation v = new Validation();
        v.check(content.length > 0, "attachment", "is empty");
        FileType actual = FileType.detect(content);
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
            String sha = Uploads.sha256(content);
            ApplicationStore.putAttachment(c, id, declared.mediaType(), content, sha);
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
            return ApplicationStore.attachment(c, id).orElseThrow(() -> HubException.notFound("attachment of application", id));
        });
    }

    /** The type a Content-Type header names; image/jpg is not a registered type, but phones send it for JPEG photos. */
    static FileType declaredType(String contentType) {
        return "image/jpg".equals(FileType.bare(contentType)) ? FileType.JPEG : FileType.ofMediaType(contentType);
    }

    /** The attachment as it is read: at most {@code max} bytes; one more means the body is too large, and reading stops there. */
    static byte[] read(InputStream in, int max) {
        return Uploads.read(in, max, () -> Uploads.tooLarge("attachment: at most " + max + " bytes", "attachment",
                "must be at most " + max + " bytes"),
                e -> HubException.badRequest("attachment", "the body could not be read: " + e.getMessage()));
    }

    int maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    // ---- access and rows

    /** The application if the caller may see it; 404 otherwise, so that its existence does not leak. */
    private ApplicationStore.Row visible(Connection c, Caller caller, long id) throws SQLException {
        ApplicationStore.Row row = load(c, id);
        boolean applicant = caller.memberId() != null && caller.memberId() == row.app().memberId();
        if (!caller.isAdmin() && !applicant && !owns(caller, row) && !env.manages(caller, row.orgId())) {
            throw HubException.notFound("application", id);
        }
        return row;
    }

    private static boolean owns(Caller caller, ApplicationStore.Row row) {
        return caller.hasRole(Env.EMPLOYER_ROLE) && caller.username().equals(row.employerAccount());
    }

    static void validate(ApplicationRequest req) {
        Validation v = new Validation();
        v.required("cv", req.cv());
        Cv cv = req.cv();
        if (cv != null) {
            v.required("cv.name", cv.name()).maxLength("cv.name", cv.name(), 100);
            v.required("cv.phone", cv.phone());
            v.valid("cv.phone", Texts.blankToNull(cv.phone()), p -> Env.MOBILE.matcher(p).matches(), "must be an 11-digit mobile number");
            v.valid("cv.email", Texts.blankToNull(cv.email()), m -> m.length() <= 200 && Env.EMAIL.matcher(m).matches(),
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

    private ApplicationStore.Row load(Connection c, long id) throws SQLException {
        return store.find(c, id).orElseThrow(() -> HubException.notFound("application", id));
    }
}
