package org.unionhub.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.HubSettings;
import org.unionhub.api.HubStatus;
import org.unionhub.api.ModuleHealth;
import org.unionhub.api.ModuleState;
import org.unionhub.api.web.Returns;

/** {@code /api/health} and {@code /api/modules}: public, so that load balancers and the console can read them. */
@Component(service = StatusResource.class)
@JaxrsResource
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final HubStatus status;
    private final HubSettings settings;

    /**
     * The core database reference is a gate: health is served only once the core's migrations ran and its
     * resources are coming up, and (on a demo) its demo data is there: "200 from /api/health" means ready.
     */
    @Activate
    public StatusResource(@Reference HubStatus status, @Reference HubSettings settings,
            @Reference(target = "(unionhub.module=core)") org.unionhub.api.db.ModuleDatabase coreDatabase,
            @Reference org.unionhub.core.internal.DemoData demoData) {
        this.status = status;
        this.settings = settings;
    }

    @GET
    @Path("health")
    @PermitAll
    @Returns(java.util.Map.class)
    public Response health() {
        ModuleHealth db = status.database();
        List<ModuleState> modules = status.modules();
        boolean modulesUp = modules.stream().allMatch(m -> ModuleState.ACTIVE.equals(m.state()) && m.health().isUp());
        Map<String, Object> body = new LinkedHashMap<>();
        // a module that is down degrades the hub but keeps it in a load balancer; the database takes it out
        body.put("status", !db.isUp() ? "DOWN" : modulesUp ? "UP" : "DEGRADED");
        body.put("region", Map.of("name", settings.regionName(), "code", settings.regionCode(),
                "zone", settings.zone().getId()));
        body.put("database", db);
        Map<String, Object> mods = new LinkedHashMap<>();
        for (ModuleState m : modules) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("state", m.state());
            one.put("status", m.health().status());
            if (m.detail() != null) {
                one.put("detail", m.detail());
            }
            mods.put(m.id(), one);
        }
        body.put("modules", mods);
        return Response.status(db.isUp() ? 200 : 503).entity(body).build();
    }

    @GET
    @Path("modules")
    @PermitAll
    public List<ModuleState> modules() {
        return status.modules();
    }
}
