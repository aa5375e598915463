package org.unionhub.jobfairs.internal;

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
import org.unionhub.api.validation.Texts;

/** Positions: posted by an approved employer (or an officer for it), searched by anyone. */
@Component(service = PositionService.class)
public class PositionService {

    static final BigDecimal MAX_SALARY = new BigDecimal("1000000");
    /**
     * The search's sorts, newest first by default; each over an index (FAIR_ID, STATUS, column, ID) from migration V5,
     * since every search names the fair and a status.
     */
    static final Keyset PAGES = Keyset.by("P.ID").sort("createdAt", "P.CREATED_AT", java.time.Instant.class)
            .sort("salaryMin", "P.SALARY_MIN", java.math.BigDecimal.class)
            .sort("salaryMax", "P.SALARY_MAX", java.math.BigDecimal.class).sort("headcount", "P.HEADCOUNT", Long.class)
            .sort("title", "P.TITLE", String.class).defaultSort("-id");
    private static final String COLUMNS = "P.ID, P.FAIR_ID, P.EMPLOYER_ID, E.NAME AS EMPLOYER_NAME, P.TITLE, P.INDUSTRY, "
            + "P.HEADCOUNT, P.HIRED, P.SALARY_MIN, P.SALARY_MAX, P.EDUCATION, P.EXPERIENCE_YEARS, P.LOCATION, "
            + "P.DESCRIPTION, P.STATUS, P.CREATED_AT, P.UPDATED_AT";
    private static final String FROM = " FROM JOBFAIRS_POSITION P JOIN JOBFAIRS_EMPLOYER E ON E.ID = P.EMPLOYER_ID";

    private final Env env;
    private final EmployerService employers;

    @Activate
    public PositionService(@Reference Env env, @Reference EmployerService employers) {
        this.env = env;
        this.employers = employers;
    }

    public Position create(Caller caller, long fairId, PositionRequest req) {
        validate(req);
        return env.db.inTransaction(c -> {
            FairRow fair = env.fair(c, fairId);
            Employer e = postingEmployer(c, caller, fair, req.employerId());
            Instant now = Instant.now();
            long id = Sql.insert(c, "INSERT INTO JOBFAIRS_POSITION (FAIR_ID, EMPLOYER_ID, TITLE, INDUSTRY, HEADCOUNT, HIRED, "
                    + "SALARY_MIN, SALARY_MAX, EDUCATION, EXPERIENCE_YEARS, LOCATION, DESCRIPTION, STATUS, CREATED_AT, "
                    + "UPDATED_AT) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fairId, e.id(), req.title().trim(),
                    industry(req, e), req.headcount(), Money.normalize(req.salaryMin()), Money.normalize(req.salaryMax()),
                    req.education(), req.experienceYears(), req.location().trim(), Texts.blankToNull(req.description()),
                    req.status() == null ? PositionStatus.OPEN : req.status(), now, now);
            env.audit.record(c, caller, "jobfairs.position.create", "position", id, changes(req, e.id()));
            return load(c, id);
        });
    }

