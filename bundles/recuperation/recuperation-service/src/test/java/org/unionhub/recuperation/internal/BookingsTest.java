package org.unionhub.recuperation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.Category;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyDecision.Budget;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;
import org.unionhub.recuperation.api.SubsidyPolicy;

/** The booking rules against a real Derby: places, quotas, beds, budgets, policies, cancellation. */
class BookingsTest {

    /** One database for the class (a Derby boot costs seconds); each test makes its own sanatoriums and programmes. */
    private static TestHub hub;

    @BeforeAll
    static void boot() throws Exception {
        hub = new TestHub();
    }

    @BeforeEach
    void noPolicy() {
        hub.policies();
    }

    @Test
    void noPolicyMeansZeroSubsidyWithTheReason() {
        long p = programme(sanatorium(true, 10), 10, 3, 5, List.of());
        Booking b = book(p, 2, hub.member(4, EmploymentForm.EMPLOYEE));
        assertEquals(Money.ZERO, b.subsidyTotal());
        assertEquals(Bookings.NO_POLICY, b.subsidyReason());
        assertNull(b.policyId());
        assertTrue(hub.audits.contains("recuperation.booking.create " + b.id()));
        assertTrue(hub.events.stream().anyMatch(e -> e.getTopic().equals("org/unionhub/recuperation/BOOKED")
                && Long.valueOf(b.id()).equals(e.getProperty("bookingId"))));
    }

    @Test
    void theBookingRecordsWhatThePolicyAnsweredAndKeepsIt() {
        long p = programme(sanatorium(true, 10), 10, 3, 5, List.of());
        hub.policies(flat("flat", "1", "50.00", null));
        Booking first = book(p, 2, hub.member(4, EmploymentForm.EMPLOYEE), hub.member(5, EmploymentForm.NEW_FORM));
        assertEquals(new BigDecimal("100.00"), first.subsidyTotal());
        assertEquals("flat", first.policyId());
        assertEquals("1", first.policyVersion());
        assertEquals("flat rate", first.subsidyReason());
        hub.policies(flat("other", "2", "70.00", null));
        Booking second = book(p, 2, hub.member(4, EmploymentForm.EMPLOYEE));
        assertEquals(new BigDecimal("70.00"), second.subsidyTotal());
        assertEquals(new BigDecimal("100.00"), hub.bookings.get(hub.officer, first.id()).subsidyTotal());
        assertEquals("flat", hub.bookings.get(hub.officer, first.id()).policyId());
    }

