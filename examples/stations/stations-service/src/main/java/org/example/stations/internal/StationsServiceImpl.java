package org.example.stations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.example.stations.api.BookedSlot;
import org.example.stations.api.Booking;
import org.example.stations.api.BookingRequest;
import org.example.stations.api.BookingStatus;
import org.example.stations.api.Card;
import org.example.stations.api.ClosureReport;
import org.example.stations.api.ClosureReportRequest;
import org.example.stations.api.Compartment;
import org.example.stations.api.Locker;
import org.example.stations.api.LockerRequest;
import org.example.stations.api.Rating;
import org.example.stations.api.RatingRequest;
import org.example.stations.api.RestockItem;
import org.example.stations.api.RestockRequest;
import org.example.stations.api.Review;
import org.example.stations.api.ReviewRequest;
import org.example.stations.api.Station;
import org.example.stations.api.StationCard;
import org.example.stations.api.StationFilter;
import org.example.stations.api.StationRequest;
import org.example.stations.api.StationState;
import org.example.stations.api.StationsEvents;
import org.example.stations.api.StationsService;
import org.example.stations.api.Visit;
import org.example.stations.api.VisitRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * The rules of union rest stations. A booking takes one unit of a compartment's supply with a conditional UPDATE
 * ({@code RESERVED < STOCK}) and its slots with one row each in STATIONS_BOOKING_SLOT, whose primary key
 * (compartment, slot start) makes a double booking impossible however many members race for it. A review locks
 * the rows of the stations it covers, so two reviews never card one station twice for one period.
 */
@Component(service = {StationsService.class, StationsServiceImpl.class}, configurationPid = "org.unionhub.stations")
@Designate(ocd = ModuleConfig.class)
public class StationsServiceImpl implements StationsService {

    private static final String DUPLICATE_KEY = "23505";
    private static final int MAX_COMPARTMENTS = 60;

    private final Logger logger = LoggerFactory.getLogger(StationsServiceImpl.class);
    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final HubSettings settings;
    private final EventAdmin eventAdmin;
    private volatile ModuleConfig config;

    @Activate
    public StationsServiceImpl(@Reference(target = "(unionhub.module=stations)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference HubSettings settings, @Reference EventAdmin eventAdmin,
            ModuleConfig config) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.settings = settings;
        this.eventAdmin = eventAdmin;
        configure(config);
    }

    @Modified
    void configure(ModuleConfig config) {
        if (config.slot_minutes() < 5 || 1440 % config.slot_minutes() != 0) {
            logger.warn("slot.minutes {} in org.unionhub.stations does not divide a day into slots of 5 minutes or more; "
                    + "keeping {}", config.slot_minutes(), this.config == null ? 60 : this.config.slot_minutes());
        }
        this.config = config;
    }

    int slotMinutes() {
        int m = config.slot_minutes();
        return m >= 5 && 1440 % m == 0 ? m : 60;
    }

    private ZoneId zone() {
        return settings.zone();
    }

    private OffsetDateTime local(Instant t) {
        return t == null ? null : t.atZone(zone()).toOffsetDateTime();
    }

    // ---- stations

