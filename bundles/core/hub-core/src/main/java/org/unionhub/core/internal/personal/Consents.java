package org.unionhub.core.internal.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;

/**
 * The consent store: a member consents to the notice a form showed him (the version he saw, the channel), with one
 * row per consent — GENERAL and each separate consent for sensitive data the notice asks for — and withdraws one
 * later. A consent to a text that has changed since is refused (409): the form shows the new text first.
 */
@Component(service = Consents.class)
public class Consents {

    static final Set<String> CHANNELS = Set.of("CONSOLE", "H5", "PAPER");

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final Notices notices;

    @Activate
    public Consents(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Notices notices) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.notices = notices;
    }

    public List<Consent> give(Caller caller, ConsentBody body) {
        long memberId = MyData.member(caller, directory).id();
        if (!Notices.PURPOSES.contains(body.purpose())) {
            throw HubException.invalid("purpose", "must be one of " + new java.util.TreeSet<>(Notices.PURPOSES));
        }
        if (!CHANNELS.contains(body.channel())) {
            throw HubException.invalid("channel", "must be CONSOLE, H5 or PAPER");
        }
        Notice n = notices.get(body.purpose());
        List<String> sensitive = body.sensitive() == null ? List.of() : body.sensitive();
        for (String s : sensitive) {
            if (!n.sensitive().contains(s)) {
                throw HubException.invalid("sensitive", "the notice for " + n.purpose() + " asks for " + n.sensitive());
            }
        }
        if (!n.version().equals(body.noticeVersion())) {
            throw HubException.conflict("noticeVersion", "the notice is now version " + n.version() + ": show it again");
        }
        return db.inTransaction(c -> {
            List<Consent> out = new ArrayList<>();
            List<String> kinds = new ArrayList<>(List.of("GENERAL"));
            sensitive.stream().distinct().forEach(kinds::add);
            for (String kind : kinds) {
                long id = ConsentStore.insert(c, memberId, n, kind, body.channel(), caller.username());
                audit.record(c, caller, "core.consent.give", "consent", id, Map.of("purpose", n.purpose(), "kind", kind,
                        "noticeVersion", n.version(), "channel", body.channel()));
                out.add(ConsentStore.get(c, id).orElseThrow());
            }
            return out;
        });
    }

    /**
     * Copies an approved join request's consent into the consent store (purpose {@code join}, channel {@code H5}: the
     * online form), on the approval's transaction, with the time it was given; {@code idNumber} adds the separate
     * consent for the ID-card number. Recorded as given by the join request, since the applicant had no account.
     */
    public List<Long> copyJoin(java.sql.Connection c, Caller caller, long memberId, long joinRequestId, String version,
            java.time.Instant givenAt, boolean idNumber) throws java.sql.SQLException {
        Notice n = notices.get("join");
        List<Long> ids = new ArrayList<>();
        for (String kind : idNumber ? List.of("GENERAL", "ID_NUMBER") : List.of("GENERAL")) {
            long id = ConsentStore.insert(c, memberId, n, version, kind, "H5", "join-request-" + joinRequestId, givenAt);
            audit.record(c, caller, "core.consent.give", "consent", id, Map.of("purpose", n.purpose(), "kind", kind,
                    "noticeVersion", version, "channel", "H5", "memberId", memberId, "joinRequestId", joinRequestId));
            ids.add(id);
        }
        return ids;
    }

    public List<Consent> mine(Caller caller) {
        long memberId = MyData.member(caller, directory).id();
        return db.read(c -> ConsentStore.ofMember(c, memberId));
    }

    public Consent withdraw(Caller caller, long id) {
        long memberId = MyData.member(caller, directory).id();
        return db.inTransaction(c -> {
            Consent found = ConsentStore.get(c, id).filter(x -> x.memberId() == memberId)
                    .orElseThrow(() -> HubException.notFound("consent", id));
            if (!ConsentStore.withdraw(c, id)) {
                throw HubException.conflict("status", "consent " + id + " was withdrawn already");
            }
            audit.record(c, caller, "core.consent.withdraw", "consent", id, Map.of("purpose", found.purpose(),
                    "kind", found.kind()));
            return ConsentStore.get(c, id).orElseThrow();
        });
    }
}
