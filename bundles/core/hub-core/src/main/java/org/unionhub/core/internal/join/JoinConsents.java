package org.unionhub.core.internal.join;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.core.internal.phone.PhoneCodes;
import org.unionhub.core.internal.phone.PhoneCodes.Purpose;

/**
 * A join applicant's own consents (PIPL art. 15): he has no account until his request is approved, so he proves the
 * phone of his requests with a {@code CONSENT} code and sees, or withdraws, the consent each request was sent with.
 * Withdrawing a pending request's consent withdraws the request ({@code WITHDRAWN}: no officer can approve it); an
 * approved one's consent is a member's now, withdrawn among his own consents. Only the requests of that phone.
 */
@Component(service = JoinConsents.class)
public class JoinConsents {

    private static final String COLUMNS = "SELECT R.ID, O.NAME AS ORG_NAME, R.STATUS, R.CONSENT_VERSION, R.CONSENT_CHANNEL, "
            + "R.CONSENT_AT, R.CONSENT_WITHDRAWN_AT FROM HUB_JOIN_REQUEST R JOIN HUB_ORG O ON O.ID = R.ORG_ID";

    private final ModuleDatabase db;
    private final PhoneCodes codes;
    private final AuditLog audit;

    @Activate
    public JoinConsents(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference PhoneCodes codes,
            @Reference AuditLog audit) {
        this.db = db;
        this.codes = codes;
        this.audit = audit;
    }

    /** The consents of the join requests sent with {@code phone}, newest first. */
    public List<JoinConsent> mine(String phone, String code) {
        String p = proven(phone, code);
        return db.read(c -> Sql.list(c, COLUMNS + " WHERE R.PHONE = ? ORDER BY R.ID DESC", JoinConsents::map, p));
    }

    /** Withdraws the consent of join request {@code id} sent with {@code phone}; 404 for anyone else's. */
    public JoinConsent withdraw(String phone, String code, long id) {
        String p = proven(phone, code);
        Instant now = Instant.now();
        return db.inTransaction(c -> {
            JoinConsent found = Sql.one(c, COLUMNS + " WHERE R.ID = ? AND R.PHONE = ?", JoinConsents::map, id, p)
                    .orElseThrow(() -> HubException.notFound("join request", id));
            if (found.withdrawnAt() != null) {
                throw HubException.conflict("status", "the consent of join request " + id + " was withdrawn already");
            }
            if ("APPROVED".equals(found.status())) {
                throw HubException.conflict("status", "the request was approved: withdraw the consent among a member's own");
            }
            // a pending request stops with its consent; the UPDATE names the status read, so a decision meanwhile wins
            String status = "PENDING".equals(found.status()) ? "WITHDRAWN" : found.status();
            if (Sql.update(c, "UPDATE HUB_JOIN_REQUEST SET CONSENT_WITHDRAWN_AT = ?, STATUS = ? WHERE ID = ? AND STATUS = ? "
                    + "AND CONSENT_WITHDRAWN_AT IS NULL", now, status, id, found.status()) != 1) {
                throw HubException.conflict("status", "the request was decided already");
            }
            audit.record(c, Caller.ANONYMOUS, "core.consent.withdraw", "joinRequest", id, Map.of("purpose", "join",
                    "status", status));
            return Sql.one(c, COLUMNS + " WHERE R.ID = ?", JoinConsents::map, id).orElseThrow();
        });
    }

    private String proven(String phone, String code) {
        Validation v = new Validation();
        v.required("phone", phone);
        v.required("code", code);
        v.throwIfInvalid();
        String p = PhoneCodes.checkPhone("phone", phone);
        // a wrong code and a phone without requests answer alike
        if (!codes.use(p, Purpose.CONSENT, code.trim())) {
            throw HubException.invalid("code", "wrong, used or expired code; request a new one");
        }
        return p;
    }

    private static JoinConsent map(ResultSet rs) throws SQLException {
        String version = rs.getString("CONSENT_VERSION");
        // the first join notice asked no separate consent for the ID number; every later one does
        List<String> sensitive = JoinRequests.FIRST_NOTICE_VERSION.equals(version) ? List.of() : List.of("ID_NUMBER");
        return new JoinConsent(rs.getLong("ID"), rs.getString("ORG_NAME"), rs.getString("STATUS"), "join", version,
                rs.getString("CONSENT_CHANNEL"), sensitive, Sql.getInstant(rs, "CONSENT_AT"),
                Sql.getInstant(rs, "CONSENT_WITHDRAWN_AT"));
    }
}
