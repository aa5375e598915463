package org.unionhub.core.internal.personal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.Validation;
import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.personal.ConsentRecord;
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;

/**
 * Consent at collection for the modules' creates (a claim, a CV, a nomination, a job-board or programme application,
 * a trip request): checked against the current notice and written on the module's own transaction, so that a refused
 * or failed create leaves no consent behind.
 */
@Component(service = Consents.class)
public class CollectedConsents implements Consents {

    private final Notices notices;
    private final AuditLog audit;

    @Activate
    public CollectedConsents(@Reference Notices notices, @Reference AuditLog audit) {
        this.notices = notices;
        this.audit = audit;
    }

    @Override
    public ConsentRecord record(Connection c, Caller caller, long memberId, String purpose, ConsentGiven consent,
            Set<String> held) throws SQLException {
        boolean self = caller.memberId() != null && caller.memberId() == memberId;
        if (consent == null) {
            if (caller == Caller.SYSTEM) {
                return null; // the hub's own demo records: nobody was asked anything
            }
            // a member consents on the form; an officer entering a paper form attests its signed consent (PAPER)
            throw HubException.invalid("consent", "is required: consent to the notice of " + purpose
                    + " (GET /api/notices/" + purpose + ")");
        }
        return checkAndWrite(c, caller, new Subject(memberId, null, null), self, purpose, consent, held);
    }

    @Override
    public ConsentRecord recordForSubject(Connection c, Caller caller, String subjectKind, long subjectRef, String purpose,
            ConsentGiven consent, Set<String> held) throws SQLException {
        if (consent == null) {
            if (caller == Caller.SYSTEM) {
                return null; // the hub's own demo records: nobody was asked anything
            }
            throw HubException.invalid("consent", "is required: consent to the notice of " + purpose + " (GET /api/notices/"
                    + purpose + "); a record entered for someone else carries his signed paper consent, channel PAPER");
        }
        // the person himself applies without an account (H5/CONSOLE); anyone signed in enters it for him (PAPER)
        return checkAndWrite(c, caller, new Subject(null, subjectKind, subjectRef), caller.isAnonymous(), purpose, consent,
                held);
    }

    /** Whose consent a row is: a member's, or a person a module's record names ({@code nomination}/its id). */
    private record Subject(Long memberId, String kind, Long ref) {
    }

    private ConsentRecord checkAndWrite(Connection c, Caller caller, Subject subject, boolean self, String purpose,
            ConsentGiven consent, Set<String> held) throws SQLException {
        Notice n = notices.get(purpose);
        List<String> sensitive = consent.sensitive() == null ? List.of() : consent.sensitive();
        Validation v = new Validation();
        v.required("consent.noticeVersion", consent.noticeVersion());
        v.required("consent.channel", consent.channel());
        if (consent.channel() != null) {
            v.check(org.unionhub.core.internal.personal.Consents.CHANNELS.contains(consent.channel()), "consent.channel",
                    "must be CONSOLE, H5 or PAPER");
            v.check(!self || !"PAPER".equals(consent.channel()), "consent.channel",
                    "PAPER is the entry of a signed paper form for someone else; whoever applies himself consents through H5 or CONSOLE");
            v.check(self || "PAPER".equals(consent.channel()), "consent.channel",
                    "must be PAPER: an account entering a record for someone else attests his signed paper form");
        }
        for (String s : sensitive) {
            v.check(s != null && n.sensitive().contains(s), "consent.sensitive", "the notice for " + purpose + " asks for "
                    + n.sensitive());
        }
        for (String kind : held) {
            v.check(!n.sensitive().contains(kind) || sensitive.contains(kind), "consent.sensitive",
                    "must include " + kind + ": the record holds it and it needs its own consent");
        }
        v.throwIfInvalid();
        if (!n.version().equals(consent.noticeVersion())) {
            throw HubException.conflict("noticeVersion", "the notice is now version " + n.version() + ": show it again");
        }
        long general = write(c, caller, subject, n, "GENERAL", consent.channel());
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String kind : sensitive.stream().distinct().toList()) {
            ids.put(kind, write(c, caller, subject, n, kind, consent.channel()));
        }
        return new ConsentRecord(general, ids);
    }

    private long write(Connection c, Caller caller, Subject subject, Notice n, String kind, String channel)
            throws SQLException {
        long id = subject.memberId() != null
                ? ConsentStore.insert(c, subject.memberId(), n, kind, channel, caller.username())
                : ConsentStore.insertForSubject(c, subject.kind(), subject.ref(), n, kind, channel, caller.username());
        Map<String, Object> details = new LinkedHashMap<>(Map.of("purpose", n.purpose(), "kind", kind,
                "noticeVersion", n.version(), "channel", channel));
        if (subject.memberId() != null) {
            details.put("memberId", subject.memberId());
        } else {
            details.put("subjectKind", subject.kind());
            details.put("subjectRef", subject.ref());
        }
        audit.record(c, caller, "core.consent.give", "consent", id, details);
        return id;
    }
}
