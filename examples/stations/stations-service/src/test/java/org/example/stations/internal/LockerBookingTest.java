package org.example.stations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.example.stations.api.Booking;
import org.example.stations.api.BookingRequest;
import org.example.stations.api.BookingStatus;
import org.example.stations.api.Card;
import org.example.stations.api.Compartment;
import org.example.stations.api.Locker;
import org.example.stations.api.LockerRequest;
import org.example.stations.api.RestockItem;
import org.example.stations.api.RestockRequest;
import org.example.stations.api.Review;
import org.example.stations.api.ReviewRequest;
import org.example.stations.api.StationRequest;
import org.example.stations.api.StationState;
import org.example.stations.api.StationsEvents;
import org.example.stations.api.VisitRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.testing.Configs;
import org.unionhub.testing.RecordedEvents;
import org.unionhub.testing.Region;
import org.unionhub.testing.TestDatabase;
import org.unionhub.testing.TestDirectory;

/**
 * Lockers, bookings and the review on a real (in-memory) Derby with the module's own migration (the hub's
 * test kit, {@link TestDatabase}): twenty members
 * racing for one compartment and slot, overlapping slots, cancel, pick-up and the yellow-then-red card. Only the
 * hub's services around the database are stand-ins.
 */
class LockerBookingTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final RecordedEvents EVENTS = new RecordedEvents();
    private static StationsServiceImpl stations;
    private static ModuleDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.module("stations", StationsServiceImpl.class);
        stations = new StationsServiceImpl(db, (c, caller, action, entity, id, changes) -> { }, TestDirectory.demoTree(),
                new Region("test", "350200", ZONE, false), EVENTS, Configs.of(ModuleConfig.class, Map.of()));
    }

    private static Caller member(long id) {
        return new Caller("m" + id, Set.of(Roles.MEMBER), null, id);
    }

    private static long station() {
        return stations.createStation(Caller.SYSTEM, new StationRequest("驿站", "新阳路", 2L, true, null, List.of("lockers"), "face-scan")).id();
    }

    private static Compartment stocked(long station, int quantity) {
        Locker l = stations.addLocker(Caller.SYSTEM, station, new LockerRequest("A", 18));
        assertEquals(18, l.compartments().size());
        l = stations.restock(Caller.SYSTEM, station, l.id(), new RestockRequest(List.of(new RestockItem(1, "矿泉水", quantity))));
        return l.compartments().get(0);
    }

    private static OffsetDateTime nextSlot(int hoursAhead) {
        return OffsetDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(hoursAhead);
    }

    @Test
    void twentyMembersRaceForOneCompartmentAndSlotAndExactlyOneWins() throws Exception {
        long station = station();
        Compartment c = stocked(station, 24);
        OffsetDateTime slot = nextSlot(2);
        List<Callable<Integer>> racers = new ArrayList<>();
        for (long m = 1; m <= 20; m++) {
            Caller who = member(m);
            racers.add(() -> {
                try {
                    stations.book(who, station, new BookingRequest(c.id(), slot, null, null));
                    return 201;
                } catch (HubException e) {
                    return e.status();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> outcomes = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(racers)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, outcomes.stream().filter(s -> s == 201).count(), outcomes.toString());
        assertEquals(19, outcomes.stream().filter(s -> s == 409).count(), outcomes.toString());
        assertEquals(1L, (long) db.read(x -> Sql.count(x, "SELECT COUNT(*) FROM STATIONS_BOOKING WHERE COMPARTMENT_ID = ?", c.id())));
        assertEquals(1, reserved(station), "the losers' units went back");
    }

    @Test
    void overlappingSlotsAreRefusedBackToBackAreFineAndCancelFreesTheSlot() {
        long station = station();
        Compartment c = stocked(station, 5);
        OffsetDateTime t = nextSlot(3);
        Booking two = stations.book(member(1), station, new BookingRequest(c.id(), t, t.plusHours(2), null));
        HubException overlap = assertThrows(HubException.class,
                () -> stations.book(member(2), station, new BookingRequest(c.id(), t.plusHours(1), t.plusHours(3), null)));
        assertEquals(409, overlap.status());
        assertEquals("slotStart", overlap.errors().get(0).field());
        Booking after = stations.book(member(2), station, new BookingRequest(c.id(), t.plusHours(2), null, null));
        assertEquals(t.plusHours(3).toInstant(), after.slotEnd().toInstant(), "one slot by default");

        HubException notHis = assertThrows(HubException.class, () -> stations.cancel(member(2), two.id()));
        assertEquals(403, notHis.status());
        assertEquals(BookingStatus.CANCELLED, stations.cancel(member(1), two.id()).status());
        assertEquals(409, assertThrows(HubException.class, () -> stations.cancel(member(1), two.id())).status());
        stations.book(member(3), station, new BookingRequest(c.id(), t.plusHours(1), null, null));
        assertEquals(2, reserved(station));
    }

    @Test
    void aMemberHoldsAtMostThreeBookingsAndCancellingOneFreesAPlace() {
        long station = station();
        Compartment c = stocked(station, 10);
        Caller m = member(77);
        OffsetDateTime t = nextSlot(1);
        List<Booking> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(stations.book(m, station, new BookingRequest(c.id(), t.plusHours(i), null, null)));
        }
        HubException fourth = assertThrows(HubException.class,
                () -> stations.book(m, station, new BookingRequest(c.id(), t.plusHours(3), null, null)));
        assertEquals(409, fourth.status());
        assertEquals("memberId", fourth.errors().get(0).field());
        stations.cancel(m, held.get(0).id());
        stations.book(m, station, new BookingRequest(c.id(), t.plusHours(3), null, null));
        assertEquals(3, reserved(station));
    }

    @Test
    void badSlotsAreNamed() {
        long station = station();
        Compartment c = stocked(station, 5);
        OffsetDateTime t = nextSlot(1);
        HubException e = assertThrows(HubException.class, () -> stations.book(member(1), station,
                new BookingRequest(c.id(), t.plusMinutes(10), t.plusHours(9).plusMinutes(5), null)));
        assertEquals(422, e.status());
        assertEquals(List.of("slotStart", "slotEnd", "slotEnd"), e.errors().stream().map(x -> x.field()).toList());
        HubException far = assertThrows(HubException.class, () -> stations.book(member(1), station,
                new BookingRequest(c.id(), t.plusDays(8), null, null)));
        assertEquals("slotStart", far.errors().get(0).field());
        assertEquals(404, assertThrows(HubException.class, () -> stations.book(member(1), station,
                new BookingRequest(999_999L, t, null, null))).status());
    }

    @Test
    void pickUpTakesTheUnitOutOfStockAndTheLastUnitCannotBeBookedTwice() {
        long station = station();
        Compartment c = stocked(station, 1);
        OffsetDateTime now = OffsetDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS);
        Booking b = stations.book(member(1), station, new BookingRequest(c.id(), now, now.plusHours(2), null));
        HubException empty = assertThrows(HubException.class,
                () -> stations.book(member(2), station, new BookingRequest(c.id(), now.plusHours(3), null, null)));
        assertEquals(409, empty.status());
        assertEquals("compartmentId", empty.errors().get(0).field());
        EVENTS.clear();
        Booking collected = stations.collect(member(1), b.id());
        assertEquals(BookingStatus.COLLECTED, collected.status());
        assertEquals(StationsEvents.BOOKING_COLLECTED, EVENTS.all().get(0).getTopic());
        Compartment after = stations.lockers(station).get(0).compartments().get(0);
        assertEquals(0, after.stock());
        assertEquals(0, after.reserved());
        assertEquals(409, assertThrows(HubException.class, () -> stations.collect(member(1), b.id())).status());
    }

    @Test
    void aRestockCannotTakeAwayBookedUnits() {
        long station = station();
        Compartment c = stocked(station, 3);
        long locker = stations.lockers(station).get(0).id();
        OffsetDateTime t = nextSlot(2);
        stations.book(member(1), station, new BookingRequest(c.id(), t, null, null));
        stations.book(member(2), station, new BookingRequest(c.id(), t.plusHours(1), null, null));
        HubException e = assertThrows(HubException.class, () -> stations.restock(Caller.SYSTEM, station, locker,
                new RestockRequest(List.of(new RestockItem(1, "矿泉水", 1)))));
        assertEquals("items[0].quantity", e.errors().get(0).field());
        assertEquals(409, assertThrows(HubException.class, () -> stations.restock(Caller.SYSTEM, station, locker,
                new RestockRequest(List.of(new RestockItem(1, "雨伞", 5))))).status());
        assertEquals(6, stations.restock(Caller.SYSTEM, station, locker,
                new RestockRequest(List.of(new RestockItem(1, "矿泉水", 6)))).compartments().get(0).stock());
    }

    @Test
    void anUnusedStationGetsYellowThenRedAndLeaves() {
        long busy = station();
        long idle = station();
        LocalDate today = LocalDate.now(ZONE);
        // both stations ran for two months already
        db.inTransaction(x -> Sql.update(x, "UPDATE STATIONS_STATION SET CREATED_AT = ? WHERE ID IN (?, ?)",
                Instant.now().minus(Duration.ofDays(60)), busy, idle));
        stations.recordVisits(Caller.SYSTEM, busy, new VisitRequest(today.minusDays(20), 40));
        stations.recordVisits(Caller.SYSTEM, busy, new VisitRequest(today.minusDays(5), 40));
        Review first = stations.review(Caller.SYSTEM, new ReviewRequest(today.minusDays(29), today.minusDays(15), 2L));
        assertEquals(Card.NONE, cardOf(first, busy));
        assertEquals(Card.YELLOW, cardOf(first, idle));
        HubException again = assertThrows(HubException.class,
                () -> stations.review(Caller.SYSTEM, new ReviewRequest(today.minusDays(20), today.minusDays(10), 2L)));
        assertEquals("from", again.errors().get(0).field());
        Review second = stations.review(Caller.SYSTEM, new ReviewRequest(today.minusDays(14), today, 2L));
        assertEquals(Card.NONE, cardOf(second, busy));
        assertEquals(Card.RED, cardOf(second, idle));
        assertEquals(StationState.CLOSED, stations.station(idle).state());
        assertEquals(StationState.ACTIVE, stations.station(busy).state());
        assertEquals(409, assertThrows(HubException.class, () -> stations.book(member(1), idle,
                new BookingRequest(1L, nextSlot(1), null, null))).status());
    }

    private static Card cardOf(Review r, long station) {
        return r.cards().stream().filter(c -> c.stationId() == station).findFirst().orElseThrow().card();
    }

    private static long reserved(long station) {
        return stations.lockers(station).get(0).compartments().get(0).reserved();
    }
}
