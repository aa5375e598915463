package org.unionhub.recuperation.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.recuperation.internal.settle.TripRequest;
import org.unionhub.recuperation.internal.settle.TripRequestBody;
import org.unionhub.recuperation.internal.settle.TripRequests;

/** A member asks his union for a place on a programme; the union's officers see the requests and book them. */
@Component(service = TripRequestResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.recuperation)")
@JSONRequired
@Path("requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TripRequestResource {

    private final TripRequests requests;

    @Activate
    public TripRequestResource(@Reference TripRequests requests) {
        this.requests = requests;
    }

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Returns(value = TripRequest.class, status = 201)
    public Response request(TripRequestBody body, @Context SecurityContext sc, @Context UriInfo uri) {
        TripRequest r = requests.request(Requests.caller(sc), Requests.body(body));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build()).entity(r).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Page<TripRequest> list(@QueryParam("programmeId") Long programmeId, @QueryParam("status") String status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("page") Integer page,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        if (status != null && !status.equals(TripRequest.REQUESTED) && !status.equals(TripRequest.BOOKED)) {
            throw HubException.badRequest("status", "must be REQUESTED or BOOKED");
        }
        return requests.list(Requests.caller(sc), programmeId, status, PageRequest.of(offset, limit, page, cursor, sort));
    }
}
