package ${package}.internal;

import java.sql.SQLException;
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
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;

import ${package}.api.Item;
import ${package}.api.ItemEvents;
import ${package}.api.ItemRequest;
import ${package}.api.ItemService;

/**
 * The rules of ${moduleName}. Every write is validated here (not in the REST resource), runs in one transaction
 * with its audit row, and posts its event once committed. The SQL is {@link ItemStore}'s: a module grows by adding a
 * store and a rules class per aggregate, not by growing this class.
 */
@Component(service = {ItemService.class, ItemServiceImpl.class}, configurationPid = ItemServiceImpl.PID)
@Designate(ocd = ModuleConfig.class)
public class ItemServiceImpl implements ItemService {

    static final String PID = "org.unionhub.${moduleId}";

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final EventAdmin events;
    private final ItemStore store;
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
        this.store = new ItemStore(settings.zone());
        this.config = config;
    }

    /** A changed etc/org.unionhub.${moduleId}.cfg applies at once, without restarting the component. */
    @Modified
    void modified(ModuleConfig changed) {
        this.config = changed;
    }

    @Override
    public Item create(Caller caller, ItemRequest r) {
        String title = Texts.blankToNull(r.title());
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
            // this check names the field for the client; the unique constraint is the backstop for a concurrent twin
            if (ItemStore.titleTaken(c, orgId, title)) {
                throw HubException.conflict("title", "the organisation already has an item with this title");
            }
            long id;
            try {
                id = ItemStore.insert(c, orgId, title, r.note(), caller.username());
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    throw HubException.conflict("title", "the organisation already has an item with this title");
                }
                throw e;
            }
            audit.record(c, caller, "${moduleId}.item.create", "item", id, Map.of("orgId", orgId, "title", title));
            return store.find(c, id).orElseThrow();
        });
        events.postEvent(new Event(ItemEvents.ITEM_CREATED, Map.of("id", item.id(), "orgId", item.orgId(), "title", item.title())));
        return item;
    }

    @Override
    public Item get(Caller caller, long id) {
        Item item = db.read(c -> store.find(c, id))
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
        if (onlyMember(caller)) {
            // a member (the member app's screen) reads the items of his own union, and of no other
            Long own = directory.member(caller.memberId()).map(m -> m.orgId()).orElse(null);
            if (own == null || (orgId != null && !orgId.equals(own))) {
                throw HubException.forbidden("a member reads the items of his own union only");
            }
            scope = own;
        } else if (scope == null && !seesAll(caller)) {
            if (caller.orgId() == null) {
                throw HubException.forbidden("the caller belongs to no organisation; name one with orgId");
            }
            scope = caller.orgId();
        }
        if (scope != null && !seesAll(caller) && !onlyMember(caller) && !caller.canManage(scope, directory)) {
            throw HubException.forbidden("organisation " + scope + " is outside the caller's organisations");
        }
        Long org = scope;
        long total = db.read(c -> store.count(c, org));
        List<Item> items = db.read(c -> store.page(c, org, page.offset(), page.limit()));
        return new Page<>(items, total, page.offset(), page.limit());
    }

    private static boolean onlyMember(Caller caller) {
        return caller.memberId() != null && !caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER, READER);
    }

    private boolean seesAll(Caller caller) {
        return caller.isAdmin() || caller.hasRole(READER);
    }
}
