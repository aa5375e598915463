package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;

/**
 * The public showcase (网上劳模展览馆): model workers who agreed to be shown, with their titles and a citation
 * written for publication, and nothing private. Officers put a record on it with the consent and take it off.
 */
@Component(service = Showcase.class)
public class Showcase {

    /** Shown while the title stands; a revoked title leaves the showcase. */
    private static final String SHOWN = "SHOWCASE_CONSENT_AT IS NOT NULL AND STATUS IN ('ACTIVE', 'RETIRED', 'DECEASED')";

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final Configured config;

    @Activate
    public Showcase(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Configured config) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.config = config;
    }

    /** By name, over (NAME, ID) from migration V2. */
    private static final Keyset PAGES = Keyset.by("ID").sort("name", "NAME", String.class).defaultSort("name");

    public Page<ShowcaseEntry> list(String namePrefix, PageRequest page) {
        String prefix = Texts.blankToNull(namePrefix);
        return db.read(c -> {
            String where = " WHERE " + SHOWN + (prefix == null ? "" : " AND NAME LIKE ?");
            List<Object> params = new ArrayList<>();
            if (prefix != null) {
                params.add(prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                where += " ESCAPE '!'";
            }
            Page<Long> ids = PAGES.page(c, "SELECT ID", " FROM MODELWORKERS_RECORD" + where, params, page, rs -> rs.getLong(1));
            List<ShowcaseEntry> items = new ArrayList<>();
            for (long id : ids.items()) {
                items.add(entry(c, id));
            }
            return new Page<>(items, ids.total(), ids.offset(), ids.limit(), ids.nextCursor(), ids.totalExact());
        });
    }

    public ShowcaseEntry get(long recordId) {
        return db.read(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM MODELWORKERS_RECORD WHERE ID = ? AND " + SHOWN, recordId) == 0) {
                throw HubException.notFound("showcase entry", recordId);
            }
            return entry(c, recordId);
        });
    }

    public ShowcaseEntry show(Caller caller, long recordId, ShowcaseRequest req) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        v.check(Boolean.TRUE.equals(req.consent()), "consent", "the model worker's consent to be shown publicly is required");
        v.required("citation", req.citation() == null || req.citation().isBlank() ? null : req.citation());
        v.maxLength("citation", req.citation(), 1000);
        v.throwIfInvalid();
        db.inTransaction(c -> {
            owned(c, caller, recordId);
            Sql.update(c, "UPDATE MODELWORKERS_RECORD SET SHOWCASE_CITATION = ?, SHOWCASE_CONSENT_AT = ?, SHOWCASE_CONSENT_BY = ? "
                    + "WHERE ID = ?", req.citation().trim(), Instant.now(), caller.username(), recordId);
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("showcase", true);
            audit.record(c, caller, "modelworkers.showcase.show", "record", recordId, ch);
            return null;
        });
        return get(recordId);
    }

    /** Takes a record off the showcase, e.g. when the model worker withdraws his consent. */
    public void withdraw(Caller caller, long recordId) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        db.inTransaction(c -> {
            owned(c, caller, recordId);
            Sql.update(c, "UPDATE MODELWORKERS_RECORD SET SHOWCASE_CITATION = NULL, SHOWCASE_CONSENT_AT = NULL, "
                    + "SHOWCASE_CONSENT_BY = NULL WHERE ID = ?", recordId);
            audit.record(c, caller, "modelworkers.showcase.withdraw", "record", recordId, Map.of("showcase", false));
            return null;
        });
    }

    private void owned(Connection c, Caller caller, long recordId) throws SQLException {
        Long org = Sql.one(c, "SELECT ORG_ID FROM MODELWORKERS_RECORD WHERE ID = ?", rs -> rs.getLong(1), recordId).orElse(null);
        if (org == null || !caller.canManage(org, directory)) {
            throw HubException.notFound("record", recordId);
        }
    }

    private ShowcaseEntry entry(Connection c, long id) throws SQLException {
        List<ShowcaseEntry.Title> titles = Sql.list(c, "SELECT LEVEL_CODE, YEAR_AWARDED, AWARDING_BODY FROM MODELWORKERS_TITLE "
                + "WHERE RECORD_ID = ? ORDER BY YEAR_AWARDED", rs -> new ShowcaseEntry.Title(rs.getString(1), rs.getInt(2),
                        rs.getString(3)), id);
        List<String> levels = config.get().levels();
        String main = titles.stream().map(ShowcaseEntry.Title::level).filter(levels::contains)
                .min((a, b) -> Integer.compare(levels.indexOf(a), levels.indexOf(b))).orElse(null);
        return Sql.one(c, "SELECT NAME, WORKPLACE, ORG_ID, SHOWCASE_CITATION FROM MODELWORKERS_RECORD WHERE ID = ?",
                rs -> new ShowcaseEntry(id, rs.getString(1), main, titles, rs.getString(2),
                        directory.org(rs.getLong(3)).map(OrgInfo::name).orElse(null), rs.getString(4)), id).orElseThrow();
    }
}
