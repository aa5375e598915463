package org.unionhub.core.internal.personal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.core.internal.security.AccountStore;

/**
 * A member's requests to correct or delete his personal data, and their decision by an officer of his organisation
 * or above (an admin anywhere). Approving a deletion asks every installed module for records a legal duty keeps; when
 * there are any the approval is refused (409, naming them) and the officer refuses the request with the reason,
 * otherwise every module erases him, the core last. Every step is audited, without the member's words.
 */
@Component(service = DataRequests.class)
public class DataRequests {

    private static final Set<String> KINDS = Set.of(DataRequest.CORRECTION, DataRequest.DELETION);
    private static final Set<String> STATUSES = Set.of(DataRequest.PENDING, DataRequest.APPROVED, DataRequest.REFUSED);

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final PersonalDataModules modules;
    private final AccountStore accounts;

    @Activate
    public DataRequests(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference PersonalDataModules modules, @Reference AccountStore accounts) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.modules = modules;
        this.accounts = accounts;
    }

    public DataRequest create(Caller caller, DataRequestBody body) {
        MemberInfo me = MyData.member(caller, directory);
        if (!KINDS.contains(body.kind())) {
            throw HubException.invalid("kind", "must be CORRECTION or DELETION");
        }
        if (DataRequest.CORRECTION.equals(body.kind()) && (body.detail() == null || body.detail().isBlank())) {
            throw HubException.invalid("detail", "say what is wrong and what it should be");
        }
        String path = directory.orgPath(me.orgId()).orElse("/");
        return db.inTransaction(c -> {
            if (DataRequestStore.pendingOf(c, me.id(), body.kind())) {
                throw HubException.conflict("kind", "a " + body.kind() + " request of yours is still pending");
            }
            long id = DataRequestStore.insert(c, me.id(), me.orgId(), path, body.kind(), body.detail(), caller.username());
            audit.record(c, caller, "core.datarequest.create", "datarequest", id, Map.of("kind", body.kind()));
            return DataRequestStore.get(c, id).orElseThrow();
        });
    }

    public List<DataRequest> mine(Caller caller) {
        MemberInfo me = MyData.member(caller, directory);
        return db.read(c -> DataRequestStore.ofMember(c, me.id()));
    }

    public Page<DataRequest> list(Caller caller, String status, PageRequest page) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        if (status != null && !STATUSES.contains(status)) {
            throw HubException.badRequest("status", "must be PENDING, APPROVED or REFUSED");
        }
        // an officer without an organisation sees nothing: no path starts with this
        String prefix = caller.isAdmin() ? null
                : caller.orgId() == null ? "-" : directory.orgPath(caller.orgId()).orElse("-");
        return db.read(c -> DataRequestStore.list(c, prefix, status, page));
    }

    public DataRequest get(Caller caller, long id) {
        return db.read(c -> visible(caller, DataRequestStore.get(c, id).orElseThrow(() -> HubException.notFound("data request", id))));
    }

    public DataRequest approve(Caller caller, long id) {
        DataRequest r = pending(caller, id);
        if (DataRequest.DELETION.equals(r.kind())) {
            erase(caller, r);
        }
        return decide(caller, r, DataRequest.APPROVED, null);
    }

    public DataRequest refuse(Caller caller, long id, RefusalBody body) {
        if (body.reason().isBlank()) {
            throw HubException.invalid("reason", "must not be blank");
        }
        return decide(caller, pending(caller, id), DataRequest.REFUSED, body.reason());
    }

    /** Erases the member in every module, the core last; refused while any module must keep one of his records. */
    private void erase(Caller caller, DataRequest r) {
        List<PersonalData> all = modules.inOrder();
        List<String> holds = new ArrayList<>();
        for (PersonalData p : all) {
            holds.addAll(p.retentionHolds(r.memberId()));
        }
        if (!holds.isEmpty()) {
            throw HubException.conflict("retention", "records that must be kept: " + String.join("; ", holds)
                    + " — refuse the request with this reason, or approve it once the periods have passed");
        }
        for (PersonalData p : all) {
            Map<String, Integer> changed = p.erase(r.memberId());
            Map<String, Object> note = new LinkedHashMap<>(changed);
            note.put("request", r.id());
            db.inTransaction(c -> {
                audit.record(c, caller, p.module() + ".personaldata.erase", "member", r.memberId(), note);
                return null;
            });
        }
        accounts.forgetCredentials(); // the core disabled his accounts: cached sign-ins must not outlive that
    }

    private DataRequest decide(Caller caller, DataRequest r, String status, String reason) {
        return db.inTransaction(c -> {
            if (!DataRequestStore.decide(c, r.id(), status, reason, caller.username())) {
                throw HubException.conflict("status", "the request was decided meanwhile");
            }
            audit.record(c, caller, "core.datarequest." + (DataRequest.APPROVED.equals(status) ? "approve" : "refuse"),
                    "datarequest", r.id(), Map.of("kind", r.kind(), "status", status));
            return DataRequestStore.get(c, r.id()).orElseThrow();
        });
    }

    private DataRequest pending(Caller caller, long id) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        DataRequest r = get(caller, id);
        if (!DataRequest.PENDING.equals(r.status())) {
            throw HubException.conflict("status", "the request is " + r.status() + " already");
        }
        return r;
    }

    /** The member himself, an officer of his organisation or above, an admin; others learn nothing (404). */
    private DataRequest visible(Caller caller, DataRequest r) {
        boolean own = caller.memberId() != null && caller.memberId() == r.memberId();
        if (!own && !caller.canManage(r.orgId(), directory)) {
            throw HubException.notFound("data request", r.id());
        }
        return r;
    }
}
