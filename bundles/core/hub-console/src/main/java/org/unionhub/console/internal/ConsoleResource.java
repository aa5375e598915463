package org.unionhub.console.internal;

import java.util.List;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/console/extensions}: the module screens installed right now, for the console's menu. */
@Component(service = ConsoleResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("console")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    public record Extension(String moduleId, String titleZh, String titleEn, String script, Set<String> roles, int order) {
    }

    private final ConsoleRegistry registry;

    @Activate
    public ConsoleResource(@Reference ConsoleRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Path("extensions")
    @PermitAll
    public List<Extension> extensions() {
        return registry.extensions().stream().map(e -> new Extension(e.moduleId(), e.titleZh(), e.titleEn(),
                "/console/modules/" + e.moduleId() + "/" + e.script(), e.roles(), e.order())).toList();
    }
}
