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
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.security.Caller;

/**
 * The consent store: a member consents to the notice a form showed him (the version he saw, the channel), with one
 * row per consent — GENERAL and each separate consent for sensitive data the notice asks for — and withdraws one
 * later. A consent to a text that has changed since is refused (409): the form shows the new text first.
 */
@Component(service = Consents.class)
public class Consents {

    static final Set<String> CHANNELS = Set.of("CONSOLE", "H5", "PAPER");
    private static final String SIGN_IN = "sign in to give or see your own consents";

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final Notices notices;
    private final PersonalDataModules modules;

    @Activate
    public Consents(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Notices notices, @Reference PersonalDataModules modules) {
        this.modules = modules;
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.notices = notices;
    }

    public List<Consent> give(Caller caller, ConsentBody body) {
        if (caller.isAnonymous()) {
            throw HubException.forbidden(SIGN_IN);
        }
        Long memberId = caller.memberId() == null ? null : MyData.member(caller, directory).id();
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
                // an account without a member record consents as itself: the account names the subject
                long id = memberId != null ? ConsentStore.insert(c, memberId, n, kind, body.channel(), caller.username())
                        : ConsentStore.insertForAccount(c, n, kind, body.channel(), caller.username());
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

    /**
     * The caller's consents: a member's ({@link #of}); an account without a member record (an employer's contact, a
     * worker's account not linked to a member) has those it gave as itself. A join applicant, who has no account, sees
     * his through {@code /api/join/consents}.
     */
    public List<Consent> mine(Caller caller) {
        if (caller.memberId() == null) {
            if (caller.isAnonymous()) {
                throw HubException.forbidden(SIGN_IN);
            }
            return db.read(c -> ConsentStore.ofAccount(c, caller.username()));
        }
        return of(MyData.member(caller, directory).id());
    }

    /**
     * The member's consents, with those given for the modules' records about him before the hub knew him as a member
     * (a nomination of him, attested on paper): each module names its records through {@code consentSubjects}.
     */
    public List<Consent> of(long memberId) {
        Map<String, List<Long>> subjects = new LinkedHashMap<>();
        for (PersonalData p : modules.inOrder()) {
            p.consentSubjects(memberId).forEach((kind, ids) -> subjects.computeIfAbsent(kind, k -> new ArrayList<>())
                    .addAll(ids));
        }
        return db.read(c -> ConsentStore.ofMember(c, memberId, subjects));
    }

    /** Withdraws one of the consents {@link #mine} lists: his own, or one given for a record about him. */
    public Consent withdraw(Caller caller, long id) {
        boolean his = mine(caller).stream().anyMatch(x -> x.id() == id);
        return db.inTransaction(c -> {
            Consent found = ConsentStore.get(c, id).filter(x -> his)
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
