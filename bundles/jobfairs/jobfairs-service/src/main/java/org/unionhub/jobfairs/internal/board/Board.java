package org.unionhub.jobfairs.internal.board;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.internal.Education;
import org.unionhub.jobfairs.internal.Env;
import org.unionhub.jobfairs.internal.ModuleConfig;
import org.unionhub.jobfairs.internal.PositionRequest;
import org.unionhub.jobfairs.internal.PositionService;
import org.unionhub.jobfairs.internal.PositionStatus;

/**
 * The year-round job board ("年发布岗位5万余个"): approved registry employers post positions outside any fair,
 * each listed until its expiry (at most {@code board.max.days} ahead, the region's setting); anyone searches the
 * open, unexpired positions of approved employers on the hub's list contract.
 */
@Component(service = Board.class, configurationPid = ModuleConfig.PID)
public class Board {

    static final String COLUMNS = "J.ID, J.REGISTRY_ID, R.NAME AS EMPLOYER_NAME, J.ORG_ID, J.TITLE, J.INDUSTRY, J.HEADCOUNT, "
            + "J.HIRED, J.SALARY_MIN, J.SALARY_MAX, J.EDUCATION, J.EXPERIENCE_YEARS, J.LOCATION, J.DESCRIPTION, J.STATUS, "
            + "J.EXPIRES_ON, J.CREATED_AT, J.UPDATED_AT";
    static final String FROM = " FROM JOBFAIRS_JOB J JOIN JOBFAIRS_REGISTRY R ON R.ID = J.REGISTRY_ID";
    static final Keyset LIST = Keyset.by("J.ID").sort("createdAt", "J.CREATED_AT", Instant.class)
            .sort("expiresOn", "J.EXPIRES_ON", LocalDate.class).sort("title", "J.TITLE", String.class).defaultSort("-id");

    private final Env env;
    private final Registry registry;
    private volatile int maxDays;

    @Activate
    public Board(@Reference Env env, @Reference Registry registry, ModuleConfig config) {
        this.env = env;
        this.registry = registry;
        configure(config);
    }

    @Modified
    void configure(ModuleConfig config) {
        this.maxDays = Math.max(1, config.board_max_days());
    }

    public Job post(Caller caller, JobRequest req) {
        validate(req);
        return env.db().inTransaction(c -> {
            RegistryEmployer e = postingEmployer(c, caller, req.employerId());
            Instant now = Instant.now();
            long id = Sql.insert(c, "INSERT INTO JOBFAIRS_JOB (REGISTRY_ID, ORG_ID, TITLE, INDUSTRY, HEADCOUNT, HIRED, "
                    + "SALARY_MIN, SALARY_MAX, EDUCATION, EXPERIENCE_YEARS, LOCATION, DESCRIPTION, STATUS, EXPIRES_ON, "
                    + "CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.orgId(),
                    req.title().trim(), industry(req, e), req.headcount(), Money.normalize(req.salaryMin()),
                    Money.normalize(req.salaryMax()), req.education(), req.experienceYears(), req.location().trim(),
                    Texts.blankToNull(req.description()), req.status() == null ? PositionStatus.OPEN : req.status(),
                    req.expiresOn(), now, now);
            env.audit().record(c, caller, "jobfairs.job.post", "job", id, changes(req, e.id()));
            return load(c, id);
        });
    }

    public Job update(Caller caller, long id, JobRequest req) {
        validate(req);
        return env.db().inTransaction(c -> {
            Job current = load(c, id);
            RegistryEmployer e = postingEmployer(c, caller, current.employerId());
            if (req.employerId() != null && req.employerId() != e.id()) {
                throw HubException.invalid("employerId", "a position cannot move to another employer");
            }
            // HIRED <= ? in the same statement: a hire between our read and this write cannot be lost
            if (Sql.update(c, "UPDATE JOBFAIRS_JOB SET TITLE = ?, INDUSTRY = ?, HEADCOUNT = ?, SALARY_MIN = ?, SALARY_MAX = ?, "
                    + "EDUCATION = ?, EXPERIENCE_YEARS = ?, LOCATION = ?, DESCRIPTION = ?, STATUS = ?, EXPIRES_ON = ?, "
                    + "UPDATED_AT = ? WHERE ID = ? AND HIRED <= ?", req.title().trim(), industry(req, e), req.headcount(),
                    Money.normalize(req.salaryMin()), Money.normalize(req.salaryMax()), req.education(),
                    req.experienceYears(), req.location().trim(), Texts.blankToNull(req.description()),
                    req.status() == null ? current.status() : req.status(), req.expiresOn(), Instant.now(), id,
                    req.headcount()) == 0) {
                throw HubException.conflict("headcount", current.hired() + " people are already hired; "
                        + "the headcount cannot be lower");
            }
            Sql.update(c, "UPDATE JOBFAIRS_JOB SET STATUS = ? WHERE ID = ? AND HIRED >= HEADCOUNT", PositionStatus.CLOSED, id);
            env.audit().record(c, caller, "jobfairs.job.update", "job", id, changes(req, e.id()));
            return load(c, id);
        });
    }

    public Job get(long id) {
        return env.db().read(c -> load(c, id));
    }

