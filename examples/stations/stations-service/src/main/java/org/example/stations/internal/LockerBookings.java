package org.example.stations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.example.stations.api.BookedSlot;
import org.example.stations.api.Booking;
import org.example.stations.api.BookingRequest;
import org.example.stations.api.BookingStatus;
import org.example.stations.api.StationsEvents;
import org.osgi.service.event.Event;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * Locker bookings: a member (or an officer for him) books one unit of a compartment's supply for one or more slots,
 * collects it at the locker or cancels; bookings never collected give their unit back when their slots are over.
 * The unit is taken with a conditional UPDATE and the slots with one row each, so racing members never oversell.
 */
final class LockerBookings {

    private final ModuleContext ctx;
    private final StationAccess access;

    LockerBookings(ModuleContext ctx, StationAccess access) {
        this.ctx = ctx;
        this.access = access;
    }

    Booking book(Caller caller, long stationId, BookingRequest r) {
        int slot = ctx.slotMinutes();
        Instant now = Instant.now();
        Validation v = new Validation();
        v.required("compartmentId", r.compartmentId());
        v.required("slotStart", r.slotStart());
        Instant start = r.slotStart() == null ? null : r.slotStart().toInstant();
        Instant end = r.slotEnd() != null ? r.slotEnd().toInstant() : start == null ? null : start.plus(Duration.ofMinutes(slot));
        if (start != null) {
            checkSlots(r, start, end, slot, now, v);
        }
        long memberId = bookingMember(caller, r.memberId(), v);
        v.throwIfInvalid();
        long id = ctx.db.inTransaction(c -> {
            StationRow s = StationAccess.requireActive(c, stationId);
            BookingStore.CompartmentRow comp = BookingStore.compartment(c, r.compartmentId(), stationId)
                    .orElseThrow(() -> HubException.notFound("compartment", r.compartmentId() + " of station " + stationId));
            if (!Rules.openThroughout(s.open24h(), s.hours(), start, end, slot, ctx.zone())) {
                throw HubException.invalid("slotStart", "the station is not open for the whole booking");
            }
            expireLapsed(c, r.compartmentId(), now);
            // one unit of the supply, taken under the compartment's row lock: concurrent bookers queue here
            if (comp.supply() == null || !BookingStore.takeUnit(c, r.compartmentId())) {
                throw HubException.conflict("compartmentId", "compartment " + comp.number() + " has nothing left to book");
            }
            long bookingId = BookingStore.insert(c, stationId, comp, memberId, start, end, caller.username(), now);
            for (Instant slotStart : Rules.slots(start, end, slot)) {
                try {
                    BookingStore.insertSlot(c, r.compartmentId(), slotStart, bookingId);
                } catch (SQLException e) {
                    if (Sql.isDuplicateKey(e)) {
                        throw HubException.conflict("slotStart", "compartment " + comp.number() + " is already booked at "
                                + ctx.local(slotStart));
                    }
                    throw e;
                }
            }
            hold(c, memberId);
            ctx.audit.record(c, caller, "stations.booking.create", "booking", bookingId, Map.of("stationId", stationId,
                    "compartmentId", r.compartmentId(), "memberId", memberId, "slotStart", start, "slotEnd", end));
            return bookingId;
        });
        Booking b = bookingById(id);
        ctx.post(new Event(StationsEvents.BOOKING_MADE, Map.of("stationId", stationId, "bookingId", id,
                "compartmentId", b.compartmentId(), "memberId", memberId, "slotStart", b.slotStart().toString())));
        return b;
    }

