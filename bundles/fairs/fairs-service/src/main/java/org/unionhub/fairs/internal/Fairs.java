package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.fairs.api.Fair;
import org.unionhub.fairs.api.FairFilter;
import org.unionhub.fairs.api.FairRequest;
import org.unionhub.fairs.api.FairsEvents;

/**
 * The rules of fairs themselves: who creates, changes and closes one, and what a change does to the line of merchants
 * waiting for a stall (more stalls promote it at once, under the fair's row lock like every stall write).
 */
final class Fairs {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final FairAccess access;
    private final FairStore store;
    private final StallApplications applications;
    private final Publisher publisher;
    private volatile BigDecimal defaultFee = Money.of(0);

    Fairs(ModuleDatabase db, AuditLog audit, MemberDirectory directory, FairAccess access, FairStore store,
            StallApplications applications, Publisher publisher) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.access = access;
        this.store = store;
        this.applications = applications;
        this.publisher = publisher;
    }

    /** The fee per stall and day of fairs that set none (the region's, PID org.unionhub.fairs). */
    void defaultFee(BigDecimal fee) {
        defaultFee = fee;
    }

    Fair create(Caller caller, FairRequest r) {
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
            long fairId = FairStore.insert(c, r, orgId, fee, now);
            audit.record(c, caller, "fairs.fair.create", "fair", fairId, changes(r, fee));
            return fairId;
        });
        return fair(id);
    }

    Fair update(Caller caller, long fairId, FairRequest r) {
        FairRow current = access.requireManage(caller, fairId);
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
            FairRow f = FairStore.lock(c, fairId);
            if (f.closedAt() != null) {
                throw HubException.conflict("fair " + fairId + " is closed");
            }
            if (r.stallCount() < f.stallsTaken()) {
                throw HubException.conflict("stallCount", f.stallsTaken() + " stalls are taken; stallCount cannot be lower");
            }
            Instant now = Instant.now();
            FairStore.update(c, fairId, r, orgId, fee, now);
            audit.record(c, caller, "fairs.fair.update", "fair", fairId, changes(r, fee));
            // more stalls: the line moves up at once
            applications.fillFreeStalls(c, FairStore.lock(c, fairId), now, caller, events);
            return null;
        });
        publisher.publish(events);
        return fair(fairId);
    }

    Fair close(Caller caller, long fairId) {
        access.requireManage(caller, fairId);
        Instant now = Instant.now();
        db.inTransaction(c -> {
            FairRow f = FairStore.lock(c, fairId);
            if (f.closedAt() != null) {
                throw HubException.conflict("fair " + fairId + " is already closed");
            }
            FairStore.close(c, fairId, now);
            audit.record(c, caller, "fairs.fair.close", "fair", fairId, Map.of("closedAt", now));
            return null;
        });
        publisher.publish(List.of(new Event(FairsEvents.FAIR_CLOSED, Map.of("fairId", fairId, "closedAt", now.toString()))));
        return fair(fairId);
    }

    Fair fair(long fairId) {
        return db.read(c -> {
            FairRow f = FairStore.row(c, fairId).orElseThrow(() -> HubException.notFound("fair", fairId));
            return store.fair(c, f, Instant.now());
        });
    }

    Page<Fair> fairs(Caller caller, FairFilter filter, PageRequest page) {
        Instant now = Instant.now();
        return db.read(c -> store.page(c, caller, filter, page, now));
    }

    private static Map<String, Object> changes(FairRequest r, BigDecimal fee) {
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
}