    @Override
    public Station createStation(Caller caller, StationRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        Rules.validateStation(r, v);
        Long orgId = r.orgId() != null ? r.orgId() : caller.orgId();
        if (orgId == null) {
            v.error("orgId", "is required");
        } else if (directory.org(orgId).isEmpty()) {
            v.error("orgId", "organisation " + orgId + " does not exist");
        }
        v.throwIfInvalid();
        if (!caller.canManage(orgId, directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        Instant now = Instant.now();
        long id = db.inTransaction(c -> {
            long stationId = Sql.insert(c, "INSERT INTO STATIONS_STATION (NAME, ADDRESS, ORG_ID, OPEN_24H, HOURS, SERVICES, "
                    + "ENTRY, STATE, CARD, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.name().trim(), r.address().trim(), orgId, open24h(r), hours(r), services(r), blankToNull(r.entry()),
                    StationState.ACTIVE, Card.NONE, now, now);
            audit.record(c, caller, "stations.station.create", "station", stationId, stationChanges(r, orgId));
            return stationId;
        });
        return station(id);
    }

    @Override
    public Station updateStation(Caller caller, long stationId, StationRequest r) {
        StationRow current = requireManage(caller, stationId);
        Validation v = new Validation();
        Rules.validateStation(r, v);
        long orgId = r.orgId() != null ? r.orgId() : current.orgId();
        if (directory.org(orgId).isEmpty()) {
            v.error("orgId", "organisation " + orgId + " does not exist");
        }
        v.throwIfInvalid();
        if (!caller.canManage(orgId, directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        db.inTransaction(c -> {
            StationRow s = lockStation(c, stationId);
            if (s.state() == StationState.CLOSED) {
                throw HubException.conflict("station " + stationId + " is closed");
            }
            Sql.update(c, "UPDATE STATIONS_STATION SET NAME = ?, ADDRESS = ?, ORG_ID = ?, OPEN_24H = ?, HOURS = ?, "
                    + "SERVICES = ?, ENTRY = ?, UPDATED_AT = ? WHERE ID = ?", r.name().trim(), r.address().trim(), orgId,
                    open24h(r), hours(r), services(r), blankToNull(r.entry()), Instant.now(), stationId);
            audit.record(c, caller, "stations.station.update", "station", stationId, stationChanges(r, orgId));
            return null;
        });
        return station(stationId);
    }

    @Override
    public Station station(long stationId) {
        StationRow s = db.read(c -> stationRow(c, stationId)).orElseThrow(() -> HubException.notFound("station", stationId));
        return toStation(s, Instant.now());
    }

    @Override
    public Page<Station> stations(StationFilter f, PageRequest page) {
        if (f.service() != null && !Station.SERVICES.contains(f.service())) {
            throw HubException.badRequest("service", "must be one of " + String.join(", ", Station.SERVICES));
        }
        Instant now = Instant.now();
        List<StationRow> rows = db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (f.state() != null) {
                where.append(" AND S.STATE = ?");
                params.add(f.state());
            }
            return Sql.list(c, StationRow.SELECT + where + " ORDER BY S.ID", StationRow::of, params.toArray());
        });
        // a few hundred stations per hub: the tree, service and open-now filters are plain Java
        List<Station> matching = new ArrayList<>();
        for (StationRow s : rows) {
            if (f.orgId() != null && !directory.isWithin(s.orgId(), f.orgId())
                    || f.service() != null && !s.services().contains(f.service())) {
                continue;
            }
            Station st = toStation(s, now);
            if (f.openNow() == null || f.openNow() == st.openNow()) {
                matching.add(st);
            }
        }
        int from = Math.min(page.offset(), matching.size());
        int to = Math.min(from + page.limit(), matching.size());
        return new Page<>(List.copyOf(matching.subList(from, to)), matching.size(), page.offset(), page.limit());
    }

    private Station toStation(StationRow s, Instant now) {
        boolean open = s.state() == StationState.ACTIVE && Rules.isOpen(s.open24h(), s.hours(), now.atZone(zone()));
        return new Station(s.id(), s.name(), s.address(), s.orgId(), s.open24h(), s.hours(), s.services(), s.entry(),
                s.state(), open, s.card(), s.ratingAverage(), s.ratingCount(), s.lockers(), local(s.createdAt()),
                local(s.updatedAt()), local(s.closedAt()));
    }

    private static Optional<StationRow> stationRow(Connection c, long stationId) throws SQLException {
        return Sql.one(c, StationRow.SELECT + " WHERE S.ID = ?", StationRow::of, stationId);
    }

    /** Locks the station's row for the rest of the transaction and answers it. */
    private static StationRow lockStation(Connection c, long stationId) throws SQLException {
        if (Sql.update(c, "UPDATE STATIONS_STATION SET CARD = CARD WHERE ID = ?", stationId) == 0) {
            throw HubException.notFound("station", stationId);
        }
        return stationRow(c, stationId).orElseThrow();
    }

    private StationRow requireManage(Caller caller, long stationId) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        StationRow s = db.read(c -> stationRow(c, stationId)).orElseThrow(() -> HubException.notFound("station", stationId));
        if (!caller.canManage(s.orgId(), directory)) {
            throw HubException.forbidden("station " + stationId + " is outside your organisation");
        }
        return s;
    }

    private static StationRow requireActive(Connection c, long stationId) throws SQLException {
        StationRow s = stationRow(c, stationId).orElseThrow(() -> HubException.notFound("station", stationId));
        if (s.state() != StationState.ACTIVE) {
            throw HubException.conflict("station " + stationId + " is closed");
        }
        return s;
    }

    private static boolean open24h(StationRequest r) {
        return Boolean.TRUE.equals(r.open24h());
    }

    private static String hours(StationRequest r) {
        return open24h(r) ? null : Rules.encodeHours(r.hours());
    }

    private static String services(StationRequest r) {
        return r.services() == null ? "" : String.join(",", r.services().stream().map(String::trim).toList());
    }

    private static Map<String, Object> stationChanges(StationRequest r, long orgId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name().trim());
        m.put("address", r.address().trim());
        m.put("orgId", orgId);
        m.put("open24h", open24h(r));
        m.put("hours", hours(r));
        m.put("services", services(r));
        m.put("entry", blankToNull(r.entry()));
        return m;
    }

    // ---- lockers

    @Override
    public Locker addLocker(Caller caller, long stationId, LockerRequest r) {
        requireManage(caller, stationId);
        Validation v = new Validation();
        v.required("name", r.name()).maxLength("name", r.name(), 100);
        v.required("compartments", r.compartments());
        v.valid("compartments", r.compartments(), n -> n >= 1 && n <= MAX_COMPARTMENTS, "must be between 1 and " + MAX_COMPARTMENTS);
        v.throwIfInvalid();
        Instant now = Instant.now();
        long id = db.inTransaction(c -> {
            requireActive(c, stationId);
            long lockerId = Sql.insert(c, "INSERT INTO STATIONS_LOCKER (STATION_ID, NAME, CREATED_AT) VALUES (?, ?, ?)",
                    stationId, r.name().trim(), now);
            for (int n = 1; n <= r.compartments(); n++) {
                Sql.update(c, "INSERT INTO STATIONS_COMPARTMENT (LOCKER_ID, NUMBER) VALUES (?, ?)", lockerId, n);
            }
            audit.record(c, caller, "stations.locker.create", "locker", lockerId,
                    Map.of("stationId", stationId, "name", r.name().trim(), "compartments", r.compartments()));
            return lockerId;
        });
        return lockers(stationId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<Locker> lockers(long stationId) {
        Instant now = Instant.now();
        return db.read(c -> {
            stationRow(c, stationId).orElseThrow(() -> HubException.notFound("station", stationId));
            List<Locker> out = new ArrayList<>();
            for (Object[] l : Sql.list(c, "SELECT ID, NAME, RESTOCKED_AT FROM STATIONS_LOCKER WHERE STATION_ID = ? ORDER BY ID",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), Sql.getInstant(rs, "RESTOCKED_AT")}, stationId)) {
                long lockerId = (Long) l[0];
                Instant restocked = (Instant) l[2];
                List<Compartment> compartments = Sql.list(c, "SELECT ID, NUMBER, SUPPLY, STOCK, RESERVED FROM STATIONS_COMPARTMENT "
                        + "WHERE LOCKER_ID = ? ORDER BY NUMBER", rs -> new Compartment(rs.getLong(1), rs.getInt(2),
                                rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(4) - rs.getInt(5)), lockerId);
                boolean due = restocked == null || restocked.isBefore(now.minus(Duration.ofDays(config.restock_days())));
                out.add(new Locker(lockerId, stationId, (String) l[1], compartments, local(restocked), due));
            }
            return out;
        });
    }

