package org.unionhub.jobfairs.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.api.FairMode;
import org.unionhub.jobfairs.api.JobFairSummary;
import org.unionhub.jobfairs.api.JobFairs;

/** Job fairs themselves: creation and changes by the organising union's officers, public listing. */
@Component(service = {FairService.class, JobFairs.class})
public class FairService implements JobFairs {

    static final int MAX_ZONES = 20;
    private static final String COLUMNS = "ID, ORG_ID, NAME, FAIR_MODE, VENUE, STREAM_URL, STARTS_AT, ENDS_AT, "
            + "SERVICE_ZONES, BOOTH_CAPACITY, BOOTHS_TAKEN, CREATED_AT, UPDATED_AT, UNION_FAIR_ID";
    private static final java.util.regex.Pattern RECRUITMENT = java.util.regex.Pattern.compile(
            "(?i).*(job recruitment|recruitment|招聘).*");

    private final Env env;

    /** The fairs module, when installed: a job fair may then be the job-recruitment section of a union fair. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.unionhub.fairs.api.FairsService unionFairs;

    @Activate
    public FairService(@Reference Env env) {
        this.env = env;
    }

    public Fair create(Caller caller, FairRequest req) {
        Long orgId = req.orgId() != null ? req.orgId() : caller.orgId();
        validate(req, orgId);
        if (env.directory.org(orgId).isEmpty()) {
            throw HubException.invalid("orgId", "organisation " + orgId + " does not exist");
        }
        if (!env.manages(caller, orgId)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        checkUnionFair(req.unionFairId());
        return env.db.inTransaction(c -> {
            Instant now = Instant.now();
            long id = Sql.insert(c, "INSERT INTO JOBFAIRS_FAIR (ORG_ID, NAME, FAIR_MODE, VENUE, STREAM_URL, STARTS_AT, "
                    + "ENDS_AT, SERVICE_ZONES, BOOTH_CAPACITY, BOOTHS_TAKEN, CREATED_AT, UPDATED_AT, UNION_FAIR_ID) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", orgId, req.name().trim(), req.mode(),
                    Texts.blankToNull(req.venue()), Texts.blankToNull(req.streamUrl()), req.startsAt(), req.endsAt(), zones(req),
                    capacity(req), now, now, req.unionFairId());
            env.audit.record(c, caller, "jobfairs.fair.create", "fair", id, changes(req, orgId));
            return load(c, id);
        });
    }

    public Fair update(Caller caller, long id, FairRequest req) {
        return env.db.inTransaction(c -> {
            FairRow current = env.fair(c, id);
            env.requireManage(caller, current);
            long orgId = req.orgId() != null ? req.orgId() : current.orgId();
            validate(req, orgId);
            if (orgId != current.orgId() && (env.directory.org(orgId).isEmpty() || !env.manages(caller, orgId))) {
                throw HubException.invalid("orgId", "organisation " + orgId + " does not exist or is outside your organisation");
            }
            checkUnionFair(req.unionFairId());
            int capacity = capacity(req);
            // the row lock of this conditional UPDATE keeps a registration from taking a booth in between
            int changed = Sql.update(c, "UPDATE JOBFAIRS_FAIR SET ORG_ID = ?, NAME = ?, FAIR_MODE = ?, VENUE = ?, "
                    + "STREAM_URL = ?, STARTS_AT = ?, ENDS_AT = ?, SERVICE_ZONES = ?, BOOTH_CAPACITY = ?, UPDATED_AT = ?, "
                    + "UNION_FAIR_ID = ? WHERE ID = ? AND BOOTHS_TAKEN <= ?", orgId, req.name().trim(), req.mode(),
                    Texts.blankToNull(req.venue()), Texts.blankToNull(req.streamUrl()), req.startsAt(), req.endsAt(), zones(req), capacity,
                    Instant.now(), req.unionFairId(), id, capacity);
            if (changed == 0) {
                throw HubException.conflict("boothCapacity", "employers already hold " + env.fair(c, id).boothsTaken()
                        + " booths; the capacity cannot be lower");
            }
            env.audit.record(c, caller, "jobfairs.fair.update", "fair", id, changes(req, orgId));
            return load(c, id);
        });
    }

    public Fair get(long id) {
        return env.db.read(c -> load(c, id));
    }

    /** Latest first, as before; keyset over (STARTS_AT, ID) from migration V4. */
    private static final Keyset PAGES = Keyset.by("ID").sort("startsAt", "STARTS_AT", java.time.Instant.class)
            .defaultSort("-startsAt");