    public Position update(Caller caller, long id, PositionRequest req) {
        validate(req);
        return env.db.inTransaction(c -> {
            Position current = load(c, id);
            FairRow fair = env.fair(c, current.fairId());
            Employer e = postingEmployer(c, caller, fair, current.employerId());
            if (req.employerId() != null && req.employerId() != e.id()) {
                throw HubException.invalid("employerId", "a position cannot move to another employer");
            }
            // HIRED <= ? in the same statement: a hire between our read and this write cannot be lost
            int changed = Sql.update(c, "UPDATE JOBFAIRS_POSITION SET TITLE = ?, INDUSTRY = ?, HEADCOUNT = ?, SALARY_MIN = ?, "
                    + "SALARY_MAX = ?, EDUCATION = ?, EXPERIENCE_YEARS = ?, LOCATION = ?, DESCRIPTION = ?, STATUS = ?, "
                    + "UPDATED_AT = ? WHERE ID = ? AND HIRED <= ?", req.title().trim(), industry(req, e), req.headcount(),
                    Money.normalize(req.salaryMin()), Money.normalize(req.salaryMax()), req.education(),
                    req.experienceYears(), req.location().trim(), Texts.blankToNull(req.description()),
                    req.status() == null ? current.status() : req.status(), Instant.now(), id, req.headcount());
            if (changed == 0) {
                throw HubException.conflict("headcount", load(c, id).hired() + " people are already hired; "
                        + "the headcount cannot be lower");
            }
            // a position whose every place is filled stays closed, whatever the request says
            Sql.update(c, "UPDATE JOBFAIRS_POSITION SET STATUS = ? WHERE ID = ? AND HIRED >= HEADCOUNT", PositionStatus.CLOSED,
                    id);
            env.audit.record(c, caller, "jobfairs.position.update", "position", id, changes(req, e.id()));
            return load(c, id);
        });
    }

    public Position get(long id) {
        return env.db.read(c -> load(c, id));
    }

    /** Anyone may search; only positions of approved employers are listed, open ones unless asked otherwise. */
    public Page<Position> search(long fairId, PositionQuery q, PageRequest page) {
        String sort = Texts.blankToNull(q.sort());
        return env.db.read(c -> {
            env.fair(c, fairId);
            StringBuilder where = new StringBuilder(" WHERE P.FAIR_ID = ? AND E.STATUS = 'APPROVED' AND P.STATUS = ?");
            List<Object> params = new ArrayList<>(List.of(fairId, q.status() == null ? PositionStatus.OPEN : q.status()));
            if (q.keyword() != null && !q.keyword().isBlank()) {
                where.append(" AND (LOWER(P.TITLE) LIKE ? ESCAPE '\\' OR LOWER(P.DESCRIPTION) LIKE ? ESCAPE '\\' "
                        + "OR LOWER(E.NAME) LIKE ? ESCAPE '\\')");
                String like = Env.contains(q.keyword());
                params.add(like);
                params.add(like);
                params.add(like);
            }
            if (q.industry() != null && !q.industry().isBlank()) {
                where.append(" AND LOWER(P.INDUSTRY) = ?");
                params.add(q.industry().trim().toLowerCase());
            }
            if (q.salaryFloor() != null) {
                where.append(" AND P.SALARY_MAX >= ?");
                params.add(q.salaryFloor());
            }
            if (q.location() != null && !q.location().isBlank()) {
                where.append(" AND LOWER(P.LOCATION) LIKE ? ESCAPE '\\'");
                params.add(Env.contains(q.location()));
            }
            if (q.education() != null) {
                // positions that ask for this level or less
                List<Education> levels = List.of(Education.values()).subList(0, q.education().ordinal() + 1);
                where.append(" AND P.EDUCATION IN (").append(String.join(", ", levels.stream().map(l -> "?").toList()))
                        .append(")");
                params.addAll(levels);
            }
            if (q.employerId() != null) {
                where.append(" AND P.EMPLOYER_ID = ?");
                params.add(q.employerId());
            }
            return PAGES.page(c, "SELECT " + COLUMNS, FROM + where, params, page, sort, this::position);
        });
    }

    /** "salaryMax" or "-salaryMax" to SQL; anything else is the client's mistake. */