    @Override
    public Locker restock(Caller caller, long stationId, long lockerId, RestockRequest r) {
        requireManage(caller, stationId);
        Validation v = new Validation();
        v.required("items", r.items());
        Set<Integer> numbers = new HashSet<>();
        List<RestockItem> items = r.items() == null ? List.of() : r.items();
        for (int i = 0; i < items.size(); i++) {
            RestockItem it = items.get(i);
            String at = "items[" + i + "]";
            if (it == null) {
                v.error(at, "is required");
                continue;
            }
            v.required(at + ".number", it.number());
            v.check(it.number() == null || numbers.add(it.number()), at + ".number", "is listed twice");
            v.required(at + ".supply", it.supply()).maxLength(at + ".supply", it.supply(), 100);
            v.required(at + ".quantity", it.quantity());
            v.valid(at + ".quantity", it.quantity(), q -> q >= 0 && q <= 1000, "must be between 0 and 1000");
        }
        v.throwIfInvalid();
        Instant now = Instant.now();
        db.inTransaction(c -> {
            requireActive(c, stationId);
            if (Sql.update(c, "UPDATE STATIONS_LOCKER SET RESTOCKED_AT = ? WHERE ID = ? AND STATION_ID = ?", now, lockerId, stationId) == 0) {
                throw HubException.notFound("locker", lockerId);
            }
            for (int i = 0; i < items.size(); i++) {
                RestockItem it = items.get(i);
                Optional<int[]> comp = Sql.one(c, "SELECT ID, RESERVED FROM STATIONS_COMPARTMENT WHERE LOCKER_ID = ? AND NUMBER = ?",
                        rs -> new int[] {rs.getInt(1), rs.getInt(2)}, lockerId, it.number());
                if (comp.isEmpty()) {
                    throw HubException.invalid("items[" + i + "].number", "locker " + lockerId + " has no compartment " + it.number());
                }
                expireLapsed(c, comp.get()[0], now);
                // booked units stay: neither fewer than them nor another supply under them
                int changed = Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET SUPPLY = ?, STOCK = ? WHERE ID = ? "
                        + "AND RESERVED <= ? AND (RESERVED = 0 OR SUPPLY = ?)", it.supply().trim(), it.quantity(),
                        comp.get()[0], it.quantity(), it.supply().trim());
                if (changed == 0) {
                    throw HubException.conflict("items[" + i + "].quantity", "compartment " + it.number()
                            + " holds units booked by members: keep its supply and at least that many");
                }
            }
            audit.record(c, caller, "stations.locker.restock", "locker", lockerId, Map.of("stationId", stationId,
                    "items", items.stream().map(it -> it.number() + ":" + it.supply().trim() + "x" + it.quantity()).toList()));
            return null;
        });
        eventAdmin.postEvent(new Event(StationsEvents.LOCKER_RESTOCKED, Map.of("stationId", stationId, "lockerId", lockerId)));
        return lockers(stationId).stream().filter(l -> l.id() == lockerId).findFirst().orElseThrow();
    }

    // ---- bookings

    @Override
    public Booking book(Caller caller, long stationId, BookingRequest r) {
        int slot = slotMinutes();
        Instant now = Instant.now();
        Validation v = new Validation();
        v.required("compartmentId", r.compartmentId());
        v.required("slotStart", r.slotStart());
        Instant start = r.slotStart() == null ? null : r.slotStart().toInstant();
        Instant end = r.slotEnd() != null ? r.slotEnd().toInstant() : start == null ? null : start.plus(Duration.ofMinutes(slot));
        if (start != null) {
            v.check(Rules.onGrid(start.atZone(zone()), slot), "slotStart", "must start a slot: every " + slot + " minutes from midnight");
            v.check(end.isAfter(now), "slotStart", "this slot is over");
            v.check(start.isBefore(now.plus(Duration.ofDays(config.booking_days_ahead()))), "slotStart",
                    "may lie at most " + config.booking_days_ahead() + " days ahead");
            if (r.slotEnd() != null) {
                v.check(Rules.onGrid(end.atZone(zone()), slot), "slotEnd", "must end a slot: every " + slot + " minutes from midnight");
                v.check(end.isAfter(start), "slotEnd", "must be after slotStart");
                v.check(!end.isAfter(start.plus(Duration.ofMinutes((long) slot * config.booking_max_slots()))), "slotEnd",
                        "a booking holds at most " + config.booking_max_slots() + " slots");
            }
        }
        long memberId = bookingMember(caller, r.memberId(), v);
        v.throwIfInvalid();
        long id = db.inTransaction(c -> {
            StationRow s = requireActive(c, stationId);
            Optional<Object[]> comp = Sql.one(c, "SELECT C.ID, C.LOCKER_ID, C.NUMBER, C.SUPPLY FROM STATIONS_COMPARTMENT C "
                    + "JOIN STATIONS_LOCKER L ON L.ID = C.LOCKER_ID WHERE C.ID = ? AND L.STATION_ID = ?",
                    rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4)}, r.compartmentId(), stationId);
            if (comp.isEmpty()) {
                throw HubException.notFound("compartment", r.compartmentId() + " of station " + stationId);
            }
            if (!Rules.openThroughout(s.open24h(), s.hours(), start, end, slot, zone())) {
                throw HubException.invalid("slotStart", "the station is not open for the whole booking");
            }
            expireLapsed(c, r.compartmentId(), now);
            String supply = (String) comp.get()[3];
            // one unit of the supply, taken under the compartment's row lock: concurrent bookers queue here
            if (supply == null || Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET RESERVED = RESERVED + 1 "
                    + "WHERE ID = ? AND RESERVED < STOCK", r.compartmentId()) == 0) {
                throw HubException.conflict("compartmentId", "compartment " + comp.get()[2] + " has nothing left to book");
            }
            long bookingId = Sql.insert(c, "INSERT INTO STATIONS_BOOKING (STATION_ID, LOCKER_ID, COMPARTMENT_ID, "
                    + "COMPARTMENT_NUMBER, SUPPLY, MEMBER_ID, SLOT_START, SLOT_END, STATUS, BOOKED_BY, CREATED_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stationId, comp.get()[1], r.compartmentId(), comp.get()[2],
                    supply, memberId, start, end, BookingStatus.BOOKED, caller.username(), now);
            for (Instant slotStart : Rules.slots(start, end, slot)) {
                try {
                    Sql.update(c, "INSERT INTO STATIONS_BOOKING_SLOT (COMPARTMENT_ID, SLOT_START, BOOKING_ID) VALUES (?, ?, ?)",
                            r.compartmentId(), slotStart, bookingId);
                } catch (SQLException e) {
                    if (DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw HubException.conflict("slotStart", "compartment " + comp.get()[2] + " is already booked at "
                                + local(slotStart));
                    }
                    throw e;
                }
            }
            hold(c, memberId);
            audit.record(c, caller, "stations.booking.create", "booking", bookingId, Map.of("stationId", stationId,
                    "compartmentId", r.compartmentId(), "memberId", memberId, "slotStart", start, "slotEnd", end));
            return bookingId;
        });
        Booking b = bookingById(id);
        eventAdmin.postEvent(new Event(StationsEvents.BOOKING_MADE, Map.of("stationId", stationId, "bookingId", id,
                "compartmentId", b.compartmentId(), "memberId", memberId, "slotStart", b.slotStart().toString())));
        return b;
    }

    /** A member books for himself; an officer names a member of an organisation he manages. */
    private long bookingMember(Caller caller, Long requested, Validation v) {
        if (requested == null || caller.memberId() != null && requested.equals(caller.memberId())) {
            if (caller.memberId() == null) {
                if (caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
                    v.error("memberId", "is required when an officer books for a member");
                    return -1;
                }
                throw HubException.forbidden("only members book lockers");
            }
            return caller.memberId();
        }
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Optional<MemberInfo> m = directory.member(requested);
        if (m.isEmpty()) {
            v.error("memberId", "member " + requested + " does not exist");
            return -1;
        }
        if (!caller.canManage(m.get().orgId(), directory)) {
            throw HubException.forbidden("member " + requested + " is outside your organisation");
        }
        return requested;
    }

    /** Counts one more booking held by the member, or refuses it (409 memberId) at the limit. */
    private void hold(Connection c, long memberId) throws SQLException {
        int max = Math.max(1, config.booking_max_active());
        String take = "UPDATE STATIONS_MEMBER_HOLD SET ACTIVE = ACTIVE + 1 WHERE MEMBER_ID = ? AND ACTIVE < ?";
        if (Sql.update(c, take, memberId, max) == 1) {
            return;
        }
        if (Sql.count(c, "SELECT COUNT(*) FROM STATIONS_MEMBER_HOLD WHERE MEMBER_ID = ?", memberId) == 0) {
            try {
                Sql.update(c, "INSERT INTO STATIONS_MEMBER_HOLD (MEMBER_ID, ACTIVE) VALUES (?, 1)", memberId);
                return;
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                // the member's first booking, made twice at once: the other one created the row
                if (Sql.update(c, take, memberId, max) == 1) {
                    return;
                }
            }
        }
        throw tooMany(max);
    }

    private static HubException tooMany(int max) {
        return HubException.conflict("memberId", "a member holds at most " + max + " bookings at a time");
    }

    private static void release(Connection c, long memberId) throws SQLException {
        Sql.update(c, "UPDATE STATIONS_MEMBER_HOLD SET ACTIVE = ACTIVE - 1 WHERE MEMBER_ID = ? AND ACTIVE > 0", memberId);
    }

    /** Bookings of the compartment never collected within their slots give their units back. */
    private void expireLapsed(Connection c, long compartmentId, Instant now) throws SQLException {
        List<long[]> lapsed = Sql.list(c, "SELECT ID, MEMBER_ID FROM STATIONS_BOOKING WHERE COMPARTMENT_ID = ? AND STATUS = ? "
                + "AND SLOT_END <= ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, compartmentId, BookingStatus.BOOKED, now);
        for (long[] row : lapsed) {
            long id = row[0];
            if (Sql.update(c, "UPDATE STATIONS_BOOKING SET STATUS = ? WHERE ID = ? AND STATUS = ?", BookingStatus.EXPIRED, id,
                    BookingStatus.BOOKED) == 1) {
                Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET RESERVED = RESERVED - 1 WHERE ID = ?", compartmentId);
                release(c, row[1]);
                audit.record(c, Caller.SYSTEM, "stations.booking.expire", "booking", id, Map.of("status", BookingStatus.EXPIRED));
            }
        }
    }

    @Override
    public Booking booking(Caller caller, long bookingId) {
        Booking b = bookingById(bookingId);
        requireOwnerOrManager(caller, b.memberId(), b.stationId());
        return b;
    }

    private Booking bookingById(long bookingId) {
        return db.read(c -> Sql.one(c, BookingRow.SELECT + " WHERE ID = ?", BookingRow::of, bookingId))
                .map(this::toBooking).orElseThrow(() -> HubException.notFound("booking", bookingId));
    }

    private Booking toBooking(BookingRow b) {
        return new Booking(b.id(), b.stationId(), b.lockerId(), b.compartmentId(), b.compartmentNumber(), b.supply(),
                b.memberId(), local(b.slotStart()), local(b.slotEnd()), b.status(), local(b.createdAt()),
                local(b.cancelledAt()), local(b.collectedAt()));
    }

    private void requireOwnerOrManager(Caller caller, long memberId, long stationId) {
        if (caller.memberId() != null && caller.memberId() == memberId) {
            return;
        }
        if (caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            StationRow s = db.read(c -> stationRow(c, stationId)).orElseThrow(() -> HubException.notFound("station", stationId));
            if (caller.canManage(s.orgId(), directory)) {
                return;
            }
        }
        throw HubException.forbidden("this booking belongs to another member");
    }

    @Override
    public Page<Booking> bookings(Caller caller, Long stationId, BookingStatus status, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            if (stationId != null) {
                requireManage(caller, stationId);
                where.append(" AND STATION_ID = ?");
                params.add(stationId);
            } else if (!caller.isAdmin()) {
                List<Long> managed = new ArrayList<>();
                for (StationRow s : db.read(c -> Sql.list(c, StationRow.SELECT, StationRow::of))) {
                    if (caller.canManage(s.orgId(), directory)) {
                        managed.add(s.id());
                    }
                }
                if (managed.isEmpty()) {
                    return new Page<>(List.of(), 0, page.offset(), page.limit());
                }
                where.append(" AND STATION_ID IN (").append(String.join(",", managed.stream().map(String::valueOf).toList())).append(')');
            }
        } else if (caller.memberId() != null) {
            where.append(" AND MEMBER_ID = ?");
            params.add(caller.memberId());
            if (stationId != null) {
                where.append(" AND STATION_ID = ?");
                params.add(stationId);
            }
        } else {
            throw HubException.forbidden("only members and officers see bookings");
        }
        if (status != null) {
            where.append(" AND STATUS = ?");
            params.add(status);
        }
        return db.read(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM STATIONS_BOOKING" + where, params.toArray());
            List<Object> paged = new ArrayList<>(params);
            paged.add(page.offset());
            paged.add(page.limit());
            List<Booking> items = Sql.list(c, BookingRow.SELECT + where + " ORDER BY SLOT_START DESC, ID DESC "
                    + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", BookingRow::of, paged.toArray()).stream().map(this::toBooking).toList();
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    @Override
    public Booking cancel(Caller caller, long bookingId) {
        Booking b = booking(caller, bookingId);
        Instant now = Instant.now();
        db.inTransaction(c -> {
            BookingRow row = Sql.one(c, BookingRow.SELECT + " WHERE ID = ?", BookingRow::of, bookingId).orElseThrow();
            if (row.status() != BookingStatus.BOOKED) {
                throw HubException.conflict("booking " + bookingId + " is " + row.status());
            }
            if (!row.slotEnd().isAfter(now)) {
                throw HubException.conflict("booking " + bookingId + " is over");
            }
            if (Sql.update(c, "UPDATE STATIONS_BOOKING SET STATUS = ?, CANCELLED_AT = ? WHERE ID = ? AND STATUS = ?",
                    BookingStatus.CANCELLED, now, bookingId, BookingStatus.BOOKED) == 0) {
                throw HubException.conflict("booking " + bookingId + " changed meanwhile");
            }
            Sql.update(c, "DELETE FROM STATIONS_BOOKING_SLOT WHERE BOOKING_ID = ?", bookingId);
            Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET RESERVED = RESERVED - 1 WHERE ID = ?", row.compartmentId());
            release(c, row.memberId());
            audit.record(c, caller, "stations.booking.cancel", "booking", bookingId, Map.of("status", BookingStatus.CANCELLED));
            return null;
        });
        eventAdmin.postEvent(new Event(StationsEvents.BOOKING_CANCELLED, Map.of("stationId", b.stationId(), "bookingId", bookingId,
                "compartmentId", b.compartmentId(), "memberId", b.memberId())));
        return bookingById(bookingId);
    }

    @Override
    public Booking collect(Caller caller, long bookingId) {
        Booking b = booking(caller, bookingId);
        Instant now = Instant.now();
        db.inTransaction(c -> {
            BookingRow row = Sql.one(c, BookingRow.SELECT + " WHERE ID = ?", BookingRow::of, bookingId).orElseThrow();
            if (row.status() != BookingStatus.BOOKED) {
                throw HubException.conflict("booking " + bookingId + " is " + row.status());
            }
            if (now.isBefore(row.slotStart())) {
                throw HubException.conflict("the locker opens for booking " + bookingId + " at " + local(row.slotStart()));
            }
            if (!now.isBefore(row.slotEnd())) {
                throw HubException.conflict("booking " + bookingId + " is over");
            }
            if (Sql.update(c, "UPDATE STATIONS_BOOKING SET STATUS = ?, COLLECTED_AT = ? WHERE ID = ? AND STATUS = ?",
                    BookingStatus.COLLECTED, now, bookingId, BookingStatus.BOOKED) == 0) {
                throw HubException.conflict("booking " + bookingId + " changed meanwhile");
            }
            Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET STOCK = STOCK - 1, RESERVED = RESERVED - 1 WHERE ID = ?",
                    row.compartmentId());
            release(c, row.memberId());
            audit.record(c, caller, "stations.booking.collect", "booking", bookingId, Map.of("status", BookingStatus.COLLECTED));
            return null;
        });
        eventAdmin.postEvent(new Event(StationsEvents.BOOKING_COLLECTED, Map.of("stationId", b.stationId(), "bookingId", bookingId,
                "compartmentId", b.compartmentId(), "memberId", b.memberId())));
        return bookingById(bookingId);
    }

    // ---- ratings, visits, closure reports

    @Override
    public Rating rate(Caller caller, long stationId, RatingRequest r) {
        if (caller.memberId() == null) {
            throw HubException.forbidden("only members rate stations");
        }
        Validation v = new Validation();
        v.required("score", r.score());
        v.valid("score", r.score(), s -> s >= 1 && s <= 5, "must be between 1 and 5");
        v.maxLength("comment", r.comment(), 500);
        v.throwIfInvalid();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(zone());
        long id = db.inTransaction(c -> {
            requireActive(c, stationId);
            long ratingId;
            try {
                ratingId = Sql.insert(c, "INSERT INTO STATIONS_RATING (STATION_ID, MEMBER_ID, SCORE, RATING_COMMENT, RATED_ON, "
                        + "CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)", stationId, caller.memberId(), r.score(),
                        blankToNull(r.comment()), today, now);
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw HubException.conflict("ratedOn", "you already rated this station today");
                }
                throw e;
            }
            audit.record(c, caller, "stations.rating.create", "rating", ratingId,
                    Map.of("stationId", stationId, "score", r.score()));
            return ratingId;
        });
        eventAdmin.postEvent(new Event(StationsEvents.STATION_RATED, Map.of("stationId", stationId, "score", r.score())));
        return new Rating(id, stationId, caller.memberId(), r.score(), blankToNull(r.comment()), today, local(now));
    }

    @Override
    public Page<Rating> ratings(long stationId, PageRequest page) {
        return db.read(c -> {
            stationRow(c, stationId).orElseThrow(() -> HubException.notFound("station", stationId));
            long total = Sql.count(c, "SELECT COUNT(*) FROM STATIONS_RATING WHERE STATION_ID = ?", stationId);
            List<Rating> items = Sql.list(c, "SELECT ID, MEMBER_ID, SCORE, RATING_COMMENT, RATED_ON, CREATED_AT FROM STATIONS_RATING "
                    + "WHERE STATION_ID = ? ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    rs -> new Rating(rs.getLong(1), stationId, rs.getLong(2), rs.getInt(3), rs.getString(4),
                            Sql.getDate(rs, "RATED_ON"), local(Sql.getInstant(rs, "CREATED_AT"))),
                    stationId, page.offset(), page.limit());
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    @Override
    public Rating rating(long stationId, long ratingId) {
        return db.read(c -> Sql.one(c, "SELECT ID, MEMBER_ID, SCORE, RATING_COMMENT, RATED_ON, CREATED_AT FROM STATIONS_RATING "
                + "WHERE ID = ? AND STATION_ID = ?", rs -> new Rating(rs.getLong(1), stationId, rs.getLong(2), rs.getInt(3),
                        rs.getString(4), Sql.getDate(rs, "RATED_ON"), local(Sql.getInstant(rs, "CREATED_AT"))), ratingId, stationId))
                .orElseThrow(() -> HubException.notFound("rating", ratingId));
    }

    @Override
    public List<BookedSlot> bookedSlots(long stationId, LocalDate day) {
        LocalDate d = day == null ? LocalDate.now(zone()) : day;
        Instant from = d.atStartOfDay(zone()).toInstant();
        Instant to = d.plusDays(1).atStartOfDay(zone()).toInstant();
        Duration slot = Duration.ofMinutes(slotMinutes());
        return db.read(c -> {
            stationRow(c, stationId).orElseThrow(() -> HubException.notFound("station", stationId));
            return Sql.list(c, "SELECT S.COMPARTMENT_ID, C.NUMBER, S.SLOT_START FROM STATIONS_BOOKING_SLOT S "
                    + "JOIN STATIONS_COMPARTMENT C ON C.ID = S.COMPARTMENT_ID JOIN STATIONS_LOCKER L ON L.ID = C.LOCKER_ID "
                    + "JOIN STATIONS_BOOKING B ON B.ID = S.BOOKING_ID "
                    + "WHERE L.STATION_ID = ? AND S.SLOT_START >= ? AND S.SLOT_START < ? AND B.STATUS IN (?, ?) "
                    + "ORDER BY C.NUMBER, S.SLOT_START", rs -> {
                        Instant start = Sql.getInstant(rs, "SLOT_START");
                        return new BookedSlot(rs.getLong(1), rs.getInt(2), local(start), local(start.plus(slot)));
                    }, stationId, from, to, BookingStatus.BOOKED, BookingStatus.COLLECTED);
        });
    }

    @Override
    public Visit recordVisits(Caller caller, long stationId, VisitRequest r) {
        requireManage(caller, stationId);
        LocalDate today = LocalDate.now(zone());
        LocalDate day = r.day() == null ? today : r.day();
        Validation v = new Validation();
        v.required("count", r.count());
        v.valid("count", r.count(), n -> n >= 1 && n <= 100_000, "must be between 1 and 100000");
        v.check(!day.isAfter(today), "day", "must not lie in the future");
        v.check(!day.isBefore(today.minusDays(366)), "day", "must lie within the last year");
        v.throwIfInvalid();
        Instant now = Instant.now();
        long id = db.inTransaction(c -> {
            requireActive(c, stationId);
            long visitId = Sql.insert(c, "INSERT INTO STATIONS_VISIT (STATION_ID, VISIT_DAY, VISITS, RECORDED_BY, RECORDED_AT) "
                    + "VALUES (?, ?, ?, ?, ?)", stationId, day, r.count(), caller.username(), now);
            audit.record(c, caller, "stations.visit.create", "visit", visitId,
                    Map.of("stationId", stationId, "day", day.toString(), "count", r.count()));
            return visitId;
        });
        return new Visit(id, stationId, day, r.count(), local(now));
    }

    @Override
    public ClosureReport reportClosure(Caller caller, long stationId, ClosureReportRequest r) {
        if (caller.isAnonymous()) {
            throw HubException.forbidden("sign in to report a station shut");
        }
        Instant now = Instant.now();
        Instant at = r.reportedAt() == null ? now.truncatedTo(ChronoUnit.SECONDS) : r.reportedAt().toInstant();
        Validation v = new Validation();
        v.check(!at.isAfter(now.plusSeconds(60)), "reportedAt", "must not lie in the future");
        v.check(!at.isBefore(now.minus(Duration.ofDays(7))), "reportedAt", "may lie at most 7 days back");
        v.maxLength("note", r.note(), 500);
        v.throwIfInvalid();
        boolean[] during = new boolean[1];
        long id = db.inTransaction(c -> {
            StationRow s = requireActive(c, stationId);
            during[0] = Rules.isOpen(s.open24h(), s.hours(), at.atZone(zone()));
            long reportId = Sql.insert(c, "INSERT INTO STATIONS_CLOSURE_REPORT (STATION_ID, REPORTED_AT, DURING_HOURS, NOTE, "
                    + "REPORTED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)", stationId, at, during[0], blankToNull(r.note()),
                    caller.username(), now);
            audit.record(c, caller, "stations.closure.report", "closureReport", reportId,
                    Map.of("stationId", stationId, "reportedAt", at, "duringHours", during[0]));
            return reportId;
        });
        eventAdmin.postEvent(new Event(StationsEvents.CLOSURE_REPORTED, Map.of("stationId", stationId, "duringHours", during[0])));
        return new ClosureReport(id, stationId, local(at), during[0], blankToNull(r.note()), local(now));
    }

    @Override
    public Page<ClosureReport> closureReports(Caller caller, long stationId, PageRequest page) {
        requireManage(caller, stationId);
        return db.read(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM STATIONS_CLOSURE_REPORT WHERE STATION_ID = ?", stationId);
            List<ClosureReport> items = Sql.list(c, "SELECT ID, REPORTED_AT, DURING_HOURS, NOTE, CREATED_AT FROM "
                    + "STATIONS_CLOSURE_REPORT WHERE STATION_ID = ? ORDER BY REPORTED_AT DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    rs -> new ClosureReport(rs.getLong(1), stationId, local(Sql.getInstant(rs, "REPORTED_AT")), rs.getBoolean(3),
                            rs.getString(4), local(Sql.getInstant(rs, "CREATED_AT"))), stationId, page.offset(), page.limit());
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    // ---- the red/yellow-card review

    @Override
    public Review review(Caller caller, ReviewRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        LocalDate today = LocalDate.now(zone());
        Validation v = new Validation();
        v.required("from", r.from()).required("to", r.to());
        v.notBefore("to", r.to(), "from", r.from());
        v.valid("to", r.to(), t -> !t.isAfter(today), "must not lie in the future");
        if (r.from() != null && r.to() != null) {
            v.check(!r.to().isAfter(r.from().plusDays(365)), "to", "a review covers at most one year");
        }
        Long orgId = r.orgId() != null ? r.orgId() : caller.isAdmin() ? null : caller.orgId();
        if (r.orgId() != null && directory.org(r.orgId()).isEmpty()) {
            v.error("orgId", "organisation " + r.orgId() + " does not exist");
        }
        if (orgId == null && !caller.isAdmin()) {
            v.error("orgId", "is required");
        }
        v.throwIfInvalid();
        if (orgId != null && !caller.canManage(orgId, directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        Instant from = r.from().atStartOfDay(zone()).toInstant();
        Instant to = r.to().plusDays(1).atStartOfDay(zone()).toInstant();
        int reportsForYellow = Math.max(1, config.review_closure_reports());
        int minUse = Math.max(0, config.review_min_use());
        Instant now = Instant.now();
        List<Event> events = new ArrayList<>();
        long reviewId = db.inTransaction(c -> {
            events.clear();
            List<StationRow> covered = new ArrayList<>();
            for (StationRow s : Sql.list(c, StationRow.SELECT + " WHERE S.STATE = ? AND S.CREATED_AT < ? ORDER BY S.ID",
                    StationRow::of, StationState.ACTIVE, to)) {
                if (orgId == null || directory.isWithin(s.orgId(), orgId)) {
                    covered.add(lockStation(c, s.id()));
                }
            }
            for (StationRow s : covered) {
                if (Sql.count(c, "SELECT COUNT(*) FROM STATIONS_CARD WHERE STATION_ID = ? AND PERIOD_TO >= ? AND PERIOD_FROM <= ?",
                        s.id(), r.from(), r.to()) > 0) {
                    throw HubException.conflict("from", "station " + s.id() + " was already reviewed for a period overlapping "
                            + r.from() + ".." + r.to());
                }
            }
            long id = Sql.insert(c, "INSERT INTO STATIONS_REVIEW (ORG_ID, PERIOD_FROM, PERIOD_TO, RUN_BY, RUN_AT) VALUES (?, ?, ?, ?, ?)",
                    orgId, r.from(), r.to(), caller.username(), now);
            for (StationRow s : covered) {
                long visits = Sql.count(c, "SELECT COALESCE(SUM(VISITS), 0) FROM STATIONS_VISIT WHERE STATION_ID = ? "
                        + "AND VISIT_DAY BETWEEN ? AND ?", s.id(), r.from(), r.to());
                long bookings = Sql.count(c, "SELECT COUNT(*) FROM STATIONS_BOOKING WHERE STATION_ID = ? AND STATUS <> ? "
                        + "AND SLOT_START >= ? AND SLOT_START < ?", s.id(), BookingStatus.CANCELLED, from, to);
                long reports = Sql.count(c, "SELECT COUNT(*) FROM STATIONS_CLOSURE_REPORT WHERE STATION_ID = ? AND DURING_HOURS = TRUE "
                        + "AND REPORTED_AT >= ? AND REPORTED_AT < ?", s.id(), from, to);
                Rules.Verdict verdict = Rules.card(s.card(), reports, visits + bookings, reportsForYellow, minUse);
                long cardId = Sql.insert(c, "INSERT INTO STATIONS_CARD (REVIEW_ID, STATION_ID, CARD, VISITS, BOOKINGS, "
                        + "CLOSURE_REPORTS, REASONS, PERIOD_FROM, PERIOD_TO, ISSUED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, s.id(), verdict.card(), visits, bookings, reports, String.join("\n", verdict.reasons()),
                        r.from(), r.to(), now);
                audit.record(c, caller, "stations.card.issue", "station", s.id(),
                        Map.of("reviewId", id, "cardId", cardId, "card", verdict.card(), "reasons", verdict.reasons()));
                if (verdict.card() == Card.RED) {
                    Sql.update(c, "UPDATE STATIONS_STATION SET CARD = ?, STATE = ?, CLOSED_AT = ?, UPDATED_AT = ? WHERE ID = ?",
                            Card.RED, StationState.CLOSED, now, now, s.id());
                    audit.record(c, caller, "stations.station.close", "station", s.id(), Map.of("state", StationState.CLOSED));
                    events.add(new Event(StationsEvents.STATION_CLOSED, Map.of("stationId", s.id(), "reviewId", id)));
                } else {
                    Sql.update(c, "UPDATE STATIONS_STATION SET CARD = ?, UPDATED_AT = ? WHERE ID = ?", verdict.card(), now, s.id());
                }
                if (verdict.card() != Card.NONE) {
                    events.add(new Event(StationsEvents.CARD_ISSUED, Map.of("stationId", s.id(), "reviewId", id,
                            "card", verdict.card().name())));
                }
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("from", r.from().toString());
            changes.put("to", r.to().toString());
            changes.put("orgId", orgId);
            changes.put("stations", covered.size());
            audit.record(c, caller, "stations.review.run", "review", id, changes);
            return id;
        });
        events.forEach(eventAdmin::postEvent);
        return reviewById(caller, reviewId);
    }

    @Override
    public Review reviewById(Caller caller, long reviewId) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        return db.read(c -> {
            Object[] head = Sql.one(c, "SELECT ORG_ID, PERIOD_FROM, PERIOD_TO, RUN_BY, RUN_AT FROM STATIONS_REVIEW WHERE ID = ?",
                    rs -> new Object[] {Sql.getLong(rs, "ORG_ID"), Sql.getDate(rs, "PERIOD_FROM"), Sql.getDate(rs, "PERIOD_TO"),
                            rs.getString("RUN_BY"), Sql.getInstant(rs, "RUN_AT")}, reviewId)
                    .orElseThrow(() -> HubException.notFound("review", reviewId));
            Long orgId = (Long) head[0];
            if (orgId == null ? !caller.isAdmin() : !caller.canManage(orgId, directory)) {
                throw HubException.forbidden("review " + reviewId + " is outside your organisation");
            }
            List<StationCard> cards = Sql.list(c, CARD_SELECT + " WHERE C.REVIEW_ID = ? ORDER BY C.STATION_ID", this::card, reviewId);
            return new Review(reviewId, orgId, (LocalDate) head[1], (LocalDate) head[2], (String) head[3],
                    local((Instant) head[4]), cards);
        });
    }

    private static final String CARD_SELECT = "SELECT C.ID, C.REVIEW_ID, C.STATION_ID, S.NAME, C.CARD, C.VISITS, C.BOOKINGS, "
            + "C.CLOSURE_REPORTS, C.REASONS, C.PERIOD_FROM, C.PERIOD_TO, C.ISSUED_AT FROM STATIONS_CARD C "
            + "JOIN STATIONS_STATION S ON S.ID = C.STATION_ID";

    private StationCard card(java.sql.ResultSet rs) throws SQLException {
        String reasons = rs.getString("REASONS");
        return new StationCard(rs.getLong("ID"), rs.getLong("REVIEW_ID"), rs.getLong("STATION_ID"), rs.getString("NAME"),
                Sql.getEnum(rs, "CARD", Card.class), rs.getLong("VISITS"), rs.getLong("BOOKINGS"), rs.getLong("CLOSURE_REPORTS"),
                reasons == null || reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")),
                Sql.getDate(rs, "PERIOD_FROM"), Sql.getDate(rs, "PERIOD_TO"), local(Sql.getInstant(rs, "ISSUED_AT")));
    }

    @Override
    public List<StationCard> cards(long stationId) {
        return db.read(c -> {
            stationRow(c, stationId).orElseThrow(() -> HubException.notFound("station", stationId));
            return Sql.list(c, CARD_SELECT + " WHERE C.STATION_ID = ? ORDER BY C.PERIOD_TO DESC, C.ID DESC", this::card, stationId);
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
