package org.unionhub.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.Set;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.HubSettings;
import org.unionhub.api.HubStatus;
import org.unionhub.api.ModuleHealth;
import org.unionhub.api.ModuleState;
import org.unionhub.api.web.Returns;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.core.internal.DemoData;
import org.unionhub.core.internal.modules.ModuleApplications;
import org.unionhub.core.internal.modules.RequestGate;

/**
 * {@code /api/health}, {@code /api/health/ready}, {@code /api/health/live} and {@code /api/modules}: public, so
 * that load balancers, orchestrators and the console can read them.
 */
@Component(service = StatusResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final HubStatus status;
    private final HubSettings settings;
    private final ModuleApplications apps;
    private final RequestGate gate;

    /** Present once the core's migrations ran. */
    @Reference(target = "(unionhub.module=core)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    volatile ModuleDatabase coreDatabase;

    /** Present once the demo data (on a demo install) is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DemoData demoData;

    @Activate
    public StatusResource(@Reference HubStatus status, @Reference HubSettings settings,
            @Reference ModuleApplications apps, @Reference RequestGate gate) {
        this.status = status;
        this.settings = settings;
        this.apps = apps;
        this.gate = gate;
    }

    /**
     * 200 once the database is migrated and every module of the chosen set ({@code etc/org.unionhub.modules.cfg})
     * serves all its resources, as the whiteboard's runtime reports them; 503 {@code STARTING} (or {@code FAILED},
     * with the module's reason) before. A module being updated in place counts as serving: its requests wait for it.
     * A ready hub whose module reports itself down is {@code DEGRADED} but stays 200.
     */
    @GET
    @Path("health")
    @PermitAll
    @Returns(value = java.util.Map.class, alsoWith = 503) // STARTING or FAILED: the same report
    public Response health() {
        ModuleHealth db = status.database();
        List<ModuleState> modules = status.modules();
        Set<String> expected = gate.expected();
        Set<String> served = apps.servedModules();
        boolean coreReady = coreDatabase != null && demoData != null && expected != null;
        boolean failed = false;
        boolean modulesReady = true;
        Map<String, Object> mods = new LinkedHashMap<>();
        for (ModuleState m : modules) {
            Map<String, Object> one = new LinkedHashMap<>();
            boolean serving = ModuleState.ACTIVE.equals(m.state()) && served.contains(m.id());
            one.put("state", m.state());
            one.put("status", m.health().status());
            one.put("serving", serving);
            if (m.detail() != null) {
                one.put("detail", m.detail());
            }
            mods.put(m.id(), one);
            if (expected != null && expected.contains(m.id()) && !serving && !gate.updating(m.id())) {
                modulesReady = false;
                failed |= ModuleState.FAILED.equals(m.state());
            }
        }
        for (String id : expected == null ? Set.<String>of() : expected) {
            if (!mods.containsKey(id)) {
                modulesReady = false;
                mods.put(id, Map.of("state", ModuleState.STARTING, "status", "DOWN", "serving", false,
                        "detail", "not installed yet"));
            }
        }
        boolean ready = db.isUp() && coreReady && modulesReady;
        boolean modulesUp = modules.stream().allMatch(m -> ModuleState.ACTIVE.equals(m.state()) && m.health().isUp());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !db.isUp() ? "DOWN" : failed ? "FAILED" : !ready ? "STARTING" : modulesUp ? "UP" : "DEGRADED");
        body.put("region", Map.of("name", settings.regionName(), "code", settings.regionCode(),
                "zone", settings.zone().getId()));
        body.put("database", coreDatabase == null && db.isUp() ? ModuleHealth.down("migrating") : db);
        body.put("modules", mods);
        return Response.status(ready ? 200 : 503).entity(body).build();
    }

    /** Readiness for load balancers and orchestrators: the same answer as {@link #health()}. */
    @GET
    @Path("health/ready")
    @PermitAll
    @Returns(value = java.util.Map.class, alsoWith = 503) // STARTING or FAILED: the same report
    public Response ready() {
        return health();
    }

    /** Liveness: the JVM and the web stack answer, whatever the state of the database and the modules. */
    @GET
    @Path("health/live")
    @PermitAll
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @GET
    @Path("modules")
    @PermitAll
    public List<ModuleState> modules() {
        return status.modules();
    }
}
