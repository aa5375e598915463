package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.unionhub.api.NewFormKind;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.fairs.api.Application;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.ApplicationStatus;
import org.unionhub.fairs.api.Coupon;
import org.unionhub.fairs.api.CouponBatch;
import org.unionhub.fairs.api.CouponBatchRequest;
import org.unionhub.fairs.api.CouponKind;
import org.unionhub.fairs.api.Fair;
import org.unionhub.fairs.api.FairFilter;
import org.unionhub.fairs.api.FairRequest;
import org.unionhub.fairs.api.FairState;
import org.unionhub.fairs.api.FairStats;
import org.unionhub.fairs.api.FairsEvents;
import org.unionhub.fairs.api.FairsService;
import org.unionhub.fairs.api.FairsSummary;
import org.unionhub.fairs.api.RedeemRequest;
import org.unionhub.fairs.api.Sale;
import org.unionhub.fairs.api.SaleRequest;
import org.unionhub.fairs.api.VisitRequest;
import org.unionhub.fairs.api.VisitSlot;
import org.unionhub.fairs.internal.coupons.BatchWriter;
import org.unionhub.fairs.internal.coupons.TermsStore;

/**
 * The rules of union fairs. Every write to a fair's stalls first locks the fair's row (an UPDATE of it), so
 * applications, withdrawals, offers and promotions of one fair run one after the other; the stall itself is
 * taken with a conditional UPDATE of the fair's counter, and unique constraints back the stall numbers, the
 * waitlist order and the one-active-application-per-credit-code rule. Coupons are taken the same way on the
 * batch's CLAIMED counter.
 */
@Component(service = {FairsService.class, FairsServiceImpl.class}, configurationPid = "org.unionhub.fairs")
@Designate(ocd = FairsConfig.class)
public class FairsServiceImpl implements FairsService {

    static final String MERCHANT = "merchant";
    private static final Keyset APP_PAGES = Keyset.by("ID");
    private static final String APP_SELECT = "SELECT " + AppRow.COLUMNS + " FROM FAIRS_APPLICATION";

    private final Logger logger = LoggerFactory.getLogger(FairsServiceImpl.class);
    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final HubSettings settings;
    private final EventAdmin eventAdmin;
    private final SecureRandom random = new SecureRandom();
    private volatile BigDecimal defaultFee = Money.of(0);