    /**
     * Open, unexpired positions of approved employers: {@code q} anywhere in the title or description, exact
     * industry, {@code location} anywhere, salary floor, the employer; sorted and paged by keyset.
     */
    public Page<Job> search(String q, String industry, String location, java.math.BigDecimal salaryFloor,
            Education education, Long employerId, PageRequest page) {
        return env.db().read(c -> {
            StringBuilder where = new StringBuilder(FROM + " WHERE R.STATUS = 'APPROVED' AND J.STATUS = 'OPEN' "
                    + "AND J.EXPIRES_ON >= ?");
            List<Object> params = new ArrayList<>(List.of(today()));
            if (q != null && !q.isBlank()) {
                where.append(" AND (LOWER(J.TITLE) LIKE ? ESCAPE '\\' OR LOWER(J.DESCRIPTION) LIKE ? ESCAPE '\\')");
                params.add(Env.contains(q));
                params.add(Env.contains(q));
            }
            if (industry != null && !industry.isBlank()) {
                where.append(" AND LOWER(J.INDUSTRY) = ?");
                params.add(industry.trim().toLowerCase());
            }
            if (location != null && !location.isBlank()) {
                where.append(" AND LOWER(J.LOCATION) LIKE ? ESCAPE '\\'");
                params.add(Env.contains(location));
            }
            if (salaryFloor != null) {
                where.append(" AND J.SALARY_MAX >= ?");
                params.add(salaryFloor);
            }
            if (education != null) {
                List<Education> levels = List.of(Education.values()).subList(0, education.ordinal() + 1);
                where.append(" AND J.EDUCATION IN (").append(String.join(", ", levels.stream().map(l -> "?").toList()))
                        .append(")");
                params.addAll(levels);
            }
            if (employerId != null) {
                where.append(" AND J.REGISTRY_ID = ?");
                params.add(employerId);
            }
            return LIST.page(c, "SELECT " + COLUMNS, where.toString(), params, page, this::job);
        });
    }

    LocalDate today() {
        return LocalDate.now(env.zone());
    }

    /** The approved registry employer a position is posted for: the caller's own, or one its union's officer names. */
    private RegistryEmployer postingEmployer(Connection c, Caller caller, Long employerId) throws SQLException {
        Long id = employerId;
        if (id == null) {
            List<Long> own = Sql.list(c, "SELECT ID FROM JOBFAIRS_REGISTRY WHERE ACCOUNT_USERNAME = ?", rs -> rs.getLong(1),
                    caller.username());
            if (own.size() != 1 || !caller.hasRole(Env.EMPLOYER_ROLE)) {
                throw HubException.invalid("employerId", "is required");
            }
            id = own.get(0);
        }
        long wanted = id;
        RegistryEmployer e = Sql.one(c, "SELECT " + Registry.COLUMNS + " FROM JOBFAIRS_REGISTRY R WHERE R.ID = ?",
                registry::employer, wanted).orElseThrow(() -> HubException.invalid("employerId",
                        "employer " + wanted + " is not in the registry"));
        registry.requireOwnerOrManager(caller, e);
        if (e.status() != RegistryStatus.APPROVED) {
            throw HubException.conflict("employerId", "employer " + wanted + " is " + e.status()
                    + "; only approved employers post positions");
        }
        return e;
    }

    private void validate(JobRequest req) {
        Validation v = new Validation();
        v.required("expiresOn", req.expiresOn());
        LocalDate today = today();
        v.valid("expiresOn", req.expiresOn(), d -> !d.isBefore(today), "must be today or later");
        v.valid("expiresOn", req.expiresOn(), d -> !d.isAfter(today.plusDays(maxDays)),
                "must be at most " + maxDays + " days ahead (board.max.days)");
        v.throwIfInvalid();
        PositionService.validate(new PositionRequest(req.employerId(), req.title(), req.industry(), req.headcount(),
                req.salaryMin(), req.salaryMax(), req.education(), req.experienceYears(), req.location(),
                req.description(), req.status()));
    }

    private static String industry(JobRequest req, RegistryEmployer e) {
        return req.industry() == null || req.industry().isBlank() ? e.industry() : req.industry().trim();
    }

    private static Map<String, Object> changes(JobRequest req, long employerId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employerId", employerId);
        m.put("title", req.title());
        m.put("headcount", req.headcount());
        m.put("salaryMin", req.salaryMin());
        m.put("salaryMax", req.salaryMax());
        m.put("expiresOn", req.expiresOn());
        m.put("status", req.status());
        return m;
    }

    Job load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE J.ID = ?", this::job, id)
                .orElseThrow(() -> HubException.notFound("job", id));
    }

    private Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getLong("ID"), rs.getLong("REGISTRY_ID"), rs.getString("EMPLOYER_NAME"), rs.getLong("ORG_ID"),
                rs.getString("TITLE"), rs.getString("INDUSTRY"), rs.getInt("HEADCOUNT"), rs.getInt("HIRED"),
                Money.normalize(rs.getBigDecimal("SALARY_MIN")), Money.normalize(rs.getBigDecimal("SALARY_MAX")),
                Sql.getEnum(rs, "EDUCATION", Education.class), rs.getInt("EXPERIENCE_YEARS"), rs.getString("LOCATION"),
                rs.getString("DESCRIPTION"), Sql.getEnum(rs, "STATUS", PositionStatus.class), Sql.getDate(rs, "EXPIRES_ON"),
                env.time(Sql.getInstant(rs, "CREATED_AT")), env.time(Sql.getInstant(rs, "UPDATED_AT")));
    }
}
