package org.example.stations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.example.stations.api.Locker;
import org.example.stations.api.LockerRequest;
import org.example.stations.api.RestockItem;
import org.example.stations.api.RestockRequest;
import org.example.stations.api.Station;
import org.example.stations.api.StationFilter;
import org.example.stations.api.StationRequest;
import org.example.stations.api.StationState;
import org.example.stations.api.StationsEvents;
import org.osgi.service.event.Event;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;

/** The rules of stations and their lockers: who sets them up, what a station and a restock must hold. */
final class Stations {

    private static final int MAX_COMPARTMENTS = 60;

    private final ModuleContext ctx;
    private final StationAccess access;
    private final LockerBookings bookings;

    Stations(ModuleContext ctx, StationAccess access, LockerBookings bookings) {
        this.ctx = ctx;
        this.access = access;
        this.bookings = bookings;
    }

    Station createStation(Caller caller, StationRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        Rules.validateStation(r, v);
        Long orgId = r.orgId() != null ? r.orgId() : caller.orgId();
        if (orgId == null) {
            v.error("orgId", "is required");
        } else if (ctx.directory.org(orgId).isEmpty()) {
            v.error("orgId", "organisation " + orgId + " does not exist");
        }
        v.throwIfInvalid();
        if (!caller.canManage(orgId, ctx.directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        Instant now = Instant.now();
        long id = ctx.db.inTransaction(c -> {
            long stationId = StationStore.insert(c, r.name().trim(), r.address().trim(), orgId, open24h(r), hours(r),
                    services(r), Texts.blankToNull(r.entry()), now);
            ctx.audit.record(c, caller, "stations.station.create", "station", stationId, stationChanges(r, orgId));
            return stationId;
        });
        return station(id);
    }

    Station updateStation(Caller caller, long stationId, StationRequest r) {
        StationRow current = access.requireManage(caller, stationId);
        Validation v = new Validation();
        Rules.validateStation(r, v);
        long orgId = r.orgId() != null ? r.orgId() : current.orgId();
        if (ctx.directory.org(orgId).isEmpty()) {
            v.error("orgId", "organisation " + orgId + " does not exist");
        }
        v.throwIfInvalid();
        if (!caller.canManage(orgId, ctx.directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        ctx.db.inTransaction(c -> {
            StationRow s = StationStore.lock(c, stationId);
            if (s.state() == StationState.CLOSED) {
                throw HubException.conflict("station " + stationId + " is closed");
            }
            StationStore.update(c, stationId, r.name().trim(), r.address().trim(), orgId, open24h(r), hours(r), services(r),
                    Texts.blankToNull(r.entry()), Instant.now());
            ctx.audit.record(c, caller, "stations.station.update", "station", stationId, stationChanges(r, orgId));
            return null;
        });
        return station(stationId);
    }

    Station station(long stationId) {
        return toStation(ctx.db.read(c -> StationAccess.station(c, stationId)), Instant.now());
    }

    Page<Station> stations(StationFilter f, PageRequest page) {
        if (f.service() != null && !Station.SERVICES.contains(f.service())) {
            throw HubException.badRequest("service", "must be one of " + String.join(", ", Station.SERVICES));
        }
        Instant now = Instant.now();
        List<StationRow> rows = ctx.db.read(c -> StationStore.list(c, f.state()));
        // a few hundred stations per hub: the tree, service and open-now filters are plain Java
        List<Station> matching = new ArrayList<>();
        for (StationRow s : rows) {
            if (f.orgId() != null && !ctx.directory.isWithin(s.orgId(), f.orgId())
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
        boolean open = s.state() == StationState.ACTIVE && Rules.isOpen(s.open24h(), s.hours(), now.atZone(ctx.zone()));
        return new Station(s.id(), s.name(), s.address(), s.orgId(), s.open24h(), s.hours(), s.services(), s.entry(),
                s.state(), open, s.card(), s.ratingAverage(), s.ratingCount(), s.lockers(), ctx.local(s.createdAt()),
                ctx.local(s.updatedAt()), ctx.local(s.closedAt()));
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
        m.put("entry", Texts.blankToNull(r.entry()));
        return m;
    }

    // ---- lockers

    Locker addLocker(Caller caller, long stationId, LockerRequest r) {
        access.requireManage(caller, stationId);
        Validation v = new Validation();
        v.required("name", r.name()).maxLength("name", r.name(), 100);
        v.required("compartments", r.compartments());
        v.valid("compartments", r.compartments(), n -> n >= 1 && n <= MAX_COMPARTMENTS, "must be between 1 and " + MAX_COMPARTMENTS);
        v.throwIfInvalid();
        Instant now = Instant.now();
        long id = ctx.db.inTransaction(c -> {
            StationAccess.requireActive(c, stationId);
            long lockerId = StationStore.insertLocker(c, stationId, r.name().trim(), r.compartments(), now);
            ctx.audit.record(c, caller, "stations.locker.create", "locker", lockerId,
                    Map.of("stationId", stationId, "name", r.name().trim(), "compartments", r.compartments()));
            return lockerId;
        });
        return lockers(stationId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
    }

    List<Locker> lockers(long stationId) {
        Instant now = Instant.now();
        return ctx.db.read(c -> {
            StationAccess.station(c, stationId);
            List<Locker> out = new ArrayList<>();
            for (StationStore.LockerRow l : StationStore.lockers(c, stationId)) {
                boolean due = l.restockedAt() == null
                        || l.restockedAt().isBefore(now.minus(Duration.ofDays(ctx.config().restock_days())));
                out.add(new Locker(l.id(), stationId, l.name(), StationStore.compartments(c, l.id()), ctx.local(l.restockedAt()),
                        due));
            }
            return out;
        });
    }

    Locker restock(Caller caller, long stationId, long lockerId, RestockRequest r) {
        access.requireManage(caller, stationId);
        List<RestockItem> items = r.items() == null ? List.of() : r.items();
        validateRestock(r, items);
        Instant now = Instant.now();
        ctx.db.inTransaction(c -> {
            StationAccess.requireActive(c, stationId);
            if (!StationStore.markRestocked(c, stationId, lockerId, now)) {
                throw HubException.notFound("locker", lockerId);
            }
            for (int i = 0; i < items.size(); i++) {
                RestockItem it = items.get(i);
                Optional<Long> comp = StationStore.compartmentId(c, lockerId, it.number());
                if (comp.isEmpty()) {
                    throw HubException.invalid("items[" + i + "].number", "locker " + lockerId + " has no compartment " + it.number());
                }
                bookings.expireLapsed(c, comp.get(), now);
                // booked units stay: neither fewer than them nor another supply under them
                if (!StationStore.refill(c, comp.get(), it.supply().trim(), it.quantity())) {
                    throw HubException.conflict("items[" + i + "].quantity", "compartment " + it.number()
                            + " holds units booked by members: keep its supply and at least that many");
                }
            }
            ctx.audit.record(c, caller, "stations.locker.restock", "locker", lockerId, Map.of("stationId", stationId,
                    "items", items.stream().map(it -> it.number() + ":" + it.supply().trim() + "x" + it.quantity()).toList()));
            return null;
        });
        ctx.post(new Event(StationsEvents.LOCKER_RESTOCKED, Map.of("stationId", stationId, "lockerId", lockerId)));
        return lockers(stationId).stream().filter(l -> l.id() == lockerId).findFirst().orElseThrow();
    }

    private static void validateRestock(RestockRequest r, List<RestockItem> items) {
        Validation v = new Validation();
        v.required("items", r.items());
        Set<Integer> numbers = new HashSet<>();
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
    }
}
