package org.unionhub.jobfairs.internal.rest;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.jobfairs.internal.Application;
import org.unionhub.jobfairs.internal.ApplicationRequest;
import org.unionhub.jobfairs.internal.ApplicationService;
import org.unionhub.jobfairs.internal.Position;
import org.unionhub.jobfairs.internal.PositionRequest;
import org.unionhub.jobfairs.internal.PositionService;

/** /api/jobfairs/positions: one position, its changes, and applying to it. */
@Component(service = PositionResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.jobfairs)")
@JSONRequired
@Path("positions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PositionResource {

    private final PositionService positions;
    private final ApplicationService applications;

    @Activate
    public PositionResource(@Reference PositionService positions, @Reference ApplicationService applications) {
        this.positions = positions;
        this.applications = applications;
    }

    @GET
    @Path("{id: \\d+}")
    @PermitAll
    public Position get(@PathParam("id") long id) {
        return positions.get(id);
    }

    @PUT
    @Path("{id: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, "employer"})
    public Position update(@PathParam("id") long id, PositionRequest req, @Context SecurityContext sc) {
        return positions.update(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id: \\d+}/applications")
    @RolesAllowed(Roles.MEMBER)
    @Returns(value = Application.class, status = 201)
    public Response apply(@PathParam("id") long id, ApplicationRequest req, @Context SecurityContext sc,
            @Context UriInfo uri) {
        Application a = applications.apply(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getBaseUriBuilder().path("applications/" + a.id()).build()).entity(a).build();
    }
}