    /** The slots asked for: on the slot grid, not over, not too far ahead, not too many. */
    private void checkSlots(BookingRequest r, Instant start, Instant end, int slot, Instant now, Validation v) {
        ModuleConfig config = ctx.config();
        v.check(Rules.onGrid(start.atZone(ctx.zone()), slot), "slotStart", "must start a slot: every " + slot + " minutes from midnight");
        v.check(end.isAfter(now), "slotStart", "this slot is over");
        v.check(start.isBefore(now.plus(Duration.ofDays(config.booking_days_ahead()))), "slotStart",
                "may lie at most " + config.booking_days_ahead() + " days ahead");
        if (r.slotEnd() != null) {
            v.check(Rules.onGrid(end.atZone(ctx.zone()), slot), "slotEnd", "must end a slot: every " + slot + " minutes from midnight");
            v.check(end.isAfter(start), "slotEnd", "must be after slotStart");
            v.check(!end.isAfter(start.plus(Duration.ofMinutes((long) slot * config.booking_max_slots()))), "slotEnd",
                    "a booking holds at most " + config.booking_max_slots() + " slots");
        }
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
        Optional<MemberInfo> m = ctx.directory.member(requested);
        if (m.isEmpty()) {
            v.error("memberId", "member " + requested + " does not exist");
            return -1;
        }
        if (!caller.canManage(m.get().orgId(), ctx.directory)) {
            throw HubException.forbidden("member " + requested + " is outside your organisation");
        }
        return requested;
    }

    /** Counts one more booking held by the member, or refuses it (409 memberId) at the limit. */
    private void hold(Connection c, long memberId) throws SQLException {
        int max = Math.max(1, ctx.config().booking_max_active());
        if (BookingStore.takeHold(c, memberId, max)) {
            return;
        }
        if (!BookingStore.hasHoldRow(c, memberId)) {
            try {
                BookingStore.insertHold(c, memberId);
                return;
            } catch (SQLException e) {
                if (!Sql.isDuplicateKey(e)) {
                    throw e;
                }
                // the member's first booking, made twice at once: the other one created the row
                if (BookingStore.takeHold(c, memberId, max)) {
                    return;
                }
            }
        }
        throw HubException.conflict("memberId", "a member holds at most " + max + " bookings at a time");
    }

    /** Bookings of the compartment never collected within their slots give their units back. */
    void expireLapsed(Connection c, long compartmentId, Instant now) throws SQLException {
        for (long[] row : BookingStore.lapsed(c, compartmentId, now)) {
            long id = row[0];
            if (BookingStore.leaveBooked(c, id, BookingStatus.EXPIRED, null, now)) {
                BookingStore.returnUnit(c, compartmentId);
                BookingStore.releaseHold(c, row[1]);
                ctx.audit.record(c, Caller.SYSTEM, "stations.booking.expire", "booking", id, Map.of("status", BookingStatus.EXPIRED));
            }
        }
    }

    Booking booking(Caller caller, long bookingId) {
        Booking b = bookingById(bookingId);
        access.requireOwnerOrManager(caller, b.memberId(), b.stationId());
        return b;
    }

    private Booking bookingById(long bookingId) {
        return ctx.db.read(c -> BookingStore.find(c, bookingId)).map(this::toBooking)
                .orElseThrow(() -> HubException.notFound("booking", bookingId));
    }

    private Booking toBooking(BookingRow b) {
        return new Booking(b.id(), b.stationId(), b.lockerId(), b.compartmentId(), b.compartmentNumber(), b.supply(),
                b.memberId(), ctx.local(b.slotStart()), ctx.local(b.slotEnd()), b.status(), ctx.local(b.createdAt()),
                ctx.local(b.cancelledAt()), ctx.local(b.collectedAt()));
    }