    @Test
    void twoPoliciesAreRefusedAndNothingIsWritten() {
        long p = programme(sanatorium(true, 10), 10, 3, 5, List.of());
        hub.policies(flat("a", "1", "1.00", null), flat("b", "1", "1.00", null));
        HubException e = assertThrows(HubException.class, () -> book(p, 2, hub.member(4, EmploymentForm.EMPLOYEE)));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().startsWith("two subsidy policies are active: a 1, b 1"), e.getMessage());
        assertEquals(0, hub.catalogue.getProgramme(p).placesTaken());
    }

    @Test
    void heldPlacesGoToTheirCategoryAndOpenOnTheReleaseDay() {
        long s = sanatorium(true, 10);
        long held = programme(s, 10, 2, 2, List.of(new QuotaRequest(Category.NEW_FORM, 1, hub.today().plusDays(1))));
        long released = programme(s, 10, 2, 1, List.of(new QuotaRequest(Category.MODEL_WORKER, 1, hub.today())));
        book(held, 2, hub.member(4, EmploymentForm.EMPLOYEE));
        assertEquals(409, assertThrows(HubException.class, () -> book(held, 2, hub.member(4, EmploymentForm.EMPLOYEE))).status());
        Booking viaQuota = book(held, 2, hub.member(5, EmploymentForm.NEW_FORM));
        assertEquals(Category.NEW_FORM, viaQuota.subsidyPerMember().get(0).quota());
        Booking open = book(released, 2, hub.member(4, EmploymentForm.EMPLOYEE));
        assertNull(open.subsidyPerMember().get(0).quota());
    }

    @Test
    void aDeclaredCategoryMustMatchTheDirectory() {
        long p = programme(sanatorium(true, 10), 10, 2, 5, List.of());
        long employee = hub.member(4, EmploymentForm.EMPLOYEE);
        HubException e = assertThrows(HubException.class, () -> hub.bookings.book(hub.officer,
                new BookingRequest(p, 2L, List.of(employee), Map.of(employee, Category.NEW_FORM))));
        assertEquals(422, e.status());
        assertEquals("categories." + employee, e.errors().get(0).field());
        Booking declared = hub.bookings.book(hub.officer, new BookingRequest(p, 2L, List.of(employee),
                Map.of(employee, Category.MODEL_WORKER)));
        assertEquals(Category.MODEL_WORKER, declared.subsidyPerMember().get(0).category());
    }

    @Test
    void aFailedMemberRollsBackTheWholeBooking() {
        long p = programme(sanatorium(true, 10), 10, 2, 2, List.of());
        long a = hub.member(4, EmploymentForm.EMPLOYEE);
        book(p, 2, a);
        assertThrows(HubException.class, () -> book(p, 2, hub.member(4, EmploymentForm.EMPLOYEE), a));
        assertThrows(HubException.class, () -> book(p, 2, hub.member(4, EmploymentForm.EMPLOYEE),
                hub.member(4, EmploymentForm.EMPLOYEE)));
        assertEquals(1, hub.catalogue.getProgramme(p).placesTaken());
    }

    @Test
    void concurrentBookingsNeverExceedPlacesQuotasOrSharedBeds() throws Exception {
        long s = sanatorium(true, 15);
        long a = programme(s, 20, 4, 12, List.of(new QuotaRequest(Category.NEW_FORM, 4, hub.today().plusDays(10))));
        long b = programme(s, 22, 4, 12, List.of());
        List<Callable<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long m = hub.member(i % 3 == 0 ? 5 : 4, i % 3 == 0 ? EmploymentForm.NEW_FORM : EmploymentForm.EMPLOYEE);
            long target = i % 2 == 0 ? a : b;
            jobs.add(() -> attempt(target, m));
        }
        int ok = run(jobs);
        Programme pa = hub.catalogue.getProgramme(a);
        Programme pb = hub.catalogue.getProgramme(b);
        assertEquals(ok, pa.placesTaken() + pb.placesTaken());
        assertTrue(pa.placesTaken() <= 12 && pb.placesTaken() <= 12);
        assertTrue(pa.quotas().get(0).taken() <= 4);
        assertEquals(15, pa.placesTaken() + pb.placesTaken(), "A and B overlap on two nights with 15 beds");
    }

    @Test
    void aBudgetNeverGoesNegativeAndCancellingRefundsIt() throws Exception {
        long p = programme(sanatorium(true, 100), 10, 3, 50, List.of());
        hub.policies(flat("budgeted", "1", "300.00", new Budget("budgeted/2030", "the test budget", new BigDecimal("1000.00"))));
        List<Callable<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long m = hub.member(4, EmploymentForm.EMPLOYEE);
            jobs.add(() -> attempt(p, m));
        }
        assertEquals(12, run(jobs));
        BudgetLine line = hub.bookings.budgets().get(0);
        assertEquals(new BigDecimal("900.00"), line.spent());
        assertEquals(new BigDecimal("100.00"), line.left());
        List<Booking> all = hub.bookings.list(hub.admin, p, org.unionhub.api.PageRequest.of(0, 100)).items();
        assertEquals(3, all.stream().filter(x -> x.subsidyTotal().signum() > 0).count());
        Booking unpaid = all.stream().filter(x -> x.subsidyTotal().signum() == 0).findFirst().orElseThrow();
        assertTrue(unpaid.subsidyReason().contains("the test budget不足以支付本次预订的 300.00 元（共 1000.00 元，余 100.00 元）"),
                unpaid.subsidyReason());
        Booking paid = all.stream().filter(x -> x.subsidyTotal().signum() > 0).findFirst().orElseThrow();
        hub.bookings.cancel(hub.officer, paid.id());
        assertEquals(new BigDecimal("400.00"), hub.bookings.budgets().get(0).left());
        assertEquals(11, hub.catalogue.getProgramme(p).placesTaken());
    }

    /**
     * Subsidies are for the trips unions organise ("各级工会淡季组织…开展的各类疗休养活动"): a member's own
     * booking is his, not his union's, so it is priced without subsidy and takes nothing from a budget, while
     * the same trip booked by his union's officer is subsidised.
     */
    @Test
    void aMembersOwnBookingIsNotSubsidisedAndDrawsNoBudget() {
        hub.policies(flat("budgeted", "1", "300.00", new Budget("self/2030", "the self-booking test budget", new BigDecimal("1000.00"))));
        long p = programme(sanatorium(true, 10), 10, 2, 5, List.of());
        long rider = hub.member(5, EmploymentForm.NEW_FORM);
        Booking own = hub.bookings.book(new Caller("rider", Set.of(Roles.MEMBER), null, rider),
                new BookingRequest(p, null, List.of(rider), null));
        assertEquals(0, own.subsidyTotal().signum());
        assertNull(own.policyId());
        assertEquals(Bookings.SELF_BOOKED, own.subsidyPerMember().get(0).reason());
        Booking byUnion = book(p, 5, hub.member(5, EmploymentForm.NEW_FORM));
        assertEquals(new BigDecimal("300.00"), byUnion.subsidyTotal());
        assertEquals("budgeted", byUnion.policyId());
        BudgetLine line = hub.bookings.budgets().stream().filter(b -> b.key().equals("self/2030")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("700.00"), line.left(), "only the union's booking drew on the budget");
    }

    /** A stay that has begun used its places and its subsidy: it is settled, never cancelled (and never refunded). */
    @Test
    void aStayThatHasBegunCannotBeCancelled() throws Exception {
        long p = programme(sanatorium(true, 10), 10, 3, 5, List.of());
        Booking b = book(p, 2, hub.member(4, EmploymentForm.EMPLOYEE));
        try (java.sql.Connection c = hub.db.dataSource().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("UPDATE RECUPERATION_BOOKING SET START_DATE = ? WHERE ID = ?")) {
            ps.setDate(1, java.sql.Date.valueOf(hub.today()));
            ps.setLong(2, b.id());
            assertEquals(1, ps.executeUpdate());
        }
        HubException e = assertThrows(HubException.class, () -> hub.bookings.cancel(hub.officer, b.id()));
        assertEquals(409, e.status());
        assertEquals(Booking.ACTIVE, hub.bookings.get(hub.officer, b.id()).status());
        assertEquals(1, hub.catalogue.getProgramme(p).placesTaken());
    }

    @Test
    void aMemberBooksAndCancelsOnlyHimself() {
        long p = programme(sanatorium(true, 10), 10, 2, 5, List.of());
        long rider = hub.member(5, EmploymentForm.NEW_FORM);
        long mate = hub.member(5, EmploymentForm.NEW_FORM);
        Caller self = new Caller("rider", Set.of(Roles.MEMBER), null, rider);
        Booking own = hub.bookings.book(self, new BookingRequest(p, null, List.of(rider), null));
        assertEquals(5, own.organiserOrgId());
        assertEquals(Category.NEW_FORM, own.subsidyPerMember().get(0).category());
        assertEquals(422, assertThrows(HubException.class,
                () -> hub.bookings.book(self, new BookingRequest(p, null, List.of(mate), null))).status());
        Booking group = book(p, 2, hub.member(4, EmploymentForm.EMPLOYEE), hub.member(4, EmploymentForm.EMPLOYEE));
        Booking withRider = book(programme(sanatorium(true, 10), 11, 2, 5, List.of()), 2, rider, mate);
        assertEquals(404, assertThrows(HubException.class, () -> hub.bookings.cancel(self, group.id())).status());
        assertEquals(403, assertThrows(HubException.class, () -> hub.bookings.cancel(self, withRider.id())).status());
        assertEquals(Booking.CANCELLED, hub.bookings.cancel(self, own.id()).status());
        assertEquals(2, hub.catalogue.getProgramme(p).placesTaken());
    }

    @Test
    void badProgrammesAreRefusedWithTheirFields() {
        long s = sanatorium(true, 10);
        LocalDate start = hub.today().plusDays(10);
        assertField("days", () -> hub.catalogue.createProgramme(hub.admin, new ProgrammeRequest(s, null, start, 0, null, 5,
                Money.of(100), null)));
        assertField("endDate", () -> hub.catalogue.createProgramme(hub.admin, new ProgrammeRequest(s, null, start, null,
                start.minusDays(1), 5, Money.of(100), null)));
        assertField("quotas", () -> hub.catalogue.createProgramme(hub.admin, new ProgrammeRequest(s, null, start, 2, null, 1,
                Money.of(100), List.of(new QuotaRequest(Category.NEW_FORM, 2, start)))));
        Programme byEnd = hub.catalogue.createProgramme(hub.admin, new ProgrammeRequest(s, null, start, null, start.plusDays(2), 5,
                Money.of(100), null));
        assertEquals(3, byEnd.days());
    }

    // ---- helpers

    private int attempt(long programme, long member) {
        try {
            book(programme, 2, member);
            return 1;
        } catch (HubException e) {
            if (e.status() != 409) {
                throw e;
            }
            return 0;
        }
    }

    private static int run(List<Callable<Integer>> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            int ok = 0;
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                ok += f.get();
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        HubException e = assertThrows(HubException.class, call);
        assertEquals(422, e.status());
        assertTrue(e.errors().stream().anyMatch(f -> f.field().equals(field)), e.errors().toString());
    }

    private long sanatorium(boolean unionOwned, int beds) {
        return hub.catalogue.createSanatorium(hub.admin, new SanatoriumRequest("疗养院", "内蒙古", unionOwned, beds)).id();
    }

    private long programme(long sanatorium, int inDays, int days, int places, List<QuotaRequest> quotas) {
        return hub.catalogue.createProgramme(hub.admin, new ProgrammeRequest(sanatorium, null, hub.today().plusDays(inDays), days,
                null, places, Money.of(200), quotas)).id();
    }

    private Booking book(long programme, long organiser, Long... members) {
        return hub.bookings.book(hub.officer, new BookingRequest(programme, organiser, List.of(members), null));
    }

    /** A policy that pays {@code amount} per member, optionally from a budget. */
    private static SubsidyPolicy flat(String id, String version, String amount, Budget budget) {
        return new SubsidyPolicy() {
            public String id() { return id; }
            public String version() { return version; }
            public SubsidyDecision decide(BookingQuote q) {
                return new SubsidyDecision(q.members().stream().map(m -> new MemberSubsidy(m.memberId(), new BigDecimal(amount),
                        "flat rate", budget == null ? null : budget.key())).toList(), budget == null ? List.of() : List.of(budget));
            }
        };
    }
}
