package org.unionhub.core.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubException;
import org.unionhub.api.HubStatus;
import org.unionhub.api.ModuleState;
import org.unionhub.api.Validation;
import org.unionhub.api.admin.ModuleAdmin;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** {@code /api/admin/modules}: what ships, what runs, and enable / disable / swap, for admins. */
@Component(service = AdminModulesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("admin/modules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminModulesResource {

    /** {@code action}: enable, disable, swap, update or apply; {@code spec} only for apply, {@code version} only for update. */
    public record ModuleAction(@Required @MaxLength(100) String action, @MaxLength(100) String module,
            @MaxLength(100) String policy, Boolean force, @MaxLength(1000) String spec,
            @MaxLength(100) String version) {
    }

    public record AdminModule(String id, String feature, String version, boolean enabled, String state,
            List<String> policies, String activePolicy, List<String> requires) {
    }

    public record AdminModules(String chosen, List<AdminModule> modules) {
    }

    private static final String MODULE_ID = "[a-z][a-z0-9_-]*";

    private final Logger logger = LoggerFactory.getLogger(AdminModulesResource.class);
    private final ModuleAdmin admin;
    private final HubStatus status;

    @Activate
    public AdminModulesResource(@Reference ModuleAdmin admin, @Reference HubStatus status) {
        this.admin = admin;
        this.status = status;
    }

    @GET
    public AdminModules list() {
        Map<String, ModuleState> states = status.modules().stream()
                .collect(Collectors.toMap(ModuleState::id, Function.identity(), (a, b) -> a));
        List<AdminModule> out = new ArrayList<>();
        for (ModuleAdmin.ShippedModule m : admin.shipped()) {
            ModuleState s = states.get(m.id());
            String state = s != null ? s.state() : m.enabled() ? ModuleState.STARTING : "DISABLED";
            out.add(new AdminModule(m.id(), m.feature(), m.version(), m.enabled(), state, m.policies(), m.activePolicy(),
                    m.requires()));
        }
        return new AdminModules(admin.chosen(), out);
    }

    @GET
    @Path("{id}/impact")
    public ModuleAdmin.Impact impact(@PathParam("id") String id) {
        return admin.impact(id);
    }

    @POST
    public ModuleAdmin.ModuleChange change(ModuleAction req, @Context SecurityContext sc) {
        ModuleAction a = Requests.body(req);
        Validation v = new Validation();
        v.required("action", a.action());
        v.valid("action", a.action(), x -> List.of("enable", "disable", "swap", "update", "apply").contains(x),
                "must be enable, disable, swap, update or apply");
        v.check(!"apply".equals(a.action()) || a.spec() != null, "spec", "is required for apply");
        v.check("apply".equals(a.action()) || a.module() != null && !a.module().isBlank(), "module", "is required");
        v.check(!"swap".equals(a.action()) || a.policy() != null && !a.policy().isBlank(), "policy",
                "is required for swap");
        // a blank or odd id would be written into the chosen module set as it is
        v.valid("module", a.module(), x -> x.isBlank() || x.matches(MODULE_ID), "must be a module id such as fairs");
        v.valid("policy", a.policy(), x -> x.isBlank() || x.matches(MODULE_ID), "must be a policy id such as zhejiang");
        v.throwIfInvalid();
        logger.info("{} asks to {} {}", Requests.caller(sc).username(), a.action(),
                a.spec() != null ? a.spec() : a.module() + (a.policy() == null ? "" : ":" + a.policy()));
        return switch (a.action()) {
            case "enable" -> admin.enable(a.module(), a.policy());
            case "disable" -> admin.disable(a.module(), Boolean.TRUE.equals(a.force()));
            case "swap" -> admin.swap(a.module(), a.policy());
            case "update" -> admin.update(a.module(), a.version());
            case "apply" -> admin.apply(a.spec());
            default -> throw HubException.invalid("action", "unknown");
        };
    }
}
