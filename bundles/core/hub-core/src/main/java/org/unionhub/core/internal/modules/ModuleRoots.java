package org.unionhub.core.internal.modules;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lets a module's root ({@code GET /api/fairs}, {@code POST /api/fairs}) reach its application. Each module's
 * application has its own servlet context, {@code /api/<root>}, and Pax Web's Jetty answers a request for a
 * context's bare path with a redirect to {@code /api/<root>/}, which would break every client that posts there.
 * Before Jetty picks the context, this request customizer (Pax Web adds every such service to its connectors)
 * hands a module root's request on as {@code /api/<root>/}; the request URI the resources see stays as sent.
 */
@Component(service = HttpConfiguration.Customizer.class)
public class ModuleRoots implements HttpConfiguration.Customizer {

    private final ModuleApplications apps;

    @Activate
    public ModuleRoots(@Reference ModuleApplications apps) {
        this.apps = apps;
    }

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        String path = request.getPathInfo();
        if (path != null && path.startsWith("/api/") && path.indexOf('/', "/api/".length()) < 0
                && apps.moduleAtRoot(path.substring("/api/".length())) != null) {
            request.setPathInfo(path + "/");
        }
    }
}