    public Page<Fair> list(FairMode mode, Long orgId, String name, PageRequest page) {
        return env.db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (mode != null) {
                where.append(" AND FAIR_MODE = ?");
                params.add(mode);
            }
            if (orgId != null) {
                where.append(" AND ORG_ID = ?");
                params.add(orgId);
            }
            if (name != null && !name.isBlank()) {
                where.append(" AND LOWER(NAME) LIKE ? ESCAPE '\\'");
                params.add(Env.contains(name));
            }
            return PAGES.page(c, "SELECT " + COLUMNS, " FROM JOBFAIRS_FAIR" + where, params, page, this::fair);
        });
    }

    @Override
    public Optional<JobFairSummary> find(long jobFairId) {
        return env.db.read(c -> Sql.one(c, "SELECT F.ID, F.NAME, F.FAIR_MODE, F.ORG_ID, F.STARTS_AT, F.ENDS_AT, "
                + "(SELECT COUNT(*) FROM JOBFAIRS_EMPLOYER E WHERE E.FAIR_ID = F.ID AND E.STATUS = 'APPROVED'), "
                + "(SELECT COUNT(*) FROM JOBFAIRS_POSITION P WHERE P.FAIR_ID = F.ID AND P.STATUS = 'OPEN'), "
                + "(SELECT COALESCE(SUM(P.HEADCOUNT), 0) FROM JOBFAIRS_POSITION P WHERE P.FAIR_ID = F.ID AND P.STATUS = 'OPEN') "
                + "FROM JOBFAIRS_FAIR F WHERE F.ID = ?", rs -> new JobFairSummary(rs.getLong(1), rs.getString(2),
                        Sql.getEnum(rs, "FAIR_MODE", FairMode.class), rs.getLong(4), env.time(Sql.getInstant(rs, "STARTS_AT")),
                        env.time(Sql.getInstant(rs, "ENDS_AT")), rs.getLong(7), rs.getLong(8), rs.getLong(9)), jobFairId));
    }

    /**
     * A link to a union fair is checked through the fairs api only: the fair must exist and have a job
     * recruitment section. Without the fairs module there is nothing to link to, and the request says so.
     */
    private void checkUnionFair(Long unionFairId) {
        if (unionFairId == null) {
            return;
        }
        org.unionhub.fairs.api.FairsService fairs = unionFairs;
        if (fairs == null) {
            throw HubException.invalid("unionFairId", "the fairs module is not installed in this hub");
        }
        org.unionhub.fairs.api.Fair fair;
        try {
            fair = fairs.fair(unionFairId);
        } catch (HubException e) {
            throw HubException.invalid("unionFairId", "union fair " + unionFairId + " does not exist");
        }
        if (fair == null) {
            throw HubException.invalid("unionFairId", "union fair " + unionFairId + " does not exist");
        }
        boolean recruitment = fair.sections() != null && fair.sections().stream().anyMatch(sec -> RECRUITMENT.matcher(sec).matches());
        if (!recruitment) {
            throw HubException.invalid("unionFairId", "union fair " + unionFairId + " has no job recruitment section");
        }
    }

    static void validate(FairRequest req, Long orgId) {
        Validation v = new Validation();
        v.required("orgId", orgId);
        v.required("name", req.name()).maxLength("name", req.name(), 200);
        v.required("mode", req.mode());
        v.required("startsAt", req.startsAt());
        v.required("endsAt", req.endsAt());
        v.notBefore("endsAt", req.endsAt(), "startsAt", req.startsAt());
        v.maxLength("venue", req.venue(), 300);
        v.valid("streamUrl", Texts.blankToNull(req.streamUrl()), u -> Env.URL.matcher(u).matches(), "must be an http or https address");
        if (req.mode() != null) {
            if (req.mode().hasBooths()) {
                v.required("venue", req.venue());
                v.required("boothCapacity", req.boothCapacity());
                v.positive("boothCapacity", req.boothCapacity());
            } else {
                v.check(req.boothCapacity() == null || req.boothCapacity() == 0, "boothCapacity",
                        "a fair in mode " + req.mode() + " has no on-site booths");
            }
            if (req.mode() == FairMode.LIVESTREAM) {
                v.required("streamUrl", req.streamUrl());
            }
        }
        v.valid("boothCapacity", req.boothCapacity(), n -> n <= 10_000, "must be at most 10000");
        List<String> zones = req.serviceZones() == null ? List.of() : req.serviceZones();
        v.check(zones.size() <= MAX_ZONES, "serviceZones", "at most " + MAX_ZONES + " zones");
        v.check(zones.stream().allMatch(z -> z != null && !z.isBlank() && z.trim().length() <= 100 && !z.contains("\n")),
                "serviceZones", "each zone needs a name of 1 to 100 characters on one line");
        v.check(new HashSet<>(zones.stream().map(z -> z == null ? "" : z.trim()).toList()).size() == zones.size(),
                "serviceZones", "zones must not repeat");
        v.throwIfInvalid();
    }

    private static int capacity(FairRequest req) {
        return req.mode().hasBooths() && req.boothCapacity() != null ? req.boothCapacity() : 0;
    }

    private static String zones(FairRequest req) {
        return req.serviceZones() == null || req.serviceZones().isEmpty() ? null
                : String.join("\n", req.serviceZones().stream().map(String::trim).toList());
    }

    private static Map<String, Object> changes(FairRequest req, long orgId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", orgId);
        m.put("name", req.name());
        m.put("mode", req.mode());
        m.put("venue", req.venue());
        m.put("streamUrl", req.streamUrl());
        m.put("startsAt", req.startsAt() == null ? null : req.startsAt().toString());
        m.put("endsAt", req.endsAt() == null ? null : req.endsAt().toString());
        m.put("serviceZones", req.serviceZones());
        m.put("boothCapacity", req.boothCapacity());
        m.put("unionFairId", req.unionFairId());
        return m;
    }

    private Fair load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_FAIR WHERE ID = ?", this::fair, id)
                .orElseThrow(() -> HubException.notFound("job fair", id));
    }

    private Fair fair(ResultSet rs) throws SQLException {
        String zones = rs.getString("SERVICE_ZONES");
        return new Fair(rs.getLong("ID"), rs.getLong("ORG_ID"), rs.getString("NAME"),
                Sql.getEnum(rs, "FAIR_MODE", FairMode.class), rs.getString("VENUE"), rs.getString("STREAM_URL"),
                env.time(Sql.getInstant(rs, "STARTS_AT")), env.time(Sql.getInstant(rs, "ENDS_AT")),
                zones == null ? List.of() : Arrays.asList(zones.split("\n")), rs.getInt("BOOTH_CAPACITY"),
                rs.getInt("BOOTHS_TAKEN"), env.time(Sql.getInstant(rs, "CREATED_AT")),
                env.time(Sql.getInstant(rs, "UPDATED_AT")), Sql.getLong(rs, "UNION_FAIR_ID"));
    }
}
