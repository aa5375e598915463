package org.example.stations.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.example.stations.api.Review;
import org.example.stations.api.ReviewRequest;
import org.example.stations.api.StationsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;

/** The red/yellow-card review of stations over a period, run by officers. */
@Component(service = ReviewResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.stations)")
@JSONRequired
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
public class ReviewResource {

    private final StationsService stations;

    @Activate
    public ReviewResource(@Reference StationsService stations) {
        this.stations = stations;
    }

    @POST
    public Response run(ReviewRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Review r = stations.review(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build()).entity(r).build();
    }

    @GET
    @Path("{id}")
    public Review get(@PathParam("id") long id, @Context SecurityContext sc) {
        return stations.reviewById(Requests.caller(sc), id);
    }
}
