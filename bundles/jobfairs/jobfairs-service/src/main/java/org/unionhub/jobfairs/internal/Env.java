package org.unionhub.jobfairs.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.jobfairs.api.FairMode;

/**
 * What every jobfairs service needs: the module's database, audit, the member directory for scoping,
 * the hub's time zone and EventAdmin, plus the few rules they share (who manages a fair).
 */
@Component(service = Env.class)
public class Env {

    public static final String MODULE = "jobfairs";
    public static final String EMPLOYER_ROLE = "employer";
    public static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    public static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{7,20}");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    public static final Pattern URL = Pattern.compile("https?://\\S{3,490}");

    final ModuleDatabase db;
    final AuditLog audit;
    final MemberDirectory directory;
    final PersonalDataCipher cipher;
    final Consents consents;
    private final HubSettings settings;
    private final EventAdmin events;

    @Activate
    public Env(@Reference(target = "(unionhub.module=jobfairs)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference HubSettings settings, @Reference EventAdmin events,
            @Reference PersonalDataCipher cipher, @Reference Consents consents) {
        this.cipher = cipher;
        this.consents = consents;
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.settings = settings;
        this.events = events;
    }

    // accessors for the year-round board, programmes and figures, which live in packages of their own

    public ModuleDatabase db() {
        return db;
    }

    public AuditLog audit() {
        return audit;
    }

    public MemberDirectory directory() {
        return directory;
    }

    public PersonalDataCipher cipher() {
        return cipher;
    }

    public Consents consents() {
        return consents;
    }

    public java.time.ZoneId zone() {
        return settings.zone();
    }

    public OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(settings.zone()).toOffsetDateTime();
    }

    public boolean demo() {
        return settings.demo();
    }

    /** Posts after the commit: subscribers must never see a change that was rolled back. */
    public void post(String topic, Object... keyValues) {
        Map<String, Object> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                props.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        events.postEvent(new Event(topic, props));
    }

    public boolean manages(Caller caller, long orgId) {
        return caller.canManage(orgId, directory);
    }

    void requireManage(Caller caller, FairRow fair) {
        if (!manages(caller, fair.orgId())) {
            throw HubException.forbidden("only officers of the organising union can manage job fair " + fair.id());
        }
    }

    FairRow fair(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT ID, ORG_ID, NAME, FAIR_MODE, STARTS_AT, ENDS_AT, BOOTH_CAPACITY, BOOTHS_TAKEN "
                + "FROM JOBFAIRS_FAIR WHERE ID = ?", rs -> new FairRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Sql.getEnum(rs, "FAIR_MODE", FairMode.class), Sql.getInstant(rs, "STARTS_AT"),
                        Sql.getInstant(rs, "ENDS_AT"), rs.getInt(7), rs.getInt(8)), id)
                .orElseThrow(() -> HubException.notFound("job fair", id));
    }

    /** A LIKE pattern that finds {@code text} anywhere, with the wildcards in it escaped (ESCAPE '\'). */
    public static String contains(String text) {
        return "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
