package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Money;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.Category;
import org.unionhub.recuperation.api.RecuperationTopics;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyDecision.Budget;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;
import org.unionhub.recuperation.api.SubsidyPolicy;
import org.unionhub.recuperation.internal.budget.BudgetLedger;

/**
 * Bookings: places, reserved quotas, beds per night and budgets are checked and taken in one
 * transaction. Every booking of a programme first locks the programme's row, so bookings of one
 * programme are serialised; beds are shared by the programmes of a sanatorium and are taken with one
 * conditional UPDATE over the stay's dates; budgets with a conditional UPDATE on the ledger row.
 */
@Component(service = Bookings.class, configurationPid = RecuperationConfig.PID)
@Designate(ocd = RecuperationConfig.class)
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
    private volatile RecuperationConfig config;

    @Activate
    public Bookings(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Catalogue catalogue, @Reference Policies policies,
            @Reference EventAdmin events, RecuperationConfig config) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.catalogue = catalogue;
        this.policies = policies;
        this.events = events;
        this.config = config;
    }

    @Modified
    void modified(RecuperationConfig config) {
        this.config = config;
    }

    // ---- booking

    public Booking book(Caller caller, BookingRequest req) {
        caller.require(Roles.ADMIN, Roles.OFFICER, Roles.MEMBER);
        boolean officer = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        v.required("programmeId", req.programmeId());
        v.required("memberIds", req.memberIds());
        List<Long> ids = req.memberIds() == null ? List.of() : req.memberIds();
        v.check(ids.stream().noneMatch(java.util.Objects::isNull), "memberIds", "must not contain null");
        v.check(new HashSet<>(ids).size() == ids.size(), "memberIds", "names a member twice");
        v.check(ids.size() <= config.maxMembersPerBooking(), "memberIds", "at most " + config.maxMembersPerBooking()
                + " members per booking");
        Map<Long, Category> declared = req.categories() == null ? Map.of() : req.categories();
        for (Map.Entry<Long, Category> e : declared.entrySet()) {
            v.check(ids.contains(e.getKey()), "categories." + e.getKey(), "is not one of memberIds");
            v.check(e.getValue() != null, "categories." + e.getKey(), "is required");
        }
        if (officer) {
            v.required("organiserOrgId", req.organiserOrgId());
        } else {
            v.check(declared.isEmpty(), "categories", "only an officer declares categories");
            v.check(ids.isEmpty() || ids.equals(List.of(caller.memberId() == null ? -1L : caller.memberId())), "memberIds",
                    "a member books only himself");
        }
        v.throwIfInvalid();

        Programme p = catalogue.getProgrammeOr422(req.programmeId());
        Map<Long, MemberInfo> members = new LinkedHashMap<>();
        for (Long id : ids) {
            directory.member(id).ifPresentOrElse(m -> members.put(id, m),
                    () -> v.error("memberIds", "member " + id + " does not exist"));
        }
        v.throwIfInvalid();
        long organiserId = officer ? req.organiserOrgId() : members.values().iterator().next().orgId();
        OrgInfo organiser = directory.org(organiserId).orElse(null);
        if (organiser == null) {
            throw HubException.invalid("organiserOrgId", "organisation " + organiserId + " does not exist");
        }
        if (!officer && req.organiserOrgId() != null && req.organiserOrgId() != organiserId) {
            throw HubException.invalid("organiserOrgId", "a member books through his own union " + organiserId);
        }
        if (officer) {
            if (!caller.canManage(organiserId, directory)) {
                throw HubException.forbidden("organisation " + organiserId + " is outside your part of the federation");
            }
            for (MemberInfo m : members.values()) {
                if (!caller.canManage(m.orgId(), directory)) {
                    throw HubException.forbidden("member " + m.id() + " is outside your part of the federation");
                }
            }
        }
        Map<Long, Category> categories = categories(members, declared, v);
        v.throwIfInvalid();
        if (!p.startDate().isAfter(catalogue.today().plusDays(config.closeDaysBefore()))) {
            throw HubException.conflict("programmeId", "programme " + p.id() + " starting " + p.startDate() + " is closed for booking");
        }

        Sanatorium s = catalogue.getSanatorium(p.sanatoriumId());
        List<BookingQuote.Member> travellers = members.values().stream().map(m -> new BookingQuote.Member(m.id(), m.orgId(),
                categories.get(m.id()), directory.isWithin(m.orgId(), organiserId))).toList();
        BookingQuote quote = new BookingQuote(p.startDate(), p.days(), p.pricePerPersonPerDay(), s.id(), s.region(), s.unionOwned(),
                organiserId, organiser.kind(), travellers, s.name());
        // Subsidies are for trips unions organise ("各级工会…组织…开展的各类疗休养活动"): a member who books
        // himself travels at his own cost and draws on no budget; his union books the subsidised trips.
        Optional<SubsidyPolicy> policy = officer ? policies.current() : Optional.empty();
        SubsidyDecision decision = policy.map(pol -> checked(pol, quote))
                .orElseGet(() -> unsubsidised(travellers, officer ? NO_POLICY : SELF_BOOKED));
        String policyId = policy.map(SubsidyPolicy::id).orElse(null);
        String policyVersion = policy.map(SubsidyPolicy::version).orElse(null);
        decision.budgets().forEach(b -> BudgetLedger.ensure(db, policyId, b));
        List<Long> ancestors = ancestors(organiserId);

        Booking booking = db.inTransaction(c -> {
            List<SubsidyDecision.MemberSubsidy> subsidies = decision.members();
            lockProgramme(c, p.id());
            refuseDoubleBookings(c, p.id(), ids);
            Map<Long, Category> quotaOf = takePlaces(c, p, ids, categories);
            takeBeds(c, s, p, ids.size());
            BudgetLedger.Taken taken = BudgetLedger.take(c, decision, ancestors);
            String uncovered = taken.uncovered();
            if (uncovered != null) {
                subsidies = subsidies.stream().map(m -> new MemberSubsidy(m.memberId(), Money.ZERO, uncovered, null)).toList();
            }
            BigDecimal total = subsidies.stream().map(MemberSubsidy::amount).reduce(Money.ZERO, BigDecimal::add);
            String reason = summary(subsidies);
            Instant now = Instant.now();
            long id = Sql.insert(c, "INSERT INTO RECUPERATION_BOOKING (PROGRAMME_ID, ORGANISER_ORG_ID, STATUS, START_DATE, DAYS, "
                    + "POLICY_ID, POLICY_VERSION, SUBSIDY_TOTAL, SUBSIDY_REASON, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.id(), organiserId, Booking.ACTIVE, p.startDate(), p.days(), policyId, policyVersion, total, reason,
                    caller.username(), now);
            for (MemberSubsidy m : subsidies) {
                Sql.update(c, "INSERT INTO RECUPERATION_BOOKED_MEMBER (BOOKING_ID, PROGRAMME_ID, MEMBER_ID, CATEGORY, QUOTA_CATEGORY, "
                        + "SUBSIDY, REASON, BUDGET_KEY, ALLOCATION_ORG_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, p.id(), m.memberId(),
                        categories.get(m.memberId()), quotaOf.get(m.memberId()), m.amount(), clip(m.reason(), 1000), m.budget(),
                        m.budget() == null ? null : taken.allocationOf().get(m.budget()));
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("programmeId", p.id());
            changes.put("organiserOrgId", organiserId);
            changes.put("memberIds", ids);
            changes.put("subsidyTotal", total);
            changes.put("policyId", policyId);
            changes.put("policyVersion", policyVersion);
            org.unionhub.recuperation.internal.settle.TripRequests.markBooked(c, p.id(), ids, id);
            audit.record(c, caller, "recuperation.booking.create", "booking", id, changes);
            return load(c, id);
        });
        post(RecuperationTopics.BOOKED, booking);
        return booking;
    }

    /** The category each member travels in: declared by the officer and checked, or taken from the employment form. */
    private Map<Long, Category> categories(Map<Long, MemberInfo> members, Map<Long, Category> declared, Validation v) {
        Map<Long, Category> out = new HashMap<>();
        for (MemberInfo m : members.values()) {
            Category c = declared.get(m.id());
            String f = "categories." + m.id();
            if (c == null) {
                c = m.employmentForm() == EmploymentForm.PRIVATE_FRONTLINE ? Category.PRIVATE_FRONTLINE
                        : m.employmentForm() == EmploymentForm.NEW_FORM ? Category.NEW_FORM : null;
            } else if (c == Category.PRIVATE_FRONTLINE || c == Category.NEW_FORM) {
                v.check(m.employmentForm() != null && m.employmentForm().name().equals(c.name()), f,
                        "member " + m.id() + " is " + m.employmentForm() + " in the member directory, not " + c);
            } else if (c == Category.MODEL_WORKER) {
                v.check(modelWorkers.isModelWorker(m.id()).orElse(true), f, "member " + m.id() + " is not a model worker");
            }
            if (c != null) {
                out.put(m.id(), c);
            }
        }
        return out;
    }

    private static SubsidyDecision unsubsidised(List<BookingQuote.Member> travellers, String reason) {
        return new SubsidyDecision(travellers.stream().map(t -> new MemberSubsidy(t.memberId(), Money.ZERO, reason, null)).toList(),
                List.of());
    }

    private static SubsidyDecision checked(SubsidyPolicy policy, BookingQuote quote) {
        SubsidyDecision d = policy.decide(quote);
        Set<Long> asked = quote.members().stream().map(BookingQuote.Member::memberId).collect(Collectors.toSet());
        Set<String> budgets = d.budgets().stream().map(Budget::key).collect(Collectors.toSet());
        boolean ok = d.members().size() == asked.size()
                && d.members().stream().allMatch(m -> asked.contains(m.memberId()) && m.amount() != null && m.amount().signum() >= 0
                        && m.reason() != null && (m.budget() == null || budgets.contains(m.budget())));
        if (!ok) {
            throw new IllegalStateException("subsidy policy " + policy.id() + " " + policy.version() + " answered an invalid decision");
        }
        return new SubsidyDecision(d.members().stream().map(m -> new MemberSubsidy(m.memberId(), Money.normalize(m.amount()),
                m.reason(), m.budget())).toList(), d.budgets());
    }

    private void lockProgramme(Connection c, long programmeId) throws SQLException {
        // a no-op write takes the row's exclusive lock: bookings of one programme queue here
        if (Sql.update(c, "UPDATE RECUPERATION_PROGRAMME SET TAKEN = TAKEN WHERE ID = ?", programmeId) != 1) {
            throw HubException.invalid("programmeId", "programme " + programmeId + " does not exist");
        }
    }

    private static void refuseDoubleBookings(Connection c, long programmeId, List<Long> ids) throws SQLException {
        String in = ids.stream().map(x -> "?").collect(Collectors.joining(", "));
        List<Object> params = new ArrayList<>(List.of(programmeId));
        params.addAll(ids);
        List<Long> already = Sql.list(c, "SELECT MEMBER_ID FROM RECUPERATION_BOOKED_MEMBER WHERE PROGRAMME_ID = ? AND CANCEL_KEY = 0 "
                + "AND MEMBER_ID IN (" + in + ") ORDER BY MEMBER_ID", rs -> rs.getLong(1), params.toArray());
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
            boolean fromQuota = cat != null && Sql.update(c, "UPDATE RECUPERATION_QUOTA SET TAKEN = TAKEN + 1 WHERE PROGRAMME_ID = ? "
                    + "AND CATEGORY = ? AND TAKEN < PLACES AND RELEASE_ON > ?", p.id(), cat, today) == 1;
            int taken;
            if (fromQuota) {
                quotaOf.put(id, cat);
                taken = Sql.update(c, "UPDATE RECUPERATION_PROGRAMME SET TAKEN = TAKEN + 1 WHERE ID = ? AND TAKEN < PLACES", p.id());
            } else {
                taken = Sql.update(c, "UPDATE RECUPERATION_PROGRAMME SET TAKEN = TAKEN + 1 WHERE ID = ? AND TAKEN + (SELECT "
                        + "COALESCE(SUM(Q.PLACES - Q.TAKEN), 0) FROM RECUPERATION_QUOTA Q WHERE Q.PROGRAMME_ID = ? AND Q.RELEASE_ON > ?) "
                        + "< PLACES", p.id(), p.id(), today);
            }
            if (taken != 1) {
                throw HubException.conflict("memberIds", "programme " + p.id() + " has no place left for member " + id
                        + (cat == null ? "" : " (category " + cat + ")") + "; the remaining places are held by reserved quotas or taken");
            }
        }
        return quotaOf;
    }

    private static void takeBeds(Connection c, Sanatorium s, Programme p, int n) throws SQLException {
        int nights = Sql.update(c, "UPDATE RECUPERATION_NIGHT SET TAKEN = TAKEN + ? WHERE SANATORIUM_ID = ? AND NIGHT BETWEEN ? AND ? "
                + "AND TAKEN + ? <= ?", n, s.id(), p.startDate(), p.endDate(), n, s.bedsPerNight());
        if (nights != p.days()) {
            List<LocalDate> full = Sql.list(c, "SELECT NIGHT FROM RECUPERATION_NIGHT WHERE SANATORIUM_ID = ? AND NIGHT BETWEEN ? AND ? "
                    + "AND TAKEN + ? > ? ORDER BY NIGHT", rs -> Sql.getDate(rs, "NIGHT"), s.id(), p.startDate(), p.endDate(), n,
                    s.bedsPerNight());
            throw HubException.conflict("memberIds", s.name() + " has fewer than " + n + " beds left on "
                    + (full.isEmpty() ? "some night of the stay" : full.get(0).toString()) + " (" + s.bedsPerNight()
                    + " beds per night across its programmes)");
        }
    }

    /** Inserts the ledger row of a budget the first time a policy names it. */
    /** The organiser and the unions above it, nearest first: the budget is drawn from the nearest one it was allocated to. */
    private List<Long> ancestors(long orgId) {
        List<Long> out = new ArrayList<>();
        Long at = orgId;
        while (at != null && !out.contains(at)) {
            out.add(at);
            at = directory.org(at).map(OrgInfo::parentId).orElse(null);
        }
        return out;
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
            int n = b.memberIds().size();
            Sql.update(c, "UPDATE RECUPERATION_PROGRAMME SET TAKEN = TAKEN - ? WHERE ID = ?", n, b.programmeId());
            for (BookedMember m : b.subsidyPerMember()) {
                if (m.quota() != null) {
                    Sql.update(c, "UPDATE RECUPERATION_QUOTA SET TAKEN = TAKEN - 1 WHERE PROGRAMME_ID = ? AND CATEGORY = ?",
                            b.programmeId(), m.quota());
                }
            }
            long sanatoriumId = Sql.one(c, "SELECT SANATORIUM_ID FROM RECUPERATION_PROGRAMME WHERE ID = ?", rs -> rs.getLong(1),
                    b.programmeId()).orElseThrow();
            Sql.update(c, "UPDATE RECUPERATION_NIGHT SET TAKEN = TAKEN - ? WHERE SANATORIUM_ID = ? AND NIGHT BETWEEN ? AND ?", n,
                    sanatoriumId, b.startDate(), b.startDate().plusDays(b.days() - 1L));
            BudgetLedger.refundBooking(c, id, false);
            Sql.update(c, "UPDATE RECUPERATION_BOOKED_MEMBER SET CANCEL_KEY = ? WHERE BOOKING_ID = ?", id, id);
            org.unionhub.recuperation.internal.settle.TripRequests.reopen(c, id);
            Sql.update(c, "UPDATE RECUPERATION_BOOKING SET STATUS = ?, CANCELLED_AT = ? WHERE ID = ?", Booking.CANCELLED,
                    Instant.now(), id);
            audit.record(c, caller, "recuperation.booking.cancel", "booking", id, Map.of("memberIds", b.memberIds()));
            return load(c, id);
        });
        post(RecuperationTopics.CANCELLED, cancelled);
        return cancelled;
    }

    // ---- reading

    public Booking get(Caller caller, long id) {
        return db.read(c -> visible(c, caller, id));
    }

    /** Booking list sorts; indexes (PROGRAMME_ID, ID), (ORGANISER_ORG_ID, ID), (START_DATE, ID) from migration V2. */
    private static final Keyset PAGES = Keyset.by("B.ID").sort("startDate", "B.START_DATE", LocalDate.class);

    /**
     * Admins see all bookings, officers those organised in their part of the tree, members their own; the scope
     * is a condition of the query (Zhejiang alone books 1.5 million trips a year).
     */
    public Page<Booking> list(Caller caller, Long programmeId, PageRequest page) {
        return db.read(c -> {
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
            Page<Long> ids = PAGES.page(c, "SELECT B.ID", where.toString(), params, page, rs -> rs.getLong(1));
            List<Booking> items = new ArrayList<>();
            for (long id : ids.items()) {
                items.add(load(c, id));
            }
            return new Page<>(items, ids.total(), ids.offset(), ids.limit(), ids.nextCursor(), ids.totalExact());
        });
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
        List<BookedMember> members = Sql.list(c, "SELECT MEMBER_ID, CATEGORY, QUOTA_CATEGORY, SUBSIDY, REASON, BUDGET_KEY "
                + "FROM RECUPERATION_BOOKED_MEMBER WHERE BOOKING_ID = ? ORDER BY ID", rs -> new BookedMember(rs.getLong("MEMBER_ID"),
                        Sql.getEnum(rs, "CATEGORY", Category.class), Sql.getEnum(rs, "QUOTA_CATEGORY", Category.class),
                        rs.getBigDecimal("SUBSIDY"), rs.getString("REASON"), rs.getString("BUDGET_KEY")), id);
        return Sql.one(c, "SELECT * FROM RECUPERATION_BOOKING WHERE ID = ?", rs -> booking(rs, members), id)
                .orElseThrow(() -> HubException.notFound("booking", id));
    }

    private Booking booking(ResultSet rs, List<BookedMember> members) throws SQLException {
        return new Booking(rs.getLong("ID"), rs.getLong("PROGRAMME_ID"), rs.getLong("ORGANISER_ORG_ID"), rs.getString("STATUS"),
                Sql.getDate(rs, "START_DATE"), rs.getInt("DAYS"), members.stream().map(BookedMember::memberId).toList(), members,
                rs.getBigDecimal("SUBSIDY_TOTAL"), rs.getString("POLICY_ID"), rs.getString("POLICY_VERSION"),
                rs.getString("SUBSIDY_REASON"), rs.getString("CREATED_BY"), catalogue.at(Sql.getInstant(rs, "CREATED_AT")),
                catalogue.at(Sql.getInstant(rs, "CANCELLED_AT")));
    }

    public List<BudgetLine> budgets() {
        return db.read(c -> Sql.list(c, "SELECT * FROM RECUPERATION_BUDGET ORDER BY BUDGET_KEY", rs -> new BudgetLine(
                rs.getString("BUDGET_KEY"), rs.getString("POLICY_ID"), rs.getString("DESCRIPTION"), rs.getBigDecimal("TOTAL"),
                rs.getBigDecimal("SPENT"), Money.normalize(rs.getBigDecimal("TOTAL").subtract(rs.getBigDecimal("SPENT"))))));
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
