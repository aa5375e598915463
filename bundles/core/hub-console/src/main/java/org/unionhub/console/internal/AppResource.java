package org.unionhub.console.internal;

import java.util.List;

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

/**
 * {@code /api/app/extensions}: the modules with member screens installed right now, for the member app's 首页. A
 * module takes part by putting {@code app/main.js} in the bundle that registers its {@code ConsoleExtension} (the
 * same service names its title and order), so a module without member screens is simply not listed and the officer
 * console's list ({@code /api/console/extensions}) stays as it was.
 */
@Component(service = AppResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("app")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {

    /** {@code style} is the module's stylesheet, or null when its screens have none. */
    public record AppExtension(String moduleId, String titleZh, String script, String style, int order) {
    }

    private final ConsoleRegistry registry;

    @Activate
    public AppResource(@Reference ConsoleRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Path("extensions")
    @PermitAll
    public List<AppExtension> extensions() {
        return registry.withAppScreens().stream().map(e -> {
            String base = "/m/modules/" + e.extension().moduleId() + "/";
            String style = e.bundle().getEntry("app/main.css") != null ? base + "main.css" : null;
            return new AppExtension(e.extension().moduleId(), e.extension().titleZh(), base + "main.js", style,
                    e.extension().order());
        }).toList();
    }
}