    Page<Booking> bookings(Caller caller, Long stationId, BookingStatus status, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            if (stationId != null) {
                access.requireManage(caller, stationId);
                where.append(" AND STATION_ID = ?");
                params.add(stationId);
            } else if (!caller.isAdmin()) {
                List<Long> managed = new ArrayList<>();
                for (StationRow s : ctx.db.read(StationStore::all)) {
                    if (caller.canManage(s.orgId(), ctx.directory)) {
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
        return ctx.db.read(c -> {
            long total = BookingStore.count(c, where.toString(), params);
            List<Object> paged = new ArrayList<>(params);
            paged.add(page.offset());
            paged.add(page.limit());
            List<Booking> items = BookingStore.page(c, where.toString(), paged).stream().map(this::toBooking).toList();
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    Booking cancel(Caller caller, long bookingId) {
        Booking b = booking(caller, bookingId);
        Instant now = Instant.now();
        ctx.db.inTransaction(c -> {
            BookingRow row = stillBooked(c, bookingId);
            if (!row.slotEnd().isAfter(now)) {
                throw HubException.conflict("booking " + bookingId + " is over");
            }
            if (!BookingStore.leaveBooked(c, bookingId, BookingStatus.CANCELLED, "CANCELLED_AT", now)) {
                throw HubException.conflict("booking " + bookingId + " changed meanwhile");
            }
            BookingStore.deleteSlots(c, bookingId);
            BookingStore.returnUnit(c, row.compartmentId());
            BookingStore.releaseHold(c, row.memberId());
            ctx.audit.record(c, caller, "stations.booking.cancel", "booking", bookingId, Map.of("status", BookingStatus.CANCELLED));
            return null;
        });
        ctx.post(new Event(StationsEvents.BOOKING_CANCELLED, Map.of("stationId", b.stationId(), "bookingId", bookingId,
                "compartmentId", b.compartmentId(), "memberId", b.memberId())));
        return bookingById(bookingId);
    }

    Booking collect(Caller caller, long bookingId) {
        Booking b = booking(caller, bookingId);
        Instant now = Instant.now();
        ctx.db.inTransaction(c -> {
            BookingRow row = stillBooked(c, bookingId);
            if (now.isBefore(row.slotStart())) {
                throw HubException.conflict("the locker opens for booking " + bookingId + " at " + ctx.local(row.slotStart()));
            }
            if (!now.isBefore(row.slotEnd())) {
                throw HubException.conflict("booking " + bookingId + " is over");
            }
            if (!BookingStore.leaveBooked(c, bookingId, BookingStatus.COLLECTED, "COLLECTED_AT", now)) {
                throw HubException.conflict("booking " + bookingId + " changed meanwhile");
            }
            BookingStore.handOver(c, row.compartmentId());
            BookingStore.releaseHold(c, row.memberId());
            ctx.audit.record(c, caller, "stations.booking.collect", "booking", bookingId, Map.of("status", BookingStatus.COLLECTED));
            return null;
        });
        ctx.post(new Event(StationsEvents.BOOKING_COLLECTED, Map.of("stationId", b.stationId(), "bookingId", bookingId,
                "compartmentId", b.compartmentId(), "memberId", b.memberId())));
        return bookingById(bookingId);
    }

    /** The booking, while it is BOOKED (409 once cancelled, collected or expired). */
    private static BookingRow stillBooked(Connection c, long bookingId) throws SQLException {
        BookingRow row = BookingStore.find(c, bookingId).orElseThrow();
        if (row.status() != BookingStatus.BOOKED) {
            throw HubException.conflict("booking " + bookingId + " is " + row.status());
        }
        return row;
    }

    List<BookedSlot> bookedSlots(long stationId, LocalDate day) {
        LocalDate d = day == null ? LocalDate.now(ctx.zone()) : day;
        Instant from = d.atStartOfDay(ctx.zone()).toInstant();
        Instant to = d.plusDays(1).atStartOfDay(ctx.zone()).toInstant();
        Duration slot = Duration.ofMinutes(ctx.slotMinutes());
        return ctx.db.read(c -> {
            StationAccess.station(c, stationId);
            return BookingStore.slots(c, stationId, from, to).stream().map(s -> new BookedSlot(s.compartmentId(), s.number(),
                    ctx.local(s.start()), ctx.local(s.start().plus(slot)))).toList();
        });
    }
}
