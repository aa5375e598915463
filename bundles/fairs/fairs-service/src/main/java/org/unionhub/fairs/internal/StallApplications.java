package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.event.Event;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.fairs.api.Application;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.ApplicationStatus;

/**
 * The stall rush and its line: apply, withdraw, accept, reject, offers that lapse and pass on. Every write first locks
 * the fair's row (an UPDATE of it), so applications, withdrawals, offers and promotions of one fair run one after the
 * other; the stall itself is taken with a conditional UPDATE of the fair's counter, and unique constraints back the
 * stall numbers, the waitlist order and the one-active-application-per-credit-code rule. Events go out after commit.
 */
final class StallApplications {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;
    private final FairAccess access;
    private final ApplicationStore store;
    private final Publisher publisher;
    private final SecureRandom random = new SecureRandom();

    StallApplications(ModuleDatabase db, AuditLog audit, HubSettings settings, FairAccess access, ApplicationStore store,
            Publisher publisher) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.access = access;
        this.store = store;
        this.publisher = publisher;
    }

    Application apply(Caller caller, long fairId, ApplicationRequest r) {
        Validation v = new Validation();
        Rules.validateApplication(r, v);
        v.throwIfInvalid();
        String code = CreditCode.normalize(r.creditCode());
        String token = Rules.newToken(random);
        List<Event> events = new ArrayList<>();
        long id = db.inTransaction(c -> {
            events.clear();
            Instant now = Instant.now();
            ZoneId zone = settings.zone();
            FairRow f = FairStore.lock(c, fairId);
            expireOffers(c, f, now, Caller.SYSTEM, events);
            if (!Rules.registrationOpen(now, f.regOpens(), f.regCloses(), f.closedAt())) {
                throw HubException.conflict("registration for fair " + fairId + " is not open (it runs from "
                        + Rules.at(f.regOpens(), zone) + " to " + Rules.at(f.regCloses(), zone) + ")");
            }
            if (ApplicationStore.hasActive(c, fairId, code)) {
                throw HubException.conflict("creditCode", "this credit code has already applied for fair " + fairId);
            }
            BigDecimal fee = Rules.fee(r.offersMemberDiscount(), f.feePerDay(), Rules.days(f.startsAt(), f.endsAt(), zone));
            String applicant = caller.isAnonymous() ? null : caller.username();
            long appId;
            if (ApplicationStore.takeStall(c, fairId)) {
                int stall = ApplicationStore.lowestFreeStall(c, fairId);
                appId = ApplicationStore.insert(c, fairId, r, code, ApplicationStatus.ALLOCATED, stall, null, fee, applicant,
                        Rules.hash(token), now);
                events.add(Publisher.allocated(fairId, appId, stall));
            } else {
                int seq = ApplicationStore.nextWaitlistSeq(c, fairId);
                appId = ApplicationStore.insert(c, fairId, r, code, ApplicationStatus.WAITLISTED, null, seq, fee, applicant,
                        Rules.hash(token), now);
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
        publisher.publish(events);
        return db.read(c -> store.application(c, ApplicationStore.row(c, fairId, id).orElseThrow())).withToken(token);
    }

    Application application(Caller caller, long fairId, long applicationId, String token) {
        expireDue(fairId);
        boolean officer = access.canManageFair(caller, fairId);
        return db.read(c -> {
            AppRow a = ApplicationStore.row(c, fairId, applicationId)
                    .orElseThrow(() -> HubException.notFound("application", applicationId));
            if (!officer && !isApplicant(caller, a, token)) {
                throw HubException.notFound("application", applicationId);
            }
            return store.application(c, a);
        });
    }

    Page<Application> applications(Caller caller, long fairId, ApplicationStatus status, PageRequest page) {
        access.requireManage(caller, fairId);
        expireDue(fairId);
        return db.read(c -> store.page(c, fairId, status, page));
    }

    Application withdraw(Caller caller, long fairId, long applicationId, String token) {
        boolean officer = access.canManageFair(caller, fairId);
        return change(fairId, applicationId, (c, f, a, now, events) -> {
            if (!officer && !isApplicant(caller, a, token)) {
                throw HubException.forbidden("withdrawing needs the application's withdrawalToken, its applicant's account or an officer");
            }
            requireActive(a);
            release(c, f, a, ApplicationStatus.WITHDRAWN, null, now, caller, events);
            audit.record(c, caller, "fairs.application.withdraw", "application", a.id(), Map.of("from", a.status()));
        });
    }

    Application accept(Caller caller, long fairId, long applicationId, String token) {
        boolean officer = access.canManageFair(caller, fairId);
        return change(fairId, applicationId, (c, f, a, now, events) -> {
            if (!officer && !isApplicant(caller, a, token)) {
                throw HubException.forbidden("accepting needs the application's withdrawalToken, its applicant's account or an officer");
            }
            if (a.status() != ApplicationStatus.OFFERED) {
                throw HubException.conflict("status", "there is no open stall offer: the application is " + a.status());
            }
            ApplicationStore.accept(c, a.id(), now);
            audit.record(c, caller, "fairs.application.accept", "application", a.id(), Map.of("stallNumber", a.stallNumber()));
            events.add(Publisher.allocated(fairId, a.id(), a.stallNumber()));
        });
    }

    Application reject(Caller caller, long fairId, long applicationId, String reason) {
        access.requireManage(caller, fairId);
        Validation v = new Validation();
        v.required("reason", reason).maxLength("reason", reason, 500);
        v.throwIfInvalid();
        return change(fairId, applicationId, (c, f, a, now, events) -> {
            requireActive(a);
            release(c, f, a, ApplicationStatus.REJECTED, reason.trim(), now, caller, events);
            audit.record(c, caller, "fairs.application.reject", "application", a.id(), Map.of("reason", reason.trim()));
        });
    }

    private interface Change {
        void apply(Connection c, FairRow f, AppRow a, Instant now, List<Event> events) throws SQLException;
    }

    /** One change of one application, under the fair's row lock, after lapsed offers have passed on. */
    private Application change(long fairId, long applicationId, Change change) {
        List<Event> events = new ArrayList<>();
        db.inTransaction(c -> {
            events.clear();
            Instant now = Instant.now();
            FairRow f = FairStore.lock(c, fairId);
            expireOffers(c, f, now, Caller.SYSTEM, events);
            AppRow a = ApplicationStore.row(c, fairId, applicationId)
                    .orElseThrow(() -> HubException.notFound("application", applicationId));
            change.apply(c, f, a, now, events);
            return null;
        });
        publisher.publish(events);
        return db.read(c -> store.application(c, ApplicationStore.row(c, fairId, applicationId).orElseThrow()));
    }

    private static void requireActive(AppRow a) {
        if (!a.status().isActive()) {
            throw HubException.conflict("status", "the application is already " + a.status());
        }
    }

    /** The application leaves its stall or its place in line; a freed stall goes to the first in line. */
    private void release(Connection c, FairRow f, AppRow a, ApplicationStatus to, String reason, Instant now, Caller caller,
            List<Event> events) throws SQLException {
        ApplicationStore.leave(c, a.id(), to, reason, now);
        if (a.status().holdsStall()) {
            ApplicationStore.freeStall(c, f.id());
            fillFreeStalls(c, f, now, caller, events);
        }
    }

    /** While stalls are free and merchants wait, the first in line gets one: at once, or as an offer. */
    void fillFreeStalls(Connection c, FairRow f, Instant now, Caller caller, List<Event> events) throws SQLException {
        while (true) {
            Optional<Long> next = ApplicationStore.firstInLine(c, f.id());
            if (next.isEmpty() || !ApplicationStore.takeStall(c, f.id())) {
                return;
            }
            int stall = ApplicationStore.lowestFreeStall(c, f.id());
            if (f.offersFirst()) {
                Instant expires = now.plus(f.offerWindowHours(), ChronoUnit.HOURS);
                ApplicationStore.offer(c, next.get(), stall, expires, now);
                audit.record(c, caller, "fairs.application.offer", "application", next.get(),
                        Map.of("stallNumber", stall, "offerExpiresAt", expires));
                events.add(Publisher.offered(f.id(), next.get(), stall, expires));
            } else {
                ApplicationStore.allocate(c, next.get(), stall, now);
                audit.record(c, caller, "fairs.application.promote", "application", next.get(), Map.of("stallNumber", stall));
                events.add(Publisher.allocated(f.id(), next.get(), stall));
            }
        }
    }

    /** Offers not accepted in time lapse; their stalls pass to the next in line. */
    private void expireOffers(Connection c, FairRow f, Instant now, Caller caller, List<Event> events) throws SQLException {
        for (AppRow a : ApplicationStore.lapsedOffers(c, f.id(), now)) {
            release(c, f, a, ApplicationStatus.EXPIRED, "the stall offer was not accepted in time", now, caller, events);
            audit.record(c, caller, "fairs.application.expire", "application", a.id(), Map.of("stallNumber", a.stallNumber()));
        }
    }

    /** Lazily evaluates lapsed offers of one fair: a cheap read first, a write only when one is due. */
    void expireDue(long fairId) {
        Instant now = Instant.now();
        long due = db.read(c -> ApplicationStore.lapsedOfferCount(c, fairId, now));
        if (due == 0) {
            return;
        }
        List<Event> events = new ArrayList<>();
        db.inTransaction(c -> {
            events.clear();
            expireOffers(c, FairStore.lock(c, fairId), Instant.now(), Caller.SYSTEM, events);
            return null;
        });
        publisher.publish(events);
    }

    /** For the scheduled sweep: every fair with a lapsed offer. */
    void expireAllDue() {
        Instant now = Instant.now();
        db.read(c -> ApplicationStore.fairsWithLapsedOffers(c, now)).forEach(this::expireDue);
    }

    private static boolean isApplicant(Caller caller, AppRow a, String token) {
        if (Rules.tokenMatches(token, a.tokenHash())) {
            return true;
        }
        return !caller.isAnonymous() && a.applicant() != null && a.applicant().equals(caller.username());
    }
}
