package org.unionhub.core.internal.modules;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Tells {@link RequestGate} how a 404 came about: whether the request reached the JAX-RS application at
 * all, and whether no resource matched its path (the body is then still unread, so it may be sent again).
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("unionhub.routemarks")
@PreMatching
@Priority(1)
public class RouteMarks implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ENTERED = "unionhub.jaxrs.entered";
    static final String NO_ROUTE = "unionhub.jaxrs.noRoute";

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        servletRequest.setAttribute(ENTERED, Boolean.TRUE);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 404 && request.getUriInfo().getMatchedResources().isEmpty()) {
            servletRequest.setAttribute(NO_ROUTE, Boolean.TRUE);
        }
    }
}
