package org.unionhub.core.internal.join;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.notify.Channel;
import org.unionhub.api.notify.CoreTopics;
import org.unionhub.api.notify.Message;
import org.unionhub.api.notify.Notifier;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.core.internal.directory.Directory;
import org.unionhub.core.internal.directory.MemberRequest;
import org.unionhub.core.internal.personal.Consents;
import org.unionhub.core.internal.security.MemberAccounts;

/**
 * Officers decide their unions' join requests: approval creates the member record and his account (no password:
 * he sets it with a phone code, told by SMS), or moves a member who transferred (转会) and tells his old union;
 * returning needs a reason, sent to the applicant's phone. Officers see the requests of their organisation and
 * below it; anything else is 404.
 */
@Component(service = JoinRequests.class)
public class JoinRequests {

    private final JoinStore store = new JoinStore();
    private final ModuleDatabase db;
    private final Directory directory;
    private final MemberDirectory members;
    private final MemberAccounts accounts;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Notifier notifier;
    private final HubSettings settings;
    private final Consents consents;
    private volatile EventAdmin events;

    /** The join notice's version before it came from the notice store: its consent had no separate ID-number consent. */
    static final String FIRST_NOTICE_VERSION = "2026-11";

    @Activate
    public JoinRequests(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference Directory directory,
            @Reference MemberDirectory members, @Reference MemberAccounts accounts, @Reference PersonalDataCipher cipher,
            @Reference AuditLog audit, @Reference(policyOption = ReferencePolicyOption.GREEDY) Notifier notifier,
            @Reference HubSettings settings, @Reference Consents consents) {
        this.db = db;
        this.consents = consents;
        this.settings = settings;
        this.directory = directory;
        this.members = members;
        this.accounts = accounts;
        this.cipher = cipher;
        this.audit = audit;
        this.notifier = notifier;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEvents(EventAdmin events) {
        this.events = events;
    }

    void unsetEvents(EventAdmin events) {
        if (this.events == events) {
            this.events = null;
        }
    }

    public Page<JoinRequest> list(Caller caller, String status, String kind, PageRequest page) {
        String scope = scope(caller);
        return db.read(c -> store.list(c, scope, upper(status), upper(kind), page));
    }

    public JoinRequest get(Caller caller, long id) {
        return db.read(c -> store.get(c, id)).filter(r -> caller.canManage(r.orgId(), members))
                .orElseThrow(() -> HubException.notFound("join request", id));
    }

    public JoinRequest approve(Caller caller, long id) {
        Instant now = Instant.now();
        long[] fromOrg = {0};
        JoinStore.Pending p = db.inTransaction(c -> {
            JoinStore.Pending r = open(c, caller, id);
            long memberId;
            if ("TRANSFER".equals(r.kind())) {
                memberId = r.existingMemberId();
                fromOrg[0] = members.member(memberId).map(m -> m.orgId()).orElse(0L);
                store.moveMember(c, memberId, r.orgId(), now);
                audit.record(c, caller, "core.member.transfer", "member", memberId, Map.of("fromOrgId", fromOrg[0],
                        "toOrgId", r.orgId(), "joinRequestId", id));
            } else {
                String number = cipher.decrypt(r.idSealed());
                memberId = directory.insertMember(c, caller, new MemberRequest(r.name(), r.phone(), r.orgId(),
                        r.employmentForm(), r.newFormKind(), null, LocalDate.now(settings.zone()), number),
                        IdCardNumber.parse(number).orElseThrow());
                accounts.insertWithoutPassword(c, caller, r.phone(), memberId);
            }
            JoinRequest asked = store.get(c, id).orElseThrow();
            consents.copyJoin(c, caller, memberId, id, asked.consentVersion(), asked.consentAt(),
                    !FIRST_NOTICE_VERSION.equals(asked.consentVersion()));
            decided(store.decide(c, id, "APPROVED", caller.username(), null, memberId, now));
            audit.record(c, caller, "core.join.approve", "joinRequest", id, Map.of("memberId", memberId, "kind", r.kind()));
            return new JoinStore.Pending(r.id(), r.orgId(), r.orgName(), r.kind(), "APPROVED", r.name(), r.phone(), null,
                    r.employer(), r.employmentForm(), r.newFormKind(), memberId);
        });
        long memberId = p.existingMemberId();
        // after the commit: nobody hears of a membership that was rolled back
        if ("TRANSFER".equals(p.kind())) {
            post(CoreTopics.TRANSFER_APPROVED, memberId, p, fromOrg[0]);
            List<String> officers = db.read(c -> store.officers(c, fromOrg[0]));
            for (String officer : officers) {
                notifier.send(new Message(Channel.WECHAT, null, officer, null, "core.MEMBER_TRANSFERRED_OUT",
                        Map.of("name", p.name(), "orgName", p.orgName())));
            }
        } else {
            post(CoreTopics.JOIN_APPROVED, memberId, p, null);
            notifier.send(Message.sms(p.phone(), "password.set.sms", Map.of("name", p.name(), "phone", p.phone())));
        }
        return get(caller, id);
    }

    public JoinRequest giveBack(Caller caller, long id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw HubException.invalid("reason", "say why the request goes back (1 to 500 characters); the applicant reads it");
        }
        JoinStore.Pending p = db.inTransaction(c -> {
            JoinStore.Pending r = open(c, caller, id);
            decided(store.decide(c, id, "RETURNED", caller.username(), reason.trim(), null, Instant.now()));
            audit.record(c, caller, "core.join.return", "joinRequest", id, Map.of("reason", reason.trim()));
            return r;
        });
        notifier.send(Message.sms(p.phone(), "join.returned.sms", Map.of("name", p.name(), "reason", reason.trim())));
        return get(caller, id);
    }

    private JoinStore.Pending open(java.sql.Connection c, Caller caller, long id) throws java.sql.SQLException {
        JoinStore.Pending r = store.pendingRow(c, id).filter(x -> caller.canManage(x.orgId(), members))
                .orElseThrow(() -> HubException.notFound("join request", id));
        if (!"PENDING".equals(r.status())) {
            throw HubException.conflict("status", "the request was decided already (" + r.status() + ")");
        }
        return r;
    }

    /** The update names STATUS = 'PENDING': a second officer deciding at the same moment changes nothing. */
    private static void decided(int rows) {
        if (rows != 1) {
            throw HubException.conflict("status", "the request was decided already");
        }
    }

    private void post(String topic, long memberId, JoinStore.Pending p, Long fromOrgId) {
        EventAdmin ea = events;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put("memberId", memberId);
        props.put("orgId", p.orgId());
        props.put("orgName", p.orgName());
        props.put("requestId", p.id());
        Optional.ofNullable(fromOrgId).ifPresent(f -> props.put("fromOrgId", f));
        ea.postEvent(new Event(topic, props));
    }

    private String scope(Caller caller) {
        if (caller.isAdmin()) {
            return null;
        }
        if (!caller.hasRole(Roles.OFFICER) || caller.orgId() == null) {
            throw HubException.forbidden("requires role officer or admin");
        }
        return members.orgPath(caller.orgId()).orElse("-");
    }

    private static String upper(String v) {
        return v == null || v.isBlank() ? null : v.trim().toUpperCase();
    }
}
