package org.unionhub.jobfairs.internal.rest;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
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
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.jobfairs.internal.Livestream;
import org.unionhub.jobfairs.internal.LivestreamRequest;
import org.unionhub.jobfairs.internal.LivestreamService;
import org.unionhub.jobfairs.internal.ViewerCounts;

/** /api/jobfairs/livestreams: one session, its changes and the viewer figures its host posts. */
@Component(service = LivestreamResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.jobfairs)")
@JSONRequired
@Path("livestreams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LivestreamResource {

    private final LivestreamService livestreams;

    @Activate
    public LivestreamResource(@Reference LivestreamService livestreams) {
        this.livestreams = livestreams;
    }

    @GET
    @Path("{id: \\d+}")
    @PermitAll
    public Livestream get(@PathParam("id") long id) {
        return livestreams.get(id);
    }

    @PUT
    @Path("{id: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Livestream update(@PathParam("id") long id, LivestreamRequest req, @Context SecurityContext sc) {
        return livestreams.update(Requests.caller(sc), id, Requests.body(req));
    }

    @PUT
    @Path("{id: \\d+}/viewers")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Livestream viewers(@PathParam("id") long id, ViewerCounts counts, @Context SecurityContext sc) {
        return livestreams.viewers(Requests.caller(sc), id, Requests.body(counts));
    }
}
