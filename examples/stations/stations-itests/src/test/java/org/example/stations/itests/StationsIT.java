package org.example.stations.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stations module in the UnionHub distribution, booted with the module from the KAR just built (the test kit's
 * {@code kar(...)}, as the archetype generates it): demo stations, officers and their scope, the locker rush, cancel and pick-up, ratings, closure
 * reports, visits, the card review, and a problem+json answer naming the field for every bad input.
 */
public class StationsIT extends HubTestSupport {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static String kar() {
        String kar = System.getProperty("module.kar");
        if (kar == null || !new File(kar).isFile()) {
            throw new IllegalStateException("the stations KAR is not built: " + kar);
        }
        return new File(kar).getAbsolutePath();
    }

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-stations"};
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {kar(Path.of(kar()), "unionhub-stations")};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"stations"};
    }

    /** The member app lists the station finder (app/main.js of the service bundle) and serves it with its style. */
    @Test
    public void theMemberAppHasTheStationFinder() throws Exception {
        String style = null;
        for (JsonNode e : get("/api/app/extensions", null).expect(200).json()) {
            if ("stations".equals(e.path("moduleId").asText())) {
                style = e.path("style").asText();
            }
        }
        assertEquals("/m/modules/stations/main.css", style);
        assertTrue(get("/m/modules/stations/main.js", null).expect(200).raw().contains("export const routes"));
    }

    @Test
    public void demoStationsAreListedWithTheirLockersAndOpenNow() throws Exception {
        boolean listed = false;
        for (JsonNode m : get("/api/modules", null).expect(200).json()) {
            listed |= "stations".equals(m.path("id").asText()) && "ACTIVE".equals(m.path("state").asText());
        }
        assertTrue("stations is listed ACTIVE in /api/modules", listed);

        JsonNode all = get("/api/stations", null).expect(200).json();
        assertTrue(all.toString(), all.path("total").asLong() >= 3);
        JsonNode open24h = get("/api/stations?service=lockers&openNow=true", null).expect(200).json();
        assertTrue(open24h.path("total").asLong() >= 2);
        JsonNode xinyang = open24h.path("items").get(0);
        assertTrue(xinyang.path("open24h").asBoolean());
        assertEquals("face-scan", xinyang.path("entry").asText());
        assertEquals("ACTIVE", xinyang.path("state").asText());

        JsonNode lockers = get("/api/stations/" + xinyang.path("id").asLong() + "/lockers", null).expect(200).json();
        assertEquals(1, lockers.size());
        assertEquals(18, lockers.get(0).path("compartments").size());
        assertEquals(48, lockers.get(0).path("compartments").get(0).path("available").asInt());
        assertFalse(lockers.get(0).path("restockDue").asBoolean());

        assertProblem(get("/api/stations?service=spa", null), 400, "service");
        assertProblem(get("/api/stations?openNow=maybe", null), 400, "openNow");
        assertProblem(get("/api/stations?state=GONE", null), 400, "state");
        assertProblem(get("/api/stations?limit=0", null), 400, "limit");
        assertProblem(get("/api/stations/999999", null), 404, null);
    }

    @Test
    public void officersManageTheStationsOfTheirOrganisationAndEveryBadFieldIsNamed() throws Exception {
        long before = get("/api/stations", null).json().path("total").asLong();
        Resp bad = post("/api/stations", "officer", obj("name", " ", "address", "新阳路", "open24h", false,
                "hours", List.of(obj("day", "MONDAY", "opens", "8am", "closes", "20:00")), "services", List.of("spa")));
        assertProblem(bad, 422, "name");
        assertProblem(bad, 422, "services[0]");
        assertProblem(bad, 422, "hours[0].opens");
        assertProblem(post("/api/stations", "officer", obj("name", "x", "address", "y", "open24h", false)), 422, "hours");
        assertProblem(post("/api/stations", "officer", obj("name", "x", "address", "y", "open24h", true,
                "hours", List.of(obj("day", "FUNDAY", "opens", "08:00", "closes", "20:00")))), 400, null);
        assertProblem(post("/api/stations", "officer", "{\"name\": "), 400, null);
        assertProblem(send("POST", "/api/stations", Who.of("officer"), "", "application/json"), 400, "body");
        assertProblem(post("/api/stations", "member", station("会员不能建", true)), 403, null);
        assertProblem(post("/api/stations", null, station("匿名不能建", true)), 401, null);
        // the officer is bound to 海沧区总工会 (2); 思明区总工会 (3) is outside it
        Resp outside = post("/api/stations", "officer", station("思明驿站", true).put("orgId", 3));
        assertProblem(outside, 403, null);
        assertEquals("nothing was written on a refused request", before, get("/api/stations", null).json().path("total").asLong());

        Resp created = post("/api/stations", "officer", obj("name", "海沧外卖骑手驿站", "address", "海沧区沧林东路", "open24h", false,
                "hours", List.of(obj("day", "MONDAY", "opens", "07:00", "closes", "21:00"),
                        obj("day", "FRIDAY", "opens", "18:00", "closes", "02:00")),
                "services", List.of("rest", "water", "charging"))).expect(201);
        long id = created.id();
        assertTrue(created.header("Location").endsWith("/api/stations/" + id));
        JsonNode s = created.json();
        assertEquals(2, s.path("orgId").asLong());
        assertEquals("02:00", s.path("hours").get(1).path("closes").asText());
        assertTrue(s.path("ratingAverage").isNull());

        JsonNode changed = put("/api/stations/" + id, "officer", obj("name", "海沧外卖骑手驿站", "address", "海沧区沧林东路",
                "open24h", true, "services", List.of("rest", "water", "charging", "microwave"), "entry", "face-scan"))
                .expect(200).json();
        assertTrue(changed.path("open24h").asBoolean());
        assertTrue(changed.path("openNow").asBoolean());
        assertEquals(0, changed.path("hours").size());
        assertProblem(put("/api/stations/" + id, "officer", obj("name", "", "address", "y", "open24h", true)), 422, "name");
        assertProblem(put("/api/stations/999999", "officer", station("无", true)), 404, null);

        JsonNode audit = get("/api/audit?entity=station&entityId=" + id, "admin").expect(200).json();
        assertEquals("create and update are audited", 2, audit.path("total").asLong());
    }

    @Test
    public void twentyMembersRaceForOneCompartmentAndSlotExactlyOneWins() throws Exception {
        long station = post("/api/stations", "officer", station("骑手驿站·抢柜", true)).expect(201).id();
        long compartment = stockedCompartment(station, 30);
        List<Who> members = members("抢柜", 20);
        String slot = slot(5); // clear of the slots booked below even if the hour turns during the test

        List<Callable<Resp>> rush = new ArrayList<>();
        for (Who m : members) {
            rush.add(() -> send("POST", "/api/stations/" + station + "/bookings", m,
                    obj("compartmentId", compartment, "slotStart", slot), null));
        }
        List<Resp> answers = concurrently(rush);
        Resp winner = null;
        int refused = 0;
        for (Resp r : answers) {
            if (r.status() == 201) {
                assertEquals("exactly one wins", null, winner);
                winner = r;
            } else {
                assertProblem(r, 409, "slotStart");
                refused++;
            }
        }
        assertEquals(19, refused);
        JsonNode booking = winner.json();
        assertTrue(winner.header("Location").endsWith("/api/stations/bookings/" + booking.path("id").asLong()));
        assertEquals("BOOKED", booking.path("status").asText());
        assertEquals(1, compartmentOf(station).path("reserved").asInt());
        assertEquals(29, compartmentOf(station).path("available").asInt());
        JsonNode taken = get("/api/stations/" + station + "/booked-slots?day=" + OffsetDateTime.parse(slot).toLocalDate(), null)
                .expect(200).json();
        assertEquals(1, taken.size());
        assertEquals(compartment, taken.get(0).path("compartmentId").asLong());
        assertEquals(OffsetDateTime.parse(slot).toInstant(), OffsetDateTime.parse(taken.get(0).path("slotStart").asText()).toInstant());
        assertProblem(get("/api/stations/" + station + "/booked-slots?day=today", null), 400, "day");

        // the winner's booking is his: the others can neither read nor cancel it
        long bookingId = booking.path("id").asLong();
        Who holder = null;
        for (Who m : members) {
            Resp r = send("GET", "/api/stations/bookings/" + bookingId, m, null, null);
            if (r.status() == 200) {
                assertEquals("only one member may read it", null, holder);
                holder = m;
            } else {
                assertProblem(r, 403, null);
            }
        }
        Who other = members.get(0).equals(holder) ? members.get(1) : members.get(0);
        assertProblem(send("POST", "/api/stations/bookings/" + bookingId + "/cancel", other, null, null), 403, null);
        assertEquals("CANCELLED", send("POST", "/api/stations/bookings/" + bookingId + "/cancel", holder, null, null)
                .expect(200).json().path("status").asText());
        assertProblem(send("POST", "/api/stations/bookings/" + bookingId + "/cancel", holder, null, null), 409, null);
        // the freed slot goes to the next member
        send("POST", "/api/stations/" + station + "/bookings", other, obj("compartmentId", compartment, "slotStart", slot), null)
                .expect(201);
        assertEquals(1, compartmentOf(station).path("reserved").asInt());

        // pick-up during the slot: the unit leaves the stock
        String now = slot(0);
        long current = send("POST", "/api/stations/" + station + "/bookings", holder,
                obj("compartmentId", compartment, "slotStart", now, "slotEnd", slot(2)), null).expect(201).id();
        JsonNode collected = send("POST", "/api/stations/bookings/" + current + "/collect", holder, null, null).expect(200).json();
        assertEquals("COLLECTED", collected.path("status").asText());
        assertEquals(29, compartmentOf(station).path("stock").asInt());
        assertEquals(1, compartmentOf(station).path("reserved").asInt());
        assertProblem(send("POST", "/api/stations/bookings/" + current + "/collect", holder, null, null), 409, null);

        JsonNode mine = send("GET", "/api/stations/bookings", holder, null, null).expect(200).json();
        assertEquals("a member sees his own bookings", 2, mine.path("total").asLong());
        JsonNode officers = get("/api/stations/bookings?stationId=" + station, "officer").expect(200).json();
        assertEquals(3, officers.path("total").asLong());
        assertProblem(get("/api/stations/bookings?status=LOST", "officer"), 400, "status");
    }

    @Test
    public void badBookingsAreNamedAndNothingIsTaken() throws Exception {
        long station = post("/api/stations", "officer", station("骑手驿站·校验", true)).expect(201).id();
        long compartment = stockedCompartment(station, 1);
        assertProblem(post("/api/stations/" + station + "/bookings", "member", obj("slotStart", slot(1))), 422, "compartmentId");
        Resp offGrid = post("/api/stations/" + station + "/bookings", "member",
                obj("compartmentId", compartment, "slotStart", OffsetDateTime.parse(slot(1)).plusMinutes(7).toString(),
                        "slotEnd", slot(9)));
        assertProblem(offGrid, 422, "slotStart");
        assertProblem(offGrid, 422, "slotEnd");
        assertProblem(post("/api/stations/" + station + "/bookings", "member",
                obj("compartmentId", compartment, "slotStart", slot(-3))), 422, "slotStart");
        assertProblem(post("/api/stations/" + station + "/bookings", "member",
                obj("compartmentId", compartment, "slotStart", slot(24 * 9))), 422, "slotStart");
        assertProblem(post("/api/stations/" + station + "/bookings", "member",
                obj("compartmentId", compartment, "slotStart", "tomorrow")), 400, "slotStart");
        assertProblem(post("/api/stations/" + station + "/bookings", "member",
                obj("compartmentId", 999999, "slotStart", slot(1))), 404, null);
        assertProblem(post("/api/stations/" + station + "/bookings", "officer",
                obj("compartmentId", compartment, "slotStart", slot(1))), 422, "memberId");
        assertProblem(post("/api/stations/" + station + "/bookings", null,
                obj("compartmentId", compartment, "slotStart", slot(1))), 401, null);
        assertEquals(0, compartmentOf(station).path("reserved").asInt());
        post("/api/stations/" + station + "/bookings", "member", obj("compartmentId", compartment, "slotStart", slot(1))).expect(201);
        assertProblem(post("/api/stations/" + station + "/bookings", "member",
                obj("compartmentId", compartment, "slotStart", slot(2))), 409, "compartmentId");

        long locker = get("/api/stations/" + station + "/lockers", null).json().get(0).path("id").asLong();
        assertProblem(put("/api/stations/" + station + "/lockers/" + locker + "/stock", "officer",
                obj("items", List.of(obj("number", 1, "supply", "矿泉水", "quantity", 0)))), 409, "items[0].quantity");
        assertProblem(put("/api/stations/" + station + "/lockers/" + locker + "/stock", "officer",
                obj("items", List.of(obj("number", 99, "supply", "", "quantity", -1)))), 422, "items[0].supply");
        assertProblem(post("/api/stations/" + station + "/lockers", "officer", obj("name", "B", "compartments", 0)), 422,
                "compartments");
    }

    @Test
    public void ratingsClosureReportsVisitsAndTheCardReview() throws Exception {
        long station = post("/api/stations", "officer", station("骑手驿站·评价", true)).expect(201).id();
        Resp rated = post("/api/stations/" + station + "/ratings", "member", obj("score", 5, "comment", "空调凉快，水管够")).expect(201);
        assertEquals(5, rated.json().path("score").asInt());
        String location = rated.header("Location");
        assertEquals("空调凉快，水管够", get(location.substring(location.indexOf("/api/")), null).expect(200).json().path("comment").asText());
        assertProblem(post("/api/stations/" + station + "/ratings", "member", obj("score", 4)), 409, "ratedOn");
        assertProblem(post("/api/stations/" + station + "/ratings", "member", obj("score", 6)), 422, "score");
        assertProblem(post("/api/stations/" + station + "/ratings", "officer", obj("score", 3)), 403, null);
        JsonNode s = get("/api/stations/" + station, null).json();
        assertEquals(5.0, s.path("ratingAverage").asDouble(), 0.001);
        assertEquals(1, s.path("ratingCount").asLong());
        assertEquals(1, get("/api/stations/" + station + "/ratings", null).json().path("total").asLong());

        JsonNode shut = post("/api/stations/" + station + "/closure-reports", "member", obj("note", "门锁着，刷脸没反应")).expect(201).json();
        assertTrue("a 24-hour station is always within its hours", shut.path("duringHours").asBoolean());
        assertProblem(post("/api/stations/" + station + "/closure-reports", "member",
                obj("reportedAt", OffsetDateTime.now(ZONE).plusDays(1).toString())), 422, "reportedAt");
        assertEquals(1, get("/api/stations/" + station + "/closure-reports", "officer").json().path("total").asLong());

        post("/api/stations/" + station + "/visits", "officer", obj("count", 45)).expect(201);
        assertProblem(post("/api/stations/" + station + "/visits", "officer", obj("count", 0,
                "day", LocalDate.now(ZONE).plusDays(1).toString())), 422, "count");
        assertProblem(post("/api/stations/" + station + "/visits", "member", obj("count", 3)), 403, null);

        String today = LocalDate.now(ZONE).toString();
        assertProblem(post("/api/stations/reviews", "officer", obj("from", today, "to", LocalDate.now(ZONE).minusDays(1).toString())),
                422, "to");
        assertProblem(post("/api/stations/reviews", "member", obj("from", today, "to", today)), 403, null);
        Resp review = post("/api/stations/reviews", "officer", obj("from", today, "to", today)).expect(201);
        JsonNode card = null;
        for (JsonNode c : review.json().path("cards")) {
            if (c.path("stationId").asLong() == station) {
                card = c;
            }
        }
        assertEquals("reported shut during its hours: yellow, although 45 visits are enough", "YELLOW", card.path("card").asText());
        assertEquals(45, card.path("visits").asLong());
        assertEquals(1, card.path("closureReports").asLong());
        assertEquals("YELLOW", get("/api/stations/" + station, null).json().path("card").asText());
        assertEquals(1, get("/api/stations/" + station + "/cards", null).json().size());
        assertProblem(post("/api/stations/reviews", "officer", obj("from", today, "to", today)), 409, "from");
        assertEquals(200, get(review.header("Location").substring(review.header("Location").indexOf("/api/")), "officer").status());
    }

    // ---- helpers

    static com.fasterxml.jackson.databind.node.ObjectNode station(String name, boolean open24h) {
        return obj("name", name, "address", "海沧区新阳街道", "open24h", open24h, "services", List.of("rest", "water", "lockers"),
                "entry", "face-scan");
    }

    /** A new 18-compartment locker whose compartment 1 holds {@code quantity} bottles of water. */
    long stockedCompartment(long station, int quantity) throws Exception {
        JsonNode locker = post("/api/stations/" + station + "/lockers", "officer", obj("name", "A", "compartments", 18))
                .expect(201).json();
        JsonNode restocked = put("/api/stations/" + station + "/lockers/" + locker.path("id").asLong() + "/stock", "officer",
                obj("items", List.of(obj("number", 1, "supply", "矿泉水", "quantity", quantity)))).expect(200).json();
        return restocked.path("compartments").get(0).path("id").asLong();
    }

    JsonNode compartmentOf(long station) throws Exception {
        return get("/api/stations/" + station + "/lockers", null).json().get(0).path("compartments").get(0);
    }

    /** The start of the slot {@code hours} from the current one (hub zone, one-hour slots). */
    static String slot(int hours) {
        return OffsetDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(hours).toString();
    }

    /** New members of 海沧区新业态工会联合会 (5), each with a member account. */
    List<Who> members(String prefix, int n) throws Exception {
        List<Callable<Who>> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            made.add(() -> {
                long member = post("/api/members", "admin", obj("name", prefix + k, "orgId", 5, "employmentForm", "NEW_FORM",
                        "newFormKind", "DELIVERY_RIDER")).expect(201).id();
                return account("st-" + Integer.toHexString(prefix.hashCode()) + "-" + k, "member", null, member);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Who> out = new ArrayList<>();
            for (Future<Who> f : pool.invokeAll(made, 120, TimeUnit.SECONDS)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    static List<Resp> concurrently(List<Callable<Resp>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Resp> out = new ArrayList<>();
            for (Future<Resp> f : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