    @Activate
    public FairsServiceImpl(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference HubSettings settings, @Reference EventAdmin eventAdmin,
            FairsConfig config) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.settings = settings;
        this.eventAdmin = eventAdmin;
        configure(config);
    }

    @Modified
    void configure(FairsConfig config) {
        try {
            BigDecimal fee = new BigDecimal(config.stall_fee_per_day().trim());
            if (fee.signum() < 0) {
                throw new NumberFormatException("negative");
            }
            defaultFee = Money.normalize(fee);
        } catch (NumberFormatException e) {
            logger.warn("stall.fee.per.day '{}' in org.unionhub.fairs is not an amount; using 0.00", config.stall_fee_per_day());
            defaultFee = Money.of(0);
        }
    }

    private ZoneId zone() {
        return settings.zone();
    }

    // ---- fairs

    @Override
    public Fair createFair(Caller caller, FairRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        Rules.validateFair(r, v);
        Long orgId = r.orgId() != null ? r.orgId() : caller.orgId();
        if (r.orgId() != null && directory.org(r.orgId()).isEmpty()) {
            v.error("orgId", "organisation " + r.orgId() + " does not exist");
        }
        v.throwIfInvalid();
        if (orgId == null ? !caller.isAdmin() : !caller.canManage(orgId, directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        BigDecimal fee = r.stallFeePerDay() == null ? defaultFee : Money.normalize(r.stallFeePerDay());
        Instant now = Instant.now();
        long id = db.inTransaction(c -> {
            long fairId = Sql.insert(c, "INSERT INTO FAIRS_FAIR (NAME, THEME, VENUE, ORG_ID, STARTS_AT, ENDS_AT, "
                    + "REG_OPENS_AT, REG_CLOSES_AT, STALL_COUNT, STALL_FEE_PER_DAY, OFFER_WINDOW_HOURS, SECTIONS, "
                    + "CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.name().trim(), blankToNull(r.theme()), r.venue().trim(), orgId, r.startsAt(), r.endsAt(),
                    r.registrationOpensAt(), r.registrationClosesAt(), r.stallCount(), fee, offerHours(r),
                    sections(r.sections()), now, now);
            audit.record(c, caller, "fairs.fair.create", "fair", fairId, fairChanges(r, fee));
            return fairId;
        });
        return fair(id);
    }

    @Override
    public Fair updateFair(Caller caller, long fairId, FairRequest r) {
        FairRow current = requireManage(caller, fairId);
        Validation v = new Validation();
        Rules.validateFair(r, v);
        Long orgId = r.orgId() != null ? r.orgId() : current.orgId();
        if (r.orgId() != null && directory.org(r.orgId()).isEmpty()) {
            v.error("orgId", "organisation " + r.orgId() + " does not exist");
        }
        v.throwIfInvalid();
        if (orgId != null && !caller.canManage(orgId, directory) || orgId == null && !caller.isAdmin()) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        BigDecimal fee = r.stallFeePerDay() == null ? current.feePerDay() : Money.normalize(r.stallFeePerDay());
        List<Event> events = new ArrayList<>();
        db.inTransaction(c -> {
            events.clear();
            FairRow f = lockFair(c, fairId);
            if (f.closedAt() != null) {
                throw HubException.conflict("fair " + fairId + " is closed");
            }
            if (r.stallCount() < f.stallsTaken()) {
                throw HubException.conflict("stallCount", f.stallsTaken() + " stalls are taken; stallCount cannot be lower");
            }
            Instant now = Instant.now();
            Sql.update(c, "UPDATE FAIRS_FAIR SET NAME = ?, THEME = ?, VENUE = ?, ORG_ID = ?, STARTS_AT = ?, ENDS_AT = ?, "
                    + "REG_OPENS_AT = ?, REG_CLOSES_AT = ?, STALL_COUNT = ?, STALL_FEE_PER_DAY = ?, OFFER_WINDOW_HOURS = ?, "
                    + "SECTIONS = ?, UPDATED_AT = ? WHERE ID = ?", r.name().trim(), blankToNull(r.theme()), r.venue().trim(),
                    orgId, r.startsAt(), r.endsAt(), r.registrationOpensAt(), r.registrationClosesAt(), r.stallCount(),
                    fee, offerHours(r), sections(r.sections()), now, fairId);
            audit.record(c, caller, "fairs.fair.update", "fair", fairId, fairChanges(r, fee));
            // more stalls: the line moves up at once
            fillFreeStalls(c, lockFair(c, fairId), now, caller, events);
            return null;
        });
        publish(events);
        return fair(fairId);
    }

    @Override
    public Fair closeFair(Caller caller, long fairId) {
        requireManage(caller, fairId);
        Instant now = Instant.now();
        db.inTransaction(c -> {
            FairRow f = lockFair(c, fairId);
            if (f.closedAt() != null) {
                throw HubException.conflict("fair " + fairId + " is already closed");
            }
            Sql.update(c, "UPDATE FAIRS_FAIR SET CLOSED_AT = ?, UPDATED_AT = ? WHERE ID = ?", now, now, fairId);
            audit.record(c, caller, "fairs.fair.close", "fair", fairId, Map.of("closedAt", now));
            return null;
        });
        publish(List.of(new Event(FairsEvents.FAIR_CLOSED, Map.of("fairId", fairId, "closedAt", now.toString()))));
        return fair(fairId);
    }

    @Override
    public Fair fair(long fairId) {
        return db.read(c -> {
            FairRow f = fairRow(c, fairId).orElseThrow(() -> HubException.notFound("fair", fairId));
            return toFair(f, waitlisted(c, fairId), Instant.now());
        });
    }

    @Override
    public Page<Fair> fairs(FairFilter filter, PageRequest page) {
        return fairs(Caller.ANONYMOUS, filter, page);
    }

    @Override
    public Page<Fair> fairs(Caller caller, FairFilter filter, PageRequest page) {
        Instant now = Instant.now();
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            // an officer's list holds the fairs he may open as staff (issue 20: no row that then says "outside")
            org.unionhub.api.db.OrgScope.appendFor(caller, directory, "ORG_ID", where, params);
            if (filter.from() != null) {
                where.append(" AND STARTS_AT >= ?");
                params.add(filter.from().atStartOfDay(zone()).toInstant());
            }
            if (filter.to() != null) {
                where.append(" AND STARTS_AT < ?");
                params.add(filter.to().plusDays(1).atStartOfDay(zone()).toInstant());
            }
            if (filter.state() != null) {
                switch (filter.state()) {
                    case CLOSED -> {
                        where.append(" AND (CLOSED_AT IS NOT NULL OR ENDS_AT <= ?)");
                        params.add(now);
                    }
                    case RUNNING -> {
                        where.append(" AND CLOSED_AT IS NULL AND ENDS_AT > ? AND STARTS_AT <= ?");
                        params.addAll(List.of(now, now));
                    }
                    case REGISTRATION_OPEN -> {
                        where.append(" AND CLOSED_AT IS NULL AND STARTS_AT > ? AND REG_OPENS_AT <= ? AND REG_CLOSES_AT > ?");
                        params.addAll(List.of(now, now, now));
                    }
                    case PLANNED -> {
                        where.append(" AND CLOSED_AT IS NULL AND STARTS_AT > ? AND (REG_OPENS_AT > ? OR REG_CLOSES_AT <= ?)");
                        params.addAll(List.of(now, now, now));
                    }
                    default -> throw new IllegalStateException();
                }
            }
            Page<FairRow> rows = ListPages.FAIRS.page(c, "SELECT " + FairRow.COLUMNS, " FROM FAIRS_FAIR" + where, params, page,
                    FairRow::of);
            List<Fair> items = new ArrayList<>();
            for (FairRow f : rows.items()) {
                items.add(toFair(f, waitlisted(c, f.id()), now));
            }
            return ListPages.with(rows, items);
        });
    }

    // ---- stall applications

    @Override
    public Application apply(Caller caller, long fairId, ApplicationRequest r) {
        Validation v = new Validation();
        Rules.validateApplication(r, v);
        v.throwIfInvalid();
        String code = CreditCode.normalize(r.creditCode());
        String token = Rules.newToken(random);
        List<Event> events = new ArrayList<>();
        long id = db.inTransaction(c -> {
            events.clear();
            Instant now = Instant.now();
            FairRow f = lockFair(c, fairId);
            expireOffers(c, f, now, Caller.SYSTEM, events);
            if (!Rules.registrationOpen(now, f.regOpens(), f.regCloses(), f.closedAt())) {
                throw HubException.conflict("registration for fair " + fairId + " is not open (it runs from "
                        + Rules.at(f.regOpens(), zone()) + " to " + Rules.at(f.regCloses(), zone()) + ")");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND ACTIVE_CODE = ?", fairId, code) > 0) {
                throw HubException.conflict("creditCode", "this credit code has already applied for fair " + fairId);
            }
            BigDecimal fee = Rules.fee(r.offersMemberDiscount(), f.feePerDay(), Rules.days(f.startsAt(), f.endsAt(), zone()));
            String applicant = caller.isAnonymous() ? null : caller.username();
            long appId;
            if (takeStall(c, fairId)) {
                int stall = lowestFreeStall(c, f);
                appId = insertApplication(c, fairId, r, code, ApplicationStatus.ALLOCATED, stall, null, fee, applicant, token, now);
                events.add(allocated(fairId, appId, stall));
            } else {
                Sql.update(c, "UPDATE FAIRS_FAIR SET WAITLIST_SEQ = WAITLIST_SEQ + 1 WHERE ID = ?", fairId);
                int seq = Sql.one(c, "SELECT WAITLIST_SEQ FROM FAIRS_FAIR WHERE ID = ?", rs -> rs.getInt(1), fairId).orElseThrow();
                appId = insertApplication(c, fairId, r, code, ApplicationStatus.WAITLISTED, null, seq, fee, applicant, token, now);
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("companyName", r.companyName().trim());
            changes.put("creditCode", code);
            changes.put("category", r.category().trim());
            changes.put("offersMemberDiscount", r.offersMemberDiscount());
            changes.put("fee", fee);
            audit.record(c, caller, "fairs.application.create", "application", appId, changes);
            return appId;
        });
        publish(events);
        return db.read(c -> toApplication(c, appRow(c, fairId, id).orElseThrow())).withToken(token);
    }

    private long insertApplication(Connection c, long fairId, ApplicationRequest r, String code, ApplicationStatus status,
            Integer stall, Integer seq, BigDecimal fee, String applicant, String token, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO FAIRS_APPLICATION (FAIR_ID, COMPANY_NAME, CREDIT_CODE, ACTIVE_CODE, CONTACT, "
                + "CATEGORY, OFFERS_DISCOUNT, STATUS, STALL_NUMBER, WAITLIST_SEQ, FEE, APPLICANT, TOKEN_HASH, CREATED_AT, "
                + "UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fairId, r.companyName().trim(), code,
                code, r.contact().trim(), r.category().trim(), r.offersMemberDiscount(), status, stall, seq, fee, applicant,
                Rules.hash(token), now, now);
    }

    @Override
    public Application application(Caller caller, long fairId, long applicationId, String token) {
        expireDue(fairId);
        boolean officer = canManageFair(caller, fairId);
        return db.read(c -> {
            AppRow a = appRow(c, fairId, applicationId).orElseThrow(() -> HubException.notFound("application", applicationId));
            if (!officer && !isApplicant(caller, a, token)) {
                throw HubException.notFound("application", applicationId);
            }
            return toApplication(c, a);
        });
    }

    @Override
    public Page<Application> applications(Caller caller, long fairId, ApplicationStatus status, PageRequest page) {
        requireManage(caller, fairId);
        expireDue(fairId);
        return db.read(c -> {
            String where = " FROM FAIRS_APPLICATION WHERE FAIR_ID = ?" + (status == null ? "" : " AND STATUS = ?");
            List<Object> params = status == null ? List.of(fairId) : List.of(fairId, status);
            // keyset over (FAIR_ID, ID) and (FAIR_ID, STATUS, ID), migration V2
            Page<AppRow> rows = APP_PAGES.page(c, "SELECT " + AppRow.COLUMNS, where, params, page, AppRow::of);
            Map<Integer, Integer> positions = positions(c, fairId);
            return rows.map(a -> toApplication(a, positions.get(a.waitlistSeq())));
        });
    }

    @Override
    public Application withdraw(Caller caller, long fairId, long applicationId, String token) {
        boolean officer = canManageFair(caller, fairId);
        return changeApplication(caller, fairId, applicationId, (c, f, a, now, events) -> {
            if (!officer && !isApplicant(caller, a, token)) {
                throw HubException.forbidden("withdrawing needs the application's withdrawalToken, its applicant's account or an officer");
            }
            requireActive(a);
            release(c, f, a, ApplicationStatus.WITHDRAWN, null, now, caller, events);
            audit.record(c, caller, "fairs.application.withdraw", "application", a.id(), Map.of("from", a.status()));
        });
    }

    @Override
    public Application accept(Caller caller, long fairId, long applicationId, String token) {
        boolean officer = canManageFair(caller, fairId);
        return changeApplication(caller, fairId, applicationId, (c, f, a, now, events) -> {
            if (!officer && !isApplicant(caller, a, token)) {
                throw HubException.forbidden("accepting needs the application's withdrawalToken, its applicant's account or an officer");
            }
            if (a.status() != ApplicationStatus.OFFERED) {
                throw HubException.conflict("status", "there is no open stall offer: the application is " + a.status());
            }
            Sql.update(c, "UPDATE FAIRS_APPLICATION SET STATUS = ?, OFFER_EXPIRES_AT = NULL, UPDATED_AT = ? WHERE ID = ?",
                    ApplicationStatus.ALLOCATED, now, a.id());
            audit.record(c, caller, "fairs.application.accept", "application", a.id(), Map.of("stallNumber", a.stallNumber()));
            events.add(allocated(fairId, a.id(), a.stallNumber()));
        });
    }

    @Override
    public Application reject(Caller caller, long fairId, long applicationId, String reason) {
        requireManage(caller, fairId);
        Validation v = new Validation();
        v.required("reason", reason).maxLength("reason", reason, 500);
        v.throwIfInvalid();
        return changeApplication(caller, fairId, applicationId, (c, f, a, now, events) -> {
            requireActive(a);
            release(c, f, a, ApplicationStatus.REJECTED, reason.trim(), now, caller, events);
            audit.record(c, caller, "fairs.application.reject", "application", a.id(), Map.of("reason", reason.trim()));
        });
    }

    private interface AppChange {
        void apply(Connection c, FairRow f, AppRow a, Instant now, List<Event> events) throws SQLException;
    }

    private Application changeApplication(Caller caller, long fairId, long applicationId, AppChange change) {
        List<Event> events = new ArrayList<>();
        db.inTransaction(c -> {
            events.clear();
            Instant now = Instant.now();
            FairRow f = lockFair(c, fairId);
            expireOffers(c, f, now, Caller.SYSTEM, events);
            AppRow a = appRow(c, fairId, applicationId).orElseThrow(() -> HubException.notFound("application", applicationId));
            change.apply(c, f, a, now, events);
            return null;
        });
        publish(events);
        return db.read(c -> toApplication(c, appRow(c, fairId, applicationId).orElseThrow()));
    }

    private static void requireActive(AppRow a) {
        if (!a.status().isActive()) {
            throw HubException.conflict("status", "the application is already " + a.status());
        }
    }

    /** Takes one stall of the fair if one is free: the conditional UPDATE answers 1 or 0 rows. */
    private static boolean takeStall(Connection c, long fairId) throws SQLException {
        return Sql.update(c, "UPDATE FAIRS_FAIR SET STALLS_TAKEN = STALLS_TAKEN + 1 WHERE ID = ? AND STALLS_TAKEN < STALL_COUNT",
                fairId) == 1;
    }

    /** The lowest stall number no active application holds; the fair's row lock makes this exact, the unique key backs it. */
    private static int lowestFreeStall(Connection c, FairRow f) throws SQLException {
        // Fast path. Held numbers are as many as STALLS_TAKEN before this take (taken - 1), all distinct and
        // positive; when none is >= taken they are exactly 1..taken-1 and the next is taken. One index probe.
        int taken = Sql.one(c, "SELECT STALLS_TAKEN FROM FAIRS_FAIR WHERE ID = ?", rs -> rs.getInt(1), f.id()).orElseThrow();
        if (Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STALL_NUMBER >= ?", f.id(), taken) == 0) {
            return taken;
        }
        List<Integer> held = Sql.list(c, "SELECT STALL_NUMBER FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STALL_NUMBER IS NOT NULL "
                + "ORDER BY STALL_NUMBER", rs -> rs.getInt(1), f.id());
        int candidate = 1;
        for (int n : held) {
            if (n > candidate) {
                break;
            }
            if (n == candidate) {
                candidate++;
            }
        }
        return candidate;
    }

    /** The application leaves its stall or its place in line; a freed stall goes to the first in line. */
    private void release(Connection c, FairRow f, AppRow a, ApplicationStatus to, String reason, Instant now, Caller caller,
            List<Event> events) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_APPLICATION SET STATUS = ?, STALL_NUMBER = NULL, ACTIVE_CODE = NULL, OFFER_EXPIRES_AT = NULL, "
                + "REASON = ?, UPDATED_AT = ? WHERE ID = ?", to, reason, now, a.id());
        if (a.status().holdsStall()) {
            Sql.update(c, "UPDATE FAIRS_FAIR SET STALLS_TAKEN = STALLS_TAKEN - 1 WHERE ID = ?", f.id());
            fillFreeStalls(c, f, now, caller, events);
        }
    }

    /** While stalls are free and merchants wait, the first in line gets one: at once, or as an offer. */
    private void fillFreeStalls(Connection c, FairRow f, Instant now, Caller caller, List<Event> events) throws SQLException {
        while (true) {
            Optional<Long> next = Sql.one(c, "SELECT ID FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ? "
                    + "ORDER BY WAITLIST_SEQ FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), f.id(), ApplicationStatus.WAITLISTED);
            if (next.isEmpty() || !takeStall(c, f.id())) {
                return;
            }
            int stall = lowestFreeStall(c, f);
            if (f.offersFirst()) {
                Instant expires = now.plus(f.offerWindowHours(), ChronoUnit.HOURS);
                Sql.update(c, "UPDATE FAIRS_APPLICATION SET STATUS = ?, STALL_NUMBER = ?, OFFER_EXPIRES_AT = ?, UPDATED_AT = ? "
                        + "WHERE ID = ?", ApplicationStatus.OFFERED, stall, expires, now, next.get());
                audit.record(c, caller, "fairs.application.offer", "application", next.get(),
                        Map.of("stallNumber", stall, "offerExpiresAt", expires));
                events.add(new Event(FairsEvents.STALL_OFFERED, Map.of("fairId", f.id(), "applicationId", next.get(),
                        "stallNumber", stall, "offerExpiresAt", expires.toString())));
            } else {
                Sql.update(c, "UPDATE FAIRS_APPLICATION SET STATUS = ?, STALL_NUMBER = ?, UPDATED_AT = ? WHERE ID = ?",
                        ApplicationStatus.ALLOCATED, stall, now, next.get());
                audit.record(c, caller, "fairs.application.promote", "application", next.get(), Map.of("stallNumber", stall));
                events.add(allocated(f.id(), next.get(), stall));
            }
        }
    }

    /** Offers not accepted in time lapse; their stalls pass to the next in line. */
    private void expireOffers(Connection c, FairRow f, Instant now, Caller caller, List<Event> events) throws SQLException {
        List<AppRow> lapsed = Sql.list(c, APP_SELECT + " WHERE FAIR_ID = ? AND STATUS = ? AND OFFER_EXPIRES_AT <= ?",
                AppRow::of, f.id(), ApplicationStatus.OFFERED, now);
        for (AppRow a : lapsed) {
            release(c, f, a, ApplicationStatus.EXPIRED, "the stall offer was not accepted in time", now, caller, events);
            audit.record(c, caller, "fairs.application.expire", "application", a.id(), Map.of("stallNumber", a.stallNumber()));
        }
    }

    /** Lazily evaluates lapsed offers of one fair: a cheap read first, a write only when one is due. */
    void expireDue(long fairId) {
        Instant now = Instant.now();
        long due = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ? "
                + "AND OFFER_EXPIRES_AT <= ?", fairId, ApplicationStatus.OFFERED, now));
        if (due == 0) {
            return;
        }
        List<Event> events = new ArrayList<>();
        db.inTransaction(c -> {
            events.clear();
            expireOffers(c, lockFair(c, fairId), Instant.now(), Caller.SYSTEM, events);
            return null;
        });
        publish(events);
    }

    /** For the scheduled sweep: every fair with a lapsed offer. */
    void expireAllDue() {
        Instant now = Instant.now();
        List<Long> fairs = db.read(c -> Sql.list(c, "SELECT DISTINCT FAIR_ID FROM FAIRS_APPLICATION WHERE STATUS = ? "
                + "AND OFFER_EXPIRES_AT <= ?", rs -> rs.getLong(1), ApplicationStatus.OFFERED, now));
        fairs.forEach(this::expireDue);
    }

    /** Locks the fair's row for the rest of the transaction (a no-op UPDATE) and reads it. */
    private static FairRow lockFair(Connection c, long fairId) throws SQLException {
        if (Sql.update(c, "UPDATE FAIRS_FAIR SET WAITLIST_SEQ = WAITLIST_SEQ WHERE ID = ?", fairId) == 0) {
            throw HubException.notFound("fair", fairId);
        }
        return fairRow(c, fairId).orElseThrow();
    }

    private boolean isApplicant(Caller caller, AppRow a, String token) {
        if (Rules.tokenMatches(token, a.tokenHash())) {
            return true;
        }
        return !caller.isAnonymous() && a.applicant() != null && a.applicant().equals(caller.username());
    }

    // ---- coupons

    @Override
    public CouponBatch createBatch(Caller caller, CouponBatchRequest r) {
        return createBatches(caller, List.of(r), null).get(0);
    }

    /**
     * Creates the batches of one order (the months of a monthly series: the same batch, its dates moved on) in one
     * transaction, so that no batch is ever seen without what {@code each} writes with it (its release time or group).
     */
    public List<CouponBatch> createBatches(Caller caller, List<CouponBatchRequest> months, BatchWriter each) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        CouponBatchRequest r = months.get(0);
        Validation v = new Validation();
        Rules.validateBatch(r, v);
        // a PERCENT coupon's rate and cap are its terms: only a creation that writes terms may make one
        v.check(each != null || r.kind() != CouponKind.PERCENT, "kind", "a PERCENT batch needs its rate and cap");
        Optional<FairRow> fair = r.fairId() == null ? Optional.empty() : db.read(c -> fairRow(c, r.fairId()));
        v.check(r.fairId() == null || fair.isPresent(), "fairId", "fair " + r.fairId() + " does not exist");
        v.throwIfInvalid();
        Long orgId = fair.map(FairRow::orgId).orElse(caller.orgId());
        if (fair.isPresent() && !canManage(caller, fair.get()) || fair.isEmpty() && !caller.isAdmin() && orgId == null) {
            throw HubException.forbidden("the fair is outside your organisation");
        }
        int limit = r.perMemberLimit() == null ? 1 : r.perMemberLimit();
        String merchant = r.merchantCreditCode() == null || r.merchantCreditCode().isBlank() ? null
                : CreditCode.normalize(r.merchantCreditCode());
        List<Long> ids = db.inTransaction(c -> {
            List<Long> out = new ArrayList<>();
            for (CouponBatchRequest m : months) {
                long batchId = Sql.insert(c, "INSERT INTO FAIRS_COUPON_BATCH (FAIR_ID, ORG_ID, TITLE, KIND, THRESHOLD, DISCOUNT, GIFT, "
                        + "QUANTITY, PER_MEMBER_LIMIT, VALID_FROM, VALID_TO, MERCHANT_CODE, CREATED_AT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.fairId(), orgId, m.title().trim(), m.kind(),
                        Money.normalize(m.threshold()), Money.normalize(m.discount()), blankToNull(m.gift()), m.quantity(), limit,
                        m.validFrom(), m.validTo(), merchant, Instant.now());
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("title", m.title().trim());
                changes.put("kind", m.kind());
                changes.put("threshold", m.threshold());
                changes.put("discount", m.discount());
                changes.put("quantity", m.quantity());
                changes.put("perMemberLimit", limit);
                changes.put("fairId", m.fairId());
                audit.record(c, caller, "fairs.batch.create", "couponBatch", batchId, changes);
                out.add(batchId);
                if (each != null) {
                    each.write(c, batchId, out.size() - 1, out.get(0));
                }
            }
            return out;
        });
        return ids.stream().map(this::batch).toList();
    }

    @Override
    public CouponBatch batch(long batchId) {
        return db.read(c -> toBatch(withCounts(c, batchRow(c, batchId)
                .orElseThrow(() -> HubException.notFound("coupon batch", batchId)))));
    }

    private static BatchRow withCounts(Connection c, BatchRow b) throws SQLException {
        return Sql.one(c, BatchRow.COUNTS, rs -> b.withCounts(rs.getLong(1), rs.getBigDecimal(2)), b.id()).orElse(b);
    }

    @Override
    public Page<CouponBatch> batches(Long fairId, PageRequest page) {
        return db.read(c -> {
            String where = fairId == null ? " WHERE 1 = 1" : " WHERE B.FAIR_ID = ?";
            List<Object> params = fairId == null ? List.of() : List.of(fairId);
            Page<BatchRow> rows = ListPages.BATCHES.page(c, BatchRow.COLUMNS, BatchRow.FROM + where, params, page, BatchRow::of);
            List<CouponBatch> items = new ArrayList<>();
            for (BatchRow b : rows.items()) {
                items.add(toBatch(withCounts(c, b)));
            }
            return ListPages.with(rows, items);
        });
    }

    @Override
    public Coupon claim(Caller caller, long batchId, Long memberId) {
        long member = claimant(caller, memberId);
        // read before the transaction: a directory lookup inside it would wait for a second pooled connection while
        // holding the batch row's lock, and a rush of claims would take every connection that way
        Optional<MemberInfo> info = directory.member(member);
        NewFormKind kind = info.map(MemberInfo::newFormKind).orElse(null);
        Long org = info.map(MemberInfo::orgId).orElse(null); // for an officer's scope over coupons (fairs V3)
        String code = Rules.newCode(random);
        long couponId = db.inTransaction(c -> {
            Instant now = Instant.now();
            BatchRow b = batchRow(c, batchId).orElseThrow(() -> HubException.notFound("coupon batch", batchId));
            if (now.isAfter(b.validTo())) {
                throw HubException.conflict("coupon batch " + batchId + " has expired");
            }
            TermsStore.refuseClaim(c, batchId, kind, now, zone());
            // the batch row lock taken here orders every claim of the batch, so the count below is exact
            boolean took = Sql.update(c, "UPDATE FAIRS_COUPON_BATCH SET CLAIMED = CLAIMED + 1 WHERE ID = ? AND CLAIMED < QUANTITY",
                    batchId) == 1;
            long mine = Sql.count(c, "SELECT COUNT(*) FROM FAIRS_COUPON WHERE BATCH_ID = ? AND MEMBER_ID = ?", batchId, member);
            if (mine >= b.perMemberLimit()) {
                throw HubException.conflict("memberId", "member " + member + " already holds " + mine
                        + " coupon(s) of this batch, the limit per member");
            }
            if (!took) {
                throw HubException.conflict("all " + b.quantity() + " coupons of batch " + batchId + " have been claimed");
            }
            long id = Sql.insert(c, "INSERT INTO FAIRS_COUPON (BATCH_ID, MEMBER_ID, SEQ, CODE, CLAIMED_AT, CLAIMED_BY, ORG_ID) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", batchId, member, (int) mine + 1, code, now, caller.username(), org);
            audit.record(c, caller, "fairs.coupon.claim", "coupon", id, Map.of("batchId", batchId, "memberId", member));
            return id;
        });
        return db.read(c -> couponRow(c, "C.ID = ?", couponId).orElseThrow());
    }

    /** A member claims for himself; an officer or admin names the member (who must exist, in his scope). */
    private long claimant(Caller caller, Long memberId) {
        if (caller.hasRole(Roles.MEMBER) && caller.memberId() != null
                && (memberId == null || memberId.equals(caller.memberId()))) {
            return caller.memberId();
        }
        if (caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            if (memberId == null) {
                throw HubException.invalid("memberId", "is required when an officer claims for a member");
            }
            MemberInfo m = directory.member(memberId).orElseThrow(() -> HubException.invalid("memberId",
                    "member " + memberId + " does not exist"));
            if (!caller.canManage(m.orgId(), directory)) {
                throw HubException.forbidden("member " + memberId + " is outside your organisation");
            }
            return memberId;
        }
        throw HubException.forbidden("claiming needs a member account (bound to a member) or an officer");
    }

    @Override
    public Page<Coupon> coupons(Caller caller, Long memberId, PageRequest page) {
        Long member = memberId;
        if (!caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            if (caller.memberId() == null || memberId != null && !memberId.equals(caller.memberId())) {
                throw HubException.forbidden("a member sees his own coupons");
            }
            member = caller.memberId();
        }
        Long m = member;
        return db.read(c -> {
            StringBuilder w = new StringBuilder(m == null ? "1 = 1" : "C.MEMBER_ID = ?");
            List<Object> p = new ArrayList<>();
            if (m != null) {
                p.add(m);
            }
            if (!caller.isAdmin() && caller.hasRole(Roles.OFFICER)) {
                CouponAccess.officerClause(caller, directory, w, p);
            }
            return ListPages.COUPONS.page(c, COUPON_COLUMNS, COUPON_FROM + w, p, page, this::coupon);
        });
    }

    @Override
    public Coupon coupon(Caller caller, String code) {
        Coupon found = db.read(c -> couponRow(c, "C.CODE = ?", normalizeCode(code)))
                .orElseThrow(() -> HubException.notFound("coupon", code));
        boolean owner = caller.memberId() != null && caller.memberId() == found.memberId();
        if (owner) {
            return found;
        }
        BatchRow b = db.read(c -> batchRow(c, found.batchId())).orElseThrow();
        boolean staff = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)
                && CouponAccess.officerMay(caller, found.memberId(), b.orgId(), directory);
        String merchant = caller.hasRole(MERCHANT) ? CouponAccess.boundMerchant(caller) : null;
        boolean merchantMay = caller.hasRole(MERCHANT) && (b.merchantCode() == null || b.merchantCode().equals(merchant));
        if (!staff && !merchantMay) {
            throw HubException.notFound("coupon", code);
        }
        return found;
    }

    @Override
    public Coupon redeem(Caller caller, String code, RedeemRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER, MERCHANT);
        Validation v = new Validation();
        v.required("orderAmount", r.orderAmount()).money("orderAmount", r.orderAmount());
        if (r.merchantCreditCode() != null && !r.merchantCreditCode().isBlank()) {
            String problem = CreditCode.problem(r.merchantCreditCode());
            v.check(problem == null, "merchantCreditCode", problem);
        }
        v.throwIfInvalid();
        String normalized = normalizeCode(code);
        String sent = r.merchantCreditCode() == null || r.merchantCreditCode().isBlank() ? null
                : CreditCode.normalize(r.merchantCreditCode());
        boolean staff = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER);
        // a merchant redeems as the merchant his account is bound to, whatever the request says
        String merchant = staff ? sent : CouponAccess.boundMerchant(caller);
        if (!staff && sent != null && !sent.equals(merchant)) {
            throw HubException.invalid("merchantCreditCode", "is not the merchant this account is bound to");
        }
        BigDecimal amount = Money.normalize(r.orderAmount());
        Object[] done = db.inTransaction(c -> {
            Instant now = Instant.now();
            Coupon cp = couponRow(c, "C.CODE = ?", normalized).orElseThrow(() -> HubException.notFound("coupon", code));
            if (staff && !CouponAccess.officerMay(caller, cp.memberId(),
                    batchRow(c, cp.batchId()).map(BatchRow::orgId).orElse(null), directory)) {
                throw HubException.notFound("coupon", code); // another district's coupon: not even its existence
            }
            if (cp.redeemedAt() != null) {
                throw HubException.conflict("code", "coupon " + normalized + " was already redeemed at " + cp.redeemedAt());
            }
            BatchRow b = batchRow(c, cp.batchId()).orElseThrow();
            if (!Rules.withinValidity(now, b.validFrom(), b.validTo())) {
                throw HubException.conflict("code", "coupon " + normalized + " is valid from " + cp.validFrom() + " to " + cp.validTo());
            }
            Validation rv = new Validation();
            if (b.merchantCode() != null) {
                rv.check(b.merchantCode().equals(merchant), "merchantCreditCode",
                        "this coupon is only accepted by merchant " + b.merchantCode());
            }
            BigDecimal discount = b.kind() == CouponKind.PERCENT ? TermsStore.percentDiscount(c, b.id(), b.threshold(), amount, rv)
                    : Rules.redemptionDiscount(b.kind(), b.threshold(), b.discount(), amount, rv);
            rv.throwIfInvalid();
            // once only: the second of two concurrent redemptions changes no row
            if (Sql.update(c, "UPDATE FAIRS_COUPON SET REDEEMED_AT = ?, REDEEMED_BY = ?, MERCHANT_CODE = ?, ORDER_AMOUNT = ?, "
                    + "DISCOUNT = ? WHERE ID = ? AND REDEEMED_AT IS NULL", now, caller.username(), merchant, amount, discount,
                    cp.id()) == 0) {
                throw HubException.conflict("code", "coupon " + normalized + " was already redeemed");
            }
            audit.record(c, caller, "fairs.coupon.redeem", "coupon", cp.id(),
                    Map.of("orderAmount", amount, "discount", discount, "merchantCreditCode", merchant == null ? "" : merchant));
            return new Object[] {cp.id(), cp.batchId(), discount, b.fairId()};
        });
        Map<String, Object> props = new HashMap<>();
        props.put("couponId", done[0]);
        props.put("batchId", done[1]);
        props.put("discount", done[2].toString());
        if (done[3] != null) {
            props.put("fairId", done[3]);
        }
        publish(List.of(new Event(FairsEvents.COUPON_REDEEMED, props)));
        return db.read(c -> couponRow(c, "C.ID = ?", done[0]).orElseThrow());
    }

    private static String normalizeCode(String code) {
        return code == null ? "" : code.trim().toUpperCase();
    }

    private static final String COUPON_COLUMNS = "SELECT C.ID, C.CODE, C.BATCH_ID, C.MEMBER_ID, C.CLAIMED_AT, C.REDEEMED_AT, "
            + "C.REDEEMED_BY, C.MERCHANT_CODE, C.ORDER_AMOUNT, C.DISCOUNT AS GRANTED, B.TITLE, B.KIND, B.THRESHOLD, "
            + "B.DISCOUNT, B.GIFT, B.VALID_FROM, B.VALID_TO";
    private static final String COUPON_FROM = " FROM FAIRS_COUPON C JOIN FAIRS_COUPON_BATCH B ON B.ID = C.BATCH_ID WHERE ";
    private static final String COUPON_SELECT = COUPON_COLUMNS + COUPON_FROM;

    private Optional<Coupon> couponRow(Connection c, String where, Object param) throws SQLException {
        return Sql.one(c, COUPON_SELECT + where, this::coupon, param);
    }

    private Coupon coupon(java.sql.ResultSet rs) throws SQLException {
        return new Coupon(rs.getLong("ID"), rs.getString("CODE"), rs.getLong("BATCH_ID"), rs.getString("TITLE"),
                Sql.getEnum(rs, "KIND", CouponKind.class), Money.normalize(rs.getBigDecimal("THRESHOLD")),
                Money.normalize(rs.getBigDecimal("DISCOUNT")), rs.getString("GIFT"), rs.getLong("MEMBER_ID"),
                Rules.at(Sql.getInstant(rs, "VALID_FROM"), zone()), Rules.at(Sql.getInstant(rs, "VALID_TO"), zone()),
                Rules.at(Sql.getInstant(rs, "CLAIMED_AT"), zone()), Rules.at(Sql.getInstant(rs, "REDEEMED_AT"), zone()),
                rs.getString("REDEEMED_BY"), BatchRow.trim(rs.getString("MERCHANT_CODE")),
                Money.normalize(rs.getBigDecimal("ORDER_AMOUNT")), Money.normalize(rs.getBigDecimal("GRANTED")));
    }

    // ---- figures

    @Override
    public VisitSlot recordVisits(Caller caller, long fairId, VisitRequest r) {
        requireManage(caller, fairId);
        Validation v = new Validation();
        v.required("slotStart", r.slotStart()).required("slotEnd", r.slotEnd()).required("visits", r.visits());
        v.check(r.slotStart() == null || r.slotEnd() == null || r.slotEnd().isAfter(r.slotStart()), "slotEnd",
                "must be after slotStart");
        v.notNegative("visits", r.visits());
        v.throwIfInvalid();
        long id = db.inTransaction(c -> {
            long visitId = Sql.insert(c, "INSERT INTO FAIRS_VISIT (FAIR_ID, SLOT_START, SLOT_END, VISITORS, RECORDED_AT, RECORDED_BY) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", fairId, r.slotStart(), r.slotEnd(), r.visits(), Instant.now(), caller.username());
            audit.record(c, caller, "fairs.visit.create", "visit", visitId,
                    Map.of("fairId", fairId, "slotStart", r.slotStart().toString(), "visits", r.visits()));
            return visitId;
        });
        return new VisitSlot(id, Rules.at(r.slotStart().toInstant(), zone()), Rules.at(r.slotEnd().toInstant(), zone()), r.visits());
    }

    @Override
    public Sale recordSale(Caller caller, long fairId, SaleRequest r) {
        requireManage(caller, fairId);
        Validation v = new Validation();
        v.required("merchant", r.merchant()).maxLength("merchant", r.merchant(), 200);
        v.required("amount", r.amount()).money("amount", r.amount());
        if (r.creditCode() != null && !r.creditCode().isBlank()) {
            String problem = CreditCode.problem(r.creditCode());
            v.check(problem == null, "creditCode", problem);
        }
        v.throwIfInvalid();
        Instant soldAt = r.soldAt() == null ? Instant.now() : r.soldAt().toInstant();
        String code = r.creditCode() == null || r.creditCode().isBlank() ? null : CreditCode.normalize(r.creditCode());
        BigDecimal amount = Money.normalize(r.amount());
        long id = db.inTransaction(c -> {
            long saleId = Sql.insert(c, "INSERT INTO FAIRS_SALE (FAIR_ID, MERCHANT, CREDIT_CODE, AMOUNT, SOLD_AT, RECORDED_AT, "
                    + "RECORDED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)", fairId, r.merchant().trim(), code, amount, soldAt,
                    Instant.now(), caller.username());
            audit.record(c, caller, "fairs.sale.create", "sale", saleId, Map.of("fairId", fairId, "amount", amount));
            return saleId;
        });
        return new Sale(id, fairId, r.merchant().trim(), code, amount, Rules.at(soldAt, zone()));
    }

    @Override
    public FairStats stats(Caller caller, long fairId) {
        FairRow f = requireManage(caller, fairId);
        expireDue(fairId);
        return db.read(c -> stats(c, f, Instant.now()));
    }

    private FairStats stats(Connection c, FairRow f, Instant now) throws SQLException {
        long fairId = f.id();
        List<VisitSlot> slots = Sql.list(c, "SELECT ID, SLOT_START, SLOT_END, VISITORS FROM FAIRS_VISIT WHERE FAIR_ID = ? "
                + "ORDER BY SLOT_START, ID", rs -> new VisitSlot(rs.getLong(1), Rules.at(Sql.getInstant(rs, "SLOT_START"), zone()),
                        Rules.at(Sql.getInstant(rs, "SLOT_END"), zone()), rs.getInt(4)), fairId);
        long visits = slots.stream().mapToLong(VisitSlot::visits).sum();
        BigDecimal turnover = sum(c, "SELECT SUM(AMOUNT) FROM FAIRS_SALE WHERE FAIR_ID = ?", fairId);
        long withSales = Sql.count(c, "SELECT COUNT(DISTINCT MERCHANT) FROM FAIRS_SALE WHERE FAIR_ID = ?", fairId);
        Map<ApplicationStatus, Long> byStatus = new HashMap<>();
        Sql.list(c, "SELECT STATUS, COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? GROUP BY STATUS", rs -> {
            byStatus.put(ApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2));
            return null;
        }, fairId);
        long allocated = byStatus.getOrDefault(ApplicationStatus.ALLOCATED, 0L);
        long waived = Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ? AND OFFERS_DISCOUNT = TRUE",
                fairId, ApplicationStatus.ALLOCATED);
        BigDecimal feesDue = sum(c, "SELECT SUM(FEE) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ?", fairId,
                ApplicationStatus.ALLOCATED);
        BigDecimal waivedAmount = Money.normalize(Rules.fullFee(f.feePerDay(), Rules.days(f.startsAt(), f.endsAt(), zone()))
                .multiply(BigDecimal.valueOf(waived)));
        long issued = Sql.count(c, "SELECT COALESCE(SUM(QUANTITY), 0) FROM FAIRS_COUPON_BATCH WHERE FAIR_ID = ?", fairId);
        long claimed = Sql.count(c, "SELECT COALESCE(SUM(CLAIMED), 0) FROM FAIRS_COUPON_BATCH WHERE FAIR_ID = ?", fairId);
        long redeemed = Sql.count(c, "SELECT COUNT(*) FROM FAIRS_COUPON C JOIN FAIRS_COUPON_BATCH B ON B.ID = C.BATCH_ID "
                + "WHERE B.FAIR_ID = ? AND C.REDEEMED_AT IS NOT NULL", fairId);
        BigDecimal granted = sum(c, "SELECT SUM(C.DISCOUNT) FROM FAIRS_COUPON C JOIN FAIRS_COUPON_BATCH B ON B.ID = C.BATCH_ID "
                + "WHERE B.FAIR_ID = ?", fairId);
        FairState state = Rules.state(now, f.regOpens(), f.regCloses(), f.startsAt(), f.endsAt(), f.closedAt());
        return new FairStats(fairId, f.name(), state, visits, turnover, allocated, withSales, allocated,
                byStatus.getOrDefault(ApplicationStatus.OFFERED, 0L), byStatus.getOrDefault(ApplicationStatus.WAITLISTED, 0L),
                waived, waivedAmount, feesDue, issued, claimed, redeemed, granted, slots);
    }

    @Override
    public FairsSummary summary(Caller caller, LocalDate from, LocalDate to) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        LocalDate start = from == null ? LocalDate.now(zone()).withDayOfYear(1) : from;
        LocalDate end = to == null ? start.withDayOfYear(1).plusYears(1).minusDays(1) : to;
        if (end.isBefore(start)) {
            throw HubException.invalid("to", "must not be before from");
        }
        List<FairRow> rows = db.read(c -> Sql.list(c, "SELECT " + FairRow.COLUMNS + " FROM FAIRS_FAIR WHERE STARTS_AT >= ? "
                + "AND STARTS_AT < ? ORDER BY STARTS_AT", FairRow::of, start.atStartOfDay(zone()).toInstant(),
                end.plusDays(1).atStartOfDay(zone()).toInstant()));
        List<FairRow> visible = rows.stream().filter(f -> canManage(caller, f)).toList();
        Instant now = Instant.now();
        List<FairStats> all = db.read(c -> {
            List<FairStats> out = new ArrayList<>();
            for (FairRow f : visible) {
                out.add(stats(c, f, now));
            }
            return out;
        });
        return new FairsSummary(settings.regionName(), start, end, all.size(),
                all.stream().mapToLong(FairStats::visits).sum(), total(all.stream().map(FairStats::turnover).toList()),
                all.stream().mapToLong(FairStats::merchants).sum(), all.stream().mapToLong(FairStats::stallsAllocated).sum(),
                all.stream().mapToLong(FairStats::stallsWaitlisted).sum(), all.stream().mapToLong(FairStats::feesWaived).sum(),
                total(all.stream().map(FairStats::feesWaivedAmount).toList()),
                all.stream().mapToLong(FairStats::couponsIssued).sum(), all.stream().mapToLong(FairStats::couponsClaimed).sum(),
                all.stream().mapToLong(FairStats::couponsRedeemed).sum(),
                total(all.stream().map(FairStats::discountGranted).toList()));
    }

    private static BigDecimal total(List<BigDecimal> amounts) {
        return amounts.stream().reduce(Money.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(Connection c, String sql, Object... params) throws SQLException {
        BigDecimal v = Sql.one(c, sql, rs -> rs.getBigDecimal(1), params).orElse(null);
        return v == null ? Money.ZERO : Money.normalize(v);
    }

    // ---- scoping

    /** Admins manage every fair; an officer those of his organisation and below it. */
    private boolean canManage(Caller caller, FairRow f) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.hasRole(Roles.OFFICER) && f.orgId() != null && caller.canManage(f.orgId(), directory);
    }

    private boolean canManageFair(Caller caller, long fairId) {
        if (caller.isAnonymous() || !caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            return false; // no directory look-up for the rush of anonymous merchants
        }
        return db.read(c -> fairRow(c, fairId)).map(f -> canManage(caller, f)).orElse(false);
    }

    /** Read outside the write transaction: the directory uses its own connection, and a rush must not hold two. */
    private FairRow requireManage(Caller caller, long fairId) {
        FairRow f = db.read(c -> fairRow(c, fairId)).orElseThrow(() -> HubException.notFound("fair", fairId));
        if (!canManage(caller, f)) {
            throw HubException.forbidden("fair " + fairId + " is outside your organisation");
        }
        return f;
    }

    // ---- rows and records

    private static Optional<FairRow> fairRow(Connection c, long fairId) throws SQLException {
        return Sql.one(c, "SELECT " + FairRow.COLUMNS + " FROM FAIRS_FAIR WHERE ID = ?", FairRow::of, fairId);
    }

    private static Optional<AppRow> appRow(Connection c, long fairId, long applicationId) throws SQLException {
        return Sql.one(c, APP_SELECT + " WHERE ID = ? AND FAIR_ID = ?", AppRow::of, applicationId, fairId);
    }

    private static Optional<BatchRow> batchRow(Connection c, long batchId) throws SQLException {
        return Sql.one(c, BatchRow.SELECT + " WHERE B.ID = ?", BatchRow::of, batchId);
    }

    private static int waitlisted(Connection c, long fairId) throws SQLException {
        return (int) Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ?", fairId,
                ApplicationStatus.WAITLISTED);
    }

    /** Place in line by arrival among those still waiting: waitlist sequence number to position 1, 2, 3… */
    private static Map<Integer, Integer> positions(Connection c, long fairId) throws SQLException {
        List<Integer> seqs = Sql.list(c, "SELECT WAITLIST_SEQ FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ? "
                + "ORDER BY WAITLIST_SEQ", rs -> rs.getInt(1), fairId, ApplicationStatus.WAITLISTED);
        Map<Integer, Integer> out = new HashMap<>();
        for (int i = 0; i < seqs.size(); i++) {
            out.put(seqs.get(i), i + 1);
        }
        return out;
    }

    private Application toApplication(Connection c, AppRow a) throws SQLException {
        Integer position = null;
        if (a.status() == ApplicationStatus.WAITLISTED) {
            position = (int) Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ? "
                    + "AND WAITLIST_SEQ <= ?", a.fairId(), ApplicationStatus.WAITLISTED, a.waitlistSeq());
        }
        return toApplication(a, position);
    }

    private Application toApplication(AppRow a, Integer position) {
        boolean waitlisted = a.status() == ApplicationStatus.WAITLISTED;
        return new Application(a.id(), a.fairId(), a.companyName(), a.creditCode().trim(), a.contact(), a.category(),
                a.offersDiscount(), a.status(), a.stallNumber(), waitlisted ? position : null, Money.normalize(a.fee()),
                a.offersDiscount(), Rules.at(a.offerExpiresAt(), zone()), a.reason(), Rules.at(a.createdAt(), zone()),
                Rules.at(a.updatedAt(), zone()), null);
    }

    private Fair toFair(FairRow f, int waitlisted, Instant now) {
        List<String> sections = f.sections() == null || f.sections().isEmpty() ? List.of()
                : List.of(f.sections().split("\n"));
        return new Fair(f.id(), f.name(), f.theme(), f.venue(), f.orgId(), Rules.at(f.startsAt(), zone()),
                Rules.at(f.endsAt(), zone()), Rules.days(f.startsAt(), f.endsAt(), zone()), f.stallCount(),
                Money.normalize(f.feePerDay()), Rules.at(f.regOpens(), zone()), Rules.at(f.regCloses(), zone()),
                f.offerWindowHours(), sections, Rules.state(now, f.regOpens(), f.regCloses(), f.startsAt(), f.endsAt(),
                        f.closedAt()), f.stallsTaken(), Math.max(0, f.stallCount() - f.stallsTaken()), waitlisted,
                Rules.at(f.closedAt(), zone()), Rules.at(f.createdAt(), zone()), Rules.at(f.updatedAt(), zone()));
    }

    private CouponBatch toBatch(BatchRow b) {
        return new CouponBatch(b.id(), b.fairId(), b.orgId(), b.title(), b.kind(), Money.normalize(b.threshold()),
                Money.normalize(b.discount()), b.gift(), b.quantity(), b.perMemberLimit(), Rules.at(b.validFrom(), zone()),
                Rules.at(b.validTo(), zone()), b.merchantCode(), b.quantity(), b.claimed(), b.quantity() - b.claimed(),
                b.redeemed(), b.granted(), Rules.at(b.createdAt(), zone()));
    }

    private static Event allocated(long fairId, long applicationId, int stall) {
        return new Event(FairsEvents.STALL_ALLOCATED, Map.of("fairId", fairId, "applicationId", applicationId, "stallNumber", stall));
    }

    /** Events go out only after the commit, so that no listener hears of a stall that was rolled back. */
    private void publish(List<Event> events) {
        for (Event e : events) {
            eventAdmin.postEvent(e);
        }
    }

    private static Integer offerHours(FairRequest r) {
        return r.offerWindowHours() == null || r.offerWindowHours() == 0 ? null : r.offerWindowHours();
    }

    private static String sections(List<String> sections) {
        return sections == null || sections.isEmpty() ? null
                : String.join("\n", sections.stream().map(String::trim).toList());
    }

    private static Map<String, Object> fairChanges(FairRequest r, BigDecimal fee) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("venue", r.venue());
        m.put("startsAt", String.valueOf(r.startsAt()));
        m.put("endsAt", String.valueOf(r.endsAt()));
        m.put("stallCount", r.stallCount());
        m.put("stallFeePerDay", fee);
        m.put("registrationOpensAt", String.valueOf(r.registrationOpensAt()));
        m.put("registrationClosesAt", String.valueOf(r.registrationClosesAt()));
        m.put("offerWindowHours", r.offerWindowHours());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