    /**
     * The employer a position is posted for: the caller's own approved registration, or any approved
     * one of the fair when the caller manages the fair.
     */
    private Employer postingEmployer(Connection c, Caller caller, FairRow fair, Long employerId) throws SQLException {
        Long id = employerId;
        if (id == null) {
            List<Long> own = Sql.list(c, "SELECT ID FROM JOBFAIRS_EMPLOYER WHERE FAIR_ID = ? AND ACCOUNT_USERNAME = ?",
                    rs -> rs.getLong(1), fair.id(), caller.username());
            if (own.size() != 1 || !caller.hasRole(Env.EMPLOYER_ROLE)) {
                throw HubException.invalid("employerId", "is required");
            }
            id = own.get(0);
        }
        long wanted = id;
        Employer e = Sql.one(c, "SELECT " + EmployerService.COLUMNS + " FROM JOBFAIRS_EMPLOYER WHERE ID = ?",
                employers::employer, wanted).orElse(null);
        if (e == null || e.fairId() != fair.id()) {
            throw HubException.invalid("employerId", "employer " + wanted + " is not registered for job fair " + fair.id());
        }
        if (!EmployerService.owns(caller, e) && !env.manages(caller, fair.orgId())) {
            throw HubException.forbidden("only the employer's own account or the fair's officers can post its positions");
        }
        if (e.status() != EmployerStatus.APPROVED) {
            throw HubException.conflict("employerId", "employer " + wanted + " is " + e.status() + "; only approved "
                    + "employers post positions");
        }
        return e;
    }

    public static void validate(PositionRequest req) {
        Validation v = new Validation();
        v.required("title", req.title()).maxLength("title", req.title(), 200);
        v.maxLength("industry", req.industry(), 50);
        v.required("headcount", req.headcount()).positive("headcount", req.headcount());
        v.valid("headcount", req.headcount(), n -> n <= 100_000, "must be at most 100000");
        v.required("salaryMin", req.salaryMin()).money("salaryMin", req.salaryMin());
        v.required("salaryMax", req.salaryMax()).money("salaryMax", req.salaryMax());
        v.valid("salaryMax", req.salaryMax(), s -> s.compareTo(MAX_SALARY) <= 0, "must be at most " + MAX_SALARY);
        v.check(req.salaryMin() == null || req.salaryMax() == null || req.salaryMin().compareTo(req.salaryMax()) <= 0,
                "salaryMin", "must not be above salaryMax");
        v.required("education", req.education());
        v.required("experienceYears", req.experienceYears()).notNegative("experienceYears", req.experienceYears());
        v.valid("experienceYears", req.experienceYears(), n -> n <= 50, "must be at most 50");
        v.required("location", req.location()).maxLength("location", req.location(), 100);
        v.maxLength("description", req.description(), 4000);
        v.throwIfInvalid();
    }

    private static String industry(PositionRequest req, Employer e) {
        return req.industry() == null || req.industry().isBlank() ? e.industry() : req.industry().trim();
    }

    private static Map<String, Object> changes(PositionRequest req, long employerId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employerId", employerId);
        m.put("title", req.title());
        m.put("industry", req.industry());
        m.put("headcount", req.headcount());
        m.put("salaryMin", req.salaryMin());
        m.put("salaryMax", req.salaryMax());
        m.put("education", req.education());
        m.put("experienceYears", req.experienceYears());
        m.put("location", req.location());
        m.put("status", req.status());
        return m;
    }

    Position load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE P.ID = ?", this::position, id)
                .orElseThrow(() -> HubException.notFound("position", id));
    }

    private Position position(ResultSet rs) throws SQLException {
        return new Position(rs.getLong("ID"), rs.getLong("FAIR_ID"), rs.getLong("EMPLOYER_ID"),
                rs.getString("EMPLOYER_NAME"), rs.getString("TITLE"), rs.getString("INDUSTRY"), rs.getInt("HEADCOUNT"),
                rs.getInt("HIRED"), Money.normalize(rs.getBigDecimal("SALARY_MIN")),
                Money.normalize(rs.getBigDecimal("SALARY_MAX")), Sql.getEnum(rs, "EDUCATION", Education.class),
                rs.getInt("EXPERIENCE_YEARS"), rs.getString("LOCATION"), rs.getString("DESCRIPTION"),
                Sql.getEnum(rs, "STATUS", PositionStatus.class), env.time(Sql.getInstant(rs, "CREATED_AT")),
                env.time(Sql.getInstant(rs, "UPDATED_AT")));
    }
}
