package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.recuperation.api.Category;
import org.unionhub.recuperation.api.RecuperationTopics;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;
import org.unionhub.recuperation.internal.budget.BudgetLedger;

/**
 * Bookings: places, reserved quotas, beds per night and budgets are checked and taken in one
 * transaction. Every booking of a programme first locks the programme's row, so bookings of one
 * programme are serialised; beds are shared by the programmes of a sanatorium and are taken with one
 * conditional UPDATE over the stay's dates; budgets with a conditional UPDATE on the ledger row.
 */
@Component(service = Bookings.class, configurationPid = ModuleConfig.PID)
@Designate(ocd = ModuleConfig.class)
public class Bookings {

    // reasons are shown to officers and members as they are: Chinese, like the policies' own
    static final String NO_POLICY = "未安装补贴政策";
    static final String SELF_BOOKED = "不予补贴：会员自行预订，不是工会组织的疗休养";

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final Catalogue catalogue;
    private final Policies policies;
    private final EventAdmin events;
    /**
     * The model-worker archive, when the modelworkers module is installed: then a member declared a model
     * worker must be one. Without it the officer's declaration stands. The api package is always there
     * (the recuperation feature carries it), the service only while that module runs.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.unionhub.modelworkers.api.ModelWorkerLookup archive;
    private final ModelWorkerLookup modelWorkers = memberId -> {
        org.unionhub.modelworkers.api.ModelWorkerLookup a = archive;
        return a == null ? java.util.Optional.empty() : java.util.Optional.of(a.isModelWorker(memberId, java.util.Set.of()));
    };
    private volatile ModuleConfig config;
    private final BookingStore store;
    private final BookingChecks checks;

    @Activate
    public Bookings(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Catalogue catalogue, @Reference Policies policies,
            @Reference EventAdmin events, ModuleConfig config) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.catalogue = catalogue;
        this.policies = policies;
        this.events = events;
        this.config = config;
        this.store = new BookingStore(catalogue);
        this.checks = new BookingChecks(directory, catalogue, policies, modelWorkers, () -> this.config);
    }

    @Modified
    void modified(ModuleConfig config) {
        this.config = config;
    }

    // ---- booking

    public Booking book(Caller caller, BookingRequest req) {
        BookingChecks.Checked ok = checks.check(caller, req);
        ok.decision().budgets().forEach(b -> BudgetLedger.ensure(db, ok.policyId(), b));
        Booking booking = db.inTransaction(c -> take(c, caller, ok));
        post(RecuperationTopics.BOOKED, booking);
        return booking;
    }

    /**
     * In one transaction, behind the programme's row lock: refuses members booked already, takes their places, the
     * beds of each night and the budgets (each a conditional UPDATE), then records the booking.
     */
    private Booking take(Connection c, Caller caller, BookingChecks.Checked ok) throws SQLException {
        Programme p = ok.programme();
        List<Long> ids = ok.memberIds();
        Map<Long, Category> categories = ok.categories();
        List<SubsidyDecision.MemberSubsidy> subsidies = ok.decision().members();
        lockProgramme(c, p.id());
        refuseDoubleBookings(c, p.id(), ids);
        Map<Long, Category> quotaOf = takePlaces(c, p, ids, categories);
        takeBeds(c, ok.sanatorium(), p, ids.size());
        BudgetLedger.Taken taken = BudgetLedger.take(c, ok.decision(), ok.ancestors());
        String uncovered = taken.uncovered();
        if (uncovered != null) {
            subsidies = subsidies.stream().map(m -> new MemberSubsidy(m.memberId(), Money.ZERO, uncovered, null)).toList();
        }
        BigDecimal total = subsidies.stream().map(MemberSubsidy::amount).reduce(Money.ZERO, BigDecimal::add);
        String reason = summary(subsidies);
        Instant now = Instant.now();
        long id = BookingStore.insert(c, p, ok.organiserId(), ok.policyId(), ok.policyVersion(), total, reason,
                caller.username(), now);
        for (MemberSubsidy m : subsidies) {
            BookingStore.insertMember(c, id, p.id(), m, categories.get(m.memberId()), quotaOf.get(m.memberId()),
                    taken.allocationOf());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("programmeId", p.id());
        changes.put("organiserOrgId", ok.organiserId());
        changes.put("memberIds", ids);
        changes.put("subsidyTotal", total);
        changes.put("policyId", ok.policyId());
        changes.put("policyVersion", ok.policyVersion());
        org.unionhub.recuperation.internal.settle.TripRequests.markBooked(c, p.id(), ids, id);
        audit.record(c, caller, "recuperation.booking.create", "booking", id, changes);
        return load(c, id);
    }

    private void lockProgramme(Connection c, long programmeId) throws SQLException {
        // a no-op write takes the row's exclusive lock: bookings of one programme queue here
        if (!BookingStore.lockProgramme(c, programmeId)) {
            throw HubException.invalid("programmeId", "programme " + programmeId + " does not exist");
        }
    }

    private static void refuseDoubleBookings(Connection c, long programmeId, List<Long> ids) throws SQLException {
        List<Long> already = BookingStore.alreadyBooked(c, programmeId, ids);
        if (!already.isEmpty()) {
            throw HubException.conflict("memberIds", "already booked on programme " + programmeId + ": member "
                    + already.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Takes one place per member: from his category's quota while it holds places, else from the open
     * places (those neither taken nor held by a quota that is not yet released). Answers the quota per member.
     */
    private Map<Long, Category> takePlaces(Connection c, Programme p, List<Long> ids, Map<Long, Category> categories)
            throws SQLException {
        Map<Long, Category> quotaOf = new HashMap<>();
        LocalDate today = catalogue.today();
        for (Long id : ids) {
            Category cat = categories.get(id);
            boolean fromQuota = cat != null && BookingStore.takeQuotaPlace(c, p.id(), cat, today);
            boolean taken;
            if (fromQuota) {
                quotaOf.put(id, cat);
                taken = BookingStore.takePlace(c, p.id());
            } else {
                taken = BookingStore.takeOpenPlace(c, p.id(), today);
            }
            if (!taken) {
                throw HubException.conflict("memberIds", "programme " + p.id() + " has no place left for member " + id
                        + (cat == null ? "" : " (category " + cat + ")") + "; the remaining places are held by reserved quotas or taken");
            }
        }
        return quotaOf;
    }

    private static void takeBeds(Connection c, Sanatorium s, Programme p, int n) throws SQLException {
        int nights = BookingStore.takeBeds(c, s, p, n);
        if (nights != p.days()) {
            List<LocalDate> full = BookingStore.fullNights(c, s, p, n);
            throw HubException.conflict("memberIds", s.name() + " has fewer than " + n + " beds left on "
                    + (full.isEmpty() ? "some night of the stay" : full.get(0).toString()) + " (" + s.bedsPerNight()
                    + " beds per night across its programmes)");
        }
    }

    private static String summary(List<MemberSubsidy> subsidies) {
        Set<String> reasons = new LinkedHashSet<>();
        subsidies.forEach(m -> reasons.add(m.reason()));
        return clip(reasons.size() == 1 ? reasons.iterator().next() : subsidies.stream()
                .map(m -> "会员 " + m.memberId() + "：" + m.reason()).collect(Collectors.joining("；")), 2000);
    }

    // ---- cancelling

    public Booking cancel(Caller caller, long id) {
        Booking cancelled = db.inTransaction(c -> {
            Booking b = visible(c, caller, id);
            if (!caller.canManage(b.organiserOrgId(), directory) && b.memberIds().size() > 1) {
                throw HubException.forbidden("a member cancels only a booking of his own; ask the organising union");
            }
            if (!Booking.ACTIVE.equals(b.status())) {
                throw HubException.conflict("booking " + id + " is already " + b.status().toLowerCase());
            }
            if (!b.startDate().isAfter(catalogue.today())) {
                // the places were used and the subsidy is owed to the sanatorium: what happened is settled, not undone
                throw HubException.conflict("status", "the stay began on " + b.startDate()
                        + "; a trip under way or over can no longer be cancelled");
            }
            lockProgramme(c, b.programmeId());
            BookingStore.release(c, b);
            BudgetLedger.refundBooking(c, id, false);
            BookingStore.freeMembers(c, id);
            org.unionhub.recuperation.internal.settle.TripRequests.reopen(c, id);
            BookingStore.markCancelled(c, id, Instant.now());
            audit.record(c, caller, "recuperation.booking.cancel", "booking", id, Map.of("memberIds", b.memberIds()));
            return load(c, id);
        });
        post(RecuperationTopics.CANCELLED, cancelled);
        return seenBy(caller, cancelled);
    }

    // ---- reading

    public Booking get(Caller caller, long id) {
        return db.read(c -> seenBy(caller, visible(c, caller, id)));
    }

    /** Officers over the organiser see the whole booking; a traveller sees his own place in it. */
    private Booking seenBy(Caller caller, Booking b) {
        return caller.canManage(b.organiserOrgId(), directory) ? b
                : b.travellerView(caller.memberId() == null ? -1L : caller.memberId());
    }

    /**
     * Admins see all bookings, officers those organised in their part of the tree, members their own; the scope
     * is a condition of the query (Zhejiang alone books 1.5 million trips a year).
     */
    public Page<Booking> list(Caller caller, Long programmeId, PageRequest page) {
        Page<Booking> read = db.read(c -> {
            StringBuilder where = new StringBuilder(" FROM RECUPERATION_BOOKING B WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (programmeId != null) {
                where.append(" AND B.PROGRAMME_ID = ?");
                params.add(programmeId);
            }
            if (!caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
                where.append(" AND B.ID IN (SELECT BOOKING_ID FROM RECUPERATION_BOOKED_MEMBER WHERE MEMBER_ID = ?)");
                params.add(caller.memberId() == null ? -1L : caller.memberId());
            } else if (!caller.isAdmin()) {
                if (caller.orgId() == null) {
                    where.append(" AND 1 = 0");
                } else {
                    where.append(" AND ").append(OrgScope.subtree("B.ORGANISER_ORG_ID"));
                    params.add(directory.orgPath(caller.orgId()).orElse("-") + "%");
                }
            }
            Page<Long> ids = BookingStore.page(c, where.toString(), params, page);
            List<Booking> items = new ArrayList<>();
            for (long id : ids.items()) {
                items.add(load(c, id));
            }
            return new Page<>(items, ids.total(), ids.offset(), ids.limit(), ids.nextCursor(), ids.totalExact());
        });
        // masked once the connection is back: asking the directory while holding it took two per request
        List<Booking> seen = new ArrayList<>();
        read.items().forEach(b -> seen.add(seenBy(caller, b)));
        return new Page<>(seen, read.total(), read.offset(), read.limit(), read.nextCursor(), read.totalExact());
    }

    private Booking visible(Connection c, Caller caller, long id) throws SQLException {
        Booking b = load(c, id);
        boolean own = caller.memberId() != null && b.memberIds().contains(caller.memberId());
        if (!own && !caller.canManage(b.organiserOrgId(), directory)) {
            throw HubException.notFound("booking", id);
        }
        return b;
    }

    public Booking load(Connection c, long id) throws SQLException {
        return store.load(c, id);
    }

    public List<BudgetLine> budgets() {
        return db.read(BookingStore::budgets);
    }

    private void post(String topic, Booking b) {
        Map<String, Object> props = new HashMap<>();
        props.put("bookingId", b.id());
        props.put("programmeId", b.programmeId());
        props.put("organiserOrgId", b.organiserOrgId());
        props.put("members", b.memberIds().size());
        props.put("memberIds", new java.util.ArrayList<>(b.memberIds())); // whose inbox hears of the trip (issue 21)
        props.put("subsidyTotal", b.subsidyTotal().toPlainString());
        if (b.policyId() != null) {
            props.put("policyId", b.policyId());
        }
        events.postEvent(new Event(topic, props));
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
