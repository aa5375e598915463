package org.unionhub.web.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Closes the whiteboard's default application. It lives at a base of its own ({@code /api/.default}, see the
 * {@code unionhub-rest} feature) so that no hub application shares its servlet context path: Pax Web, removing one
 * of two contexts on the same path while the other's servlet was being registered, lost that servlet, and a fresh
 * hub answered {@code /api/health} with 404 for good. A resource that selects no application lands here, without
 * the hub's authentication; this filter answers every such request 404 and says why, so it is never served.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect("(osgi.jaxrs.name=.default)")
@JaxrsName("unionhub.unselected")
@PreMatching
public class UnselectedResources implements ContainerRequestFilter {

    static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":"
            + "\"a resource that selects no hub application is not served; select (osgi.jaxrs.name=unionhub.<module>)\"}";

    @Override
    public void filter(ContainerRequestContext request) {
        request.abortWith(Response.status(404).type(Problem.MEDIA_TYPE).entity(BODY).build());
    }
}
