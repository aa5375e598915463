#set( $TABLE = "${moduleId.toUpperCase()}_ITEM" )
package ${package}.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;

import ${package}.api.Item;
import ${package}.api.ItemEvents;
import ${package}.api.ItemRequest;
import ${package}.api.ItemService;

/**
 * The rules of ${moduleName}. Every write is validated here (not in the REST resource), runs in one transaction
 * with its audit row, and posts its event once committed.
 */
@Component(service = {ItemService.class, ItemServiceImpl.class}, configurationPid = ItemServiceImpl.PID)
@Designate(ocd = ModuleConfig.class)
public class ItemServiceImpl implements ItemService {

    static final String PID = "org.unionhub.${moduleId}";
    private static final String SELECT = "SELECT ID, ORG_ID, TITLE, NOTE, CREATED_AT, CREATED_BY FROM ${TABLE}";

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final EventAdmin events;
    private final ZoneId zone;
    private volatile ModuleConfig config;

    /** The database arrives only after this bundle's migrations ran, so no component here sees an old schema. */
    @Activate
    public ItemServiceImpl(@Reference(target = "(unionhub.module=${moduleId})") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference EventAdmin events, @Reference HubSettings settings,
            ModuleConfig config) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
        this.zone = settings.zone();
        this.config = config;
    }

    /** A changed etc/org.unionhub.${moduleId}.cfg applies at once, without restarting the component. */
    @Modified
    void modified(ModuleConfig changed) {
        this.config = changed;
    }

    @Override
    public Item create(Caller caller, ItemRequest r) {
        String title = r.title() == null ? null : r.title().strip();
        Validation v = new Validation()
                .required("orgId", r.orgId())
                .required("title", title)
                .maxLength("title", title, ItemRequest.TITLE_MAX)
                .maxLength("note", r.note(), ItemRequest.NOTE_MAX);
        if (config.note_required()) {
            v.required("note", r.note());
        }
        v.throwIfInvalid();
        long orgId = r.orgId();
        if (directory.org(orgId).isEmpty()) {
            throw HubException.invalid("orgId", "no such organisation");
        }
        if (!caller.canManage(orgId, directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside the caller's organisations");
        }
        Item item = db.inTransaction(c -> {
            // the unique constraint is the backstop; this check names the field for the client
            if (Sql.count(c, "SELECT COUNT(*) FROM ${TABLE} WHERE ORG_ID = ? AND TITLE = ?", orgId, title) > 0) {
                throw HubException.conflict("title", "the organisation already has an item with this title");
            }
            long id = Sql.insert(c, "INSERT INTO ${TABLE} (ORG_ID, TITLE, NOTE, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?)",
                    orgId, title, r.note(), Instant.now(), caller.username());
            audit.record(c, caller, "${moduleId}.item.create", "item", id, Map.of("orgId", orgId, "title", title));
            return read(c, id);
        });
        events.postEvent(new Event(ItemEvents.ITEM_CREATED, Map.of("id", item.id(), "orgId", item.orgId(), "title", item.title())));
        return item;
    }

    @Override
    public Item get(Caller caller, long id) {
        Item item = db.read(c -> Sql.one(c, SELECT + " WHERE ID = ?", this::map, id))
                .orElseThrow(() -> HubException.notFound("item", id));
        if (!seesAll(caller) && !caller.canManage(item.orgId(), directory)) {
            // outside the caller's organisations an item is as good as absent
            throw HubException.notFound("item", id);
        }
        return item;
    }

    @Override
    public Page<Item> list(Caller caller, Long orgId, PageRequest page) {
        Long scope = orgId;
        if (scope == null && !seesAll(caller)) {
            if (caller.orgId() == null) {
                throw HubException.forbidden("the caller belongs to no organisation; name one with orgId");
            }
            scope = caller.orgId();
        }
        if (scope != null && !seesAll(caller) && !caller.canManage(scope, directory)) {
            throw HubException.forbidden("organisation " + scope + " is outside the caller's organisations");
        }
        String where = scope == null ? "" : " WHERE ORG_ID = ?";
        List<Object> params = new ArrayList<>();
        if (scope != null) {
            params.add(scope);
        }
        long total = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM ${TABLE}" + where, params.toArray()));
        params.add(page.offset());
        params.add(page.limit());
        List<Item> items = db.read(c -> Sql.list(c, SELECT + where + " ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                this::map, params.toArray()));
        return new Page<>(items, total, page.offset(), page.limit());
    }

    private boolean seesAll(Caller caller) {
        return caller.isAdmin() || caller.hasRole(READER);
    }

    private Item read(Connection c, long id) throws SQLException {
        return Sql.one(c, SELECT + " WHERE ID = ?", this::map, id).orElseThrow();
    }

    private Item map(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("ID"), rs.getLong("ORG_ID"), rs.getString("TITLE"), rs.getString("NOTE"),
                Sql.getInstant(rs, "CREATED_AT").atZone(zone).toOffsetDateTime(), rs.getString("CREATED_BY"));
    }
}
