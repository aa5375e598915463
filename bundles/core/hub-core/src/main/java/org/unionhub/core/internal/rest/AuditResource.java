package org.unionhub.core.internal.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.QueryParams;

/** The audit trail, newest first, for admins; times in the region's zone with its offset (the console shows them as given). */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String entity, String entityId,
            String changes) {
    }

    /** Newest first by default; the id order is the order of writing (index HUB_AUDIT_ID_DESC). */
    private static final Keyset PAGES = Keyset.by("ID").defaultSort("-id");

    private final ModuleDatabase db;
    private final HubSettings settings;

    @Activate
    public AuditResource(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference HubSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Page<AuditEntry> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("entity") String entity, @QueryParam("entityId") String entityId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer pageNumber,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        PageRequest page = PageRequest.of(offset, limit, pageNumber, cursor, sort);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        add(where, params, "ACTOR = ?", actor);
        add(where, params, "ACTION LIKE ?", action == null ? null : action + "%");
        add(where, params, "ENTITY = ?", entity);
        add(where, params, "ENTITY_ID = ?", entityId);
        add(where, params, "OCCURRED_AT >= ?", QueryParams.instant("from", from));
        add(where, params, "OCCURRED_AT < ?", QueryParams.instant("to", to));
        java.time.ZoneId zone = settings.zone();
        return db.read(c -> PAGES.page(c, "SELECT ID, OCCURRED_AT, ACTOR, ACTION, ENTITY, ENTITY_ID, CHANGES",
                " FROM HUB_AUDIT" + where, params, page,
                rs -> new AuditEntry(rs.getLong(1), Sql.getInstant(rs, "OCCURRED_AT").atZone(zone).toOffsetDateTime(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))));
    }

    private static void add(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }
}
