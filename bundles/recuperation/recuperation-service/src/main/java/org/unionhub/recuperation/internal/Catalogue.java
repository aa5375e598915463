package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;
import org.unionhub.recuperation.api.Category;

/** Sanatoriums and programmes: what can be booked. Admins and officers keep them; every account may read them. */
@Component(service = Catalogue.class)
public class Catalogue {

    static final String PROGRAMME_COLUMNS = "P.ID, P.SANATORIUM_ID, S.NAME AS SANATORIUM_NAME, P.TITLE, P.START_DATE, P.DAYS, "
            + "P.END_DATE, P.PLACES, P.TAKEN, P.PRICE_PER_DAY, P.CREATED_AT";
    private static final int MAX_DAYS = 60;

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;

    @Activate
    public Catalogue(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference HubSettings settings) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
    }

    // ---- sanatoriums

    public Sanatorium createSanatorium(Caller caller, SanatoriumRequest req) {
        caller.require(Roles.ADMIN); // the catalogue is region-wide: a district officer must not change it
        Validation v = new Validation();
        v.required("name", req.name()).maxLength("name", req.name(), 200);
        v.required("region", req.region()).maxLength("region", req.region(), 100);
        v.required("unionOwned", req.unionOwned());
        v.required("bedsPerNight", req.bedsPerNight()).positive("bedsPerNight", req.bedsPerNight());
        v.valid("bedsPerNight", req.bedsPerNight(), b -> b <= 100_000, "must be at most 100000");
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            Instant now = Instant.now();
            long id = Sql.insert(c, "INSERT INTO RECUPERATION_SANATORIUM (NAME, REGION, UNION_OWNED, BEDS_PER_NIGHT, CREATED_AT) "
                    + "VALUES (?, ?, ?, ?, ?)", req.name().trim(), req.region().trim(), req.unionOwned(), req.bedsPerNight(), now);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("name", req.name().trim());
            changes.put("region", req.region().trim());
            changes.put("unionOwned", req.unionOwned());
            changes.put("bedsPerNight", req.bedsPerNight());
            audit.record(c, caller, "recuperation.sanatorium.create", "sanatorium", id, changes);
            return sanatorium(c, id);
        });
    }

    public Sanatorium getSanatorium(long id) {
        return db.read(c -> sanatorium(c, id));
    }

    /** Sanatoriums in the order they were added, over (REGION, ID) with a region (migration V3). */
    private static final Keyset SANATORIUM_PAGES = Keyset.by("S.ID");
    /** Programmes soonest first, over (START_DATE, ID) or (SANATORIUM_ID, START_DATE, ID) (migration V3). */
    private static final Keyset PROGRAMME_PAGES = Keyset.by("P.ID").sort("startDate", "P.START_DATE", LocalDate.class)
            .defaultSort("startDate");

    public Page<Sanatorium> listSanatoriums(String region, PageRequest page) {
        return db.read(c -> {
            boolean all = region == null || region.isBlank();
            // S.*, not *: Derby refuses SELECT *, KEY_COLUMN (the keyset adds its key columns after the select list)
            return SANATORIUM_PAGES.page(c, "SELECT S.*", " FROM RECUPERATION_SANATORIUM S" + (all ? " WHERE 1 = 1" : " WHERE S.REGION = ?"),
                    all ? List.of() : List.of(region.trim()), page, this::sanatorium);
        });
    }

    Sanatorium sanatorium(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM RECUPERATION_SANATORIUM WHERE ID = ?", this::sanatorium, id)
                .orElseThrow(() -> HubException.notFound("sanatorium", id));
    }

    private Sanatorium sanatorium(ResultSet rs) throws SQLException {
        return new Sanatorium(rs.getLong("ID"), rs.getString("NAME"), rs.getString("REGION"), rs.getBoolean("UNION_OWNED"),
                rs.getInt("BEDS_PER_NIGHT"), at(Sql.getInstant(rs, "CREATED_AT")));
    }

    // ---- programmes

    public Programme createProgramme(Caller caller, ProgrammeRequest req) {
        caller.require(Roles.ADMIN); // the catalogue is region-wide: a district officer must not change it
        int days = validateProgramme(req);
        return db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM RECUPERATION_SANATORIUM WHERE ID = ?", req.sanatoriumId()) == 0) {
                throw HubException.invalid("sanatoriumId", "sanatorium " + req.sanatoriumId() + " does not exist");
            }
            LocalDate end = req.startDate().plusDays(days - 1L);
            long id = Sql.insert(c, "INSERT INTO RECUPERATION_PROGRAMME (SANATORIUM_ID, TITLE, START_DATE, DAYS, END_DATE, PLACES, "
                    + "PRICE_PER_DAY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", req.sanatoriumId(),
                    Texts.blankToNull(req.title()), req.startDate(), days, end,
                    req.places(), Money.normalize(req.pricePerPersonPerDay()), Instant.now());
            List<QuotaRequest> quotas = req.quotas() == null ? List.of() : req.quotas();
            for (QuotaRequest q : quotas) {
                Sql.update(c, "INSERT INTO RECUPERATION_QUOTA (PROGRAMME_ID, CATEGORY, PLACES, RELEASE_ON) VALUES (?, ?, ?, ?)",
                        id, q.category(), q.places(), q.releaseOn());
            }
            ensureNights(c, req.sanatoriumId(), req.startDate(), end);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("sanatoriumId", req.sanatoriumId());
            changes.put("startDate", req.startDate().toString());
            changes.put("days", days);
            changes.put("places", req.places());
            changes.put("pricePerPersonPerDay", Money.normalize(req.pricePerPersonPerDay()));
            changes.put("quotas", quotas.stream().map(q -> q.category() + ":" + q.places() + " until " + q.releaseOn()).toList());
            audit.record(c, caller, "recuperation.programme.create", "programme", id, changes);
            return programme(c, id);
        });
    }

    /** Answers the number of days; refuses 0 days, an end before the start, quotas beyond the places… */
    private int validateProgramme(ProgrammeRequest req) {
        Validation v = new Validation();
        v.required("sanatoriumId", req.sanatoriumId());
        v.maxLength("title", req.title(), 200);
        v.required("startDate", req.startDate());
        v.check(req.days() != null || req.endDate() != null, "days", "is required");
        v.positive("days", req.days());
        v.valid("days", req.days(), d -> d <= MAX_DAYS, "must be at most " + MAX_DAYS);
        v.notBefore("endDate", req.endDate(), "startDate", req.startDate());
        Integer days = req.days();
        if (req.endDate() != null && req.startDate() != null && !req.endDate().isBefore(req.startDate())) {
            int span = (int) (req.endDate().toEpochDay() - req.startDate().toEpochDay()) + 1;
            v.check(days == null || days == span, "endDate", "must be startDate + days − 1 (" + req.startDate().plusDays(
                    (days == null ? 1 : days) - 1L) + ")");
            v.check(span <= MAX_DAYS, "endDate", "the stay must last at most " + MAX_DAYS + " days");
            days = days == null ? span : days;
        }
        v.valid("startDate", req.startDate(), d -> d.isAfter(today()), "must lie in the future");
        v.required("places", req.places()).positive("places", req.places());
        v.valid("places", req.places(), p -> p <= 100_000, "must be at most 100000");
        v.required("pricePerPersonPerDay", req.pricePerPersonPerDay()).money("pricePerPersonPerDay", req.pricePerPersonPerDay());
        v.valid("pricePerPersonPerDay", req.pricePerPersonPerDay(), p -> p.compareTo(new BigDecimal("100000")) <= 0,
                "must be at most 100000");
        int reserved = 0;
        Set<Category> seen = EnumSet.noneOf(Category.class);
        List<QuotaRequest> quotas = req.quotas() == null ? List.of() : req.quotas();
        for (int i = 0; i < quotas.size(); i++) {
            QuotaRequest q = quotas.get(i);
            String f = "quotas[" + i + "].";
            if (q == null) {
                v.error("quotas[" + i + "]", "must be an object");
                continue;
            }
            v.required(f + "category", q.category());
            v.check(q.category() == null || seen.add(q.category()), f + "category", "appears twice");
            v.required(f + "places", q.places()).positive(f + "places", q.places());
            v.required(f + "releaseOn", q.releaseOn());
            v.check(q.releaseOn() == null || req.startDate() == null || !q.releaseOn().isAfter(req.startDate()),
                    f + "releaseOn", "must not be after startDate");
            reserved += q.places() == null || q.places() < 0 ? 0 : q.places();
        }
        v.check(req.places() == null || reserved <= req.places(), "quotas", "reserve " + reserved + " places, more than the "
                + req.places() + " the programme has");
        v.throwIfInvalid();
        return days;
    }

    /** One row per sanatorium and date, so that bookings can take beds with a conditional UPDATE. */
    private static void ensureNights(Connection c, long sanatoriumId, LocalDate from, LocalDate to) throws SQLException {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (Sql.count(c, "SELECT COUNT(*) FROM RECUPERATION_NIGHT WHERE SANATORIUM_ID = ? AND NIGHT = ?", sanatoriumId, d) == 0) {
                try {
                    Sql.update(c, "INSERT INTO RECUPERATION_NIGHT (SANATORIUM_ID, NIGHT, TAKEN) VALUES (?, ?, 0)", sanatoriumId, d);
                } catch (SQLException e) {
                    if (!Sql.isDuplicateKey(e)) {
                        throw e;
                    }
                    // another programme of the sanatorium created it meanwhile: that is all we wanted
                }
            }
        }
    }

    /** For a programme named in a request body: unknown is a field error, not a missing resource. */
    public Programme getProgrammeOr422(long id) {
        return db.read(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM RECUPERATION_PROGRAMME WHERE ID = ?", id) == 0) {
                throw HubException.invalid("programmeId", "programme " + id + " does not exist");
            }
            return programme(c, id);
        });
    }

    public Programme getProgramme(long id) {
        return db.read(c -> programme(c, id));
    }

    public Page<Programme> listProgrammes(Long sanatoriumId, LocalDate from, LocalDate to, PageRequest page) {
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (sanatoriumId != null) {
                where.append(" AND P.SANATORIUM_ID = ?");
                params.add(sanatoriumId);
            }
            if (from != null) {
                where.append(" AND P.START_DATE >= ?");
                params.add(from);
            }
            if (to != null) {
                where.append(" AND P.START_DATE <= ?");
                params.add(to);
            }
            String join = " FROM RECUPERATION_PROGRAMME P JOIN RECUPERATION_SANATORIUM S ON S.ID = P.SANATORIUM_ID";
            Page<Long> ids = PROGRAMME_PAGES.page(c, "SELECT P.ID", join + where, params, page, rs -> rs.getLong(1));
            List<Programme> items = new ArrayList<>();
            for (long id : ids.items()) {
                items.add(programme(c, id));
            }
            return new Page<>(items, ids.total(), ids.offset(), ids.limit(), ids.nextCursor(), ids.totalExact());
        });
    }

    Programme programme(Connection c, long id) throws SQLException {
        List<Quota> quotas = quotas(c, id);
        int held = quotas.stream().mapToInt(Quota::held).sum();
        return Sql.one(c, "SELECT " + PROGRAMME_COLUMNS + " FROM RECUPERATION_PROGRAMME P JOIN RECUPERATION_SANATORIUM S "
                + "ON S.ID = P.SANATORIUM_ID WHERE P.ID = ?", rs -> new Programme(rs.getLong("ID"), rs.getLong("SANATORIUM_ID"),
                        rs.getString("SANATORIUM_NAME"), rs.getString("TITLE"), Sql.getDate(rs, "START_DATE"), rs.getInt("DAYS"),
                        Sql.getDate(rs, "END_DATE"), rs.getInt("PLACES"), rs.getInt("TAKEN"),
                        Math.max(rs.getInt("PLACES") - rs.getInt("TAKEN") - held, 0), rs.getBigDecimal("PRICE_PER_DAY"), quotas,
                        at(Sql.getInstant(rs, "CREATED_AT"))), id)
                .orElseThrow(() -> HubException.notFound("programme", id));
    }

    List<Quota> quotas(Connection c, long programmeId) throws SQLException {
        LocalDate today = today();
        return Sql.list(c, "SELECT CATEGORY, PLACES, TAKEN, RELEASE_ON FROM RECUPERATION_QUOTA WHERE PROGRAMME_ID = ? ORDER BY CATEGORY",
                rs -> {
                    LocalDate release = Sql.getDate(rs, "RELEASE_ON");
                    return new Quota(Sql.getEnum(rs, "CATEGORY", Category.class), rs.getInt("PLACES"), rs.getInt("TAKEN"), release,
                            !today.isBefore(release));
                }, programmeId);
    }

    public LocalDate today() {
        return LocalDate.now(zone());
    }

    public ZoneId zone() {
        return settings.zone();
    }

    public OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone()).toOffsetDateTime();
    }
}
