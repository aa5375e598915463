package org.unionhub.modelworkers.internal.rest;

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
import org.unionhub.modelworkers.internal.Activities;
import org.unionhub.modelworkers.internal.ActivityRequest;
import org.unionhub.modelworkers.internal.ActivityTotals;
import org.unionhub.modelworkers.internal.ActivityView;
import org.unionhub.modelworkers.internal.VisitRequest;
import org.unionhub.modelworkers.internal.VisitView;

/** Model workers' service sessions (劳模助企行) and the unions' condolence visits (走访慰问). */
@Component(service = ActivityResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.modelworkers)")
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
public class ActivityResource {

    private final Activities activities;

    @Activate
    public ActivityResource(@Reference Activities activities) {
        this.activities = activities;
    }

    @POST
    @Path("activities")
    @Returns(value = ActivityView.class, status = 201)
    public Response record(ActivityRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        ActivityView a = activities.record(Requests.caller(sc), Requests.body(req));
        return Response.created(Bodies.location(uri, "activities/" + a.id())).entity(a).build();
    }

    @GET
    @Path("activities")
    public Page<ActivityView> activities(@QueryParam("recordId") Long recordId, @QueryParam("orgId") Long orgId,
            @QueryParam("year") Integer year, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort,
            @Context SecurityContext sc) {
        return activities.activities(Requests.caller(sc), recordId, orgId, year, PageRequest.of(offset, limit, page, cursor, sort));
    }

    /** The year's sessions, enterprises, model workers, hours and workers reached in the caller's part of the tree. */
    @GET
    @Path("activities/totals")
    public ActivityTotals totals(@QueryParam("year") Integer year, @QueryParam("orgId") Long orgId, @Context SecurityContext sc) {
        if (year == null) {
            throw HubException.badRequest("year", "is required");
        }
        return activities.totals(Requests.caller(sc), year, orgId);
    }

    @POST
    @Path("visits")
    @Returns(value = VisitView.class, status = 201)
    public Response visit(VisitRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        VisitView v = activities.visit(Requests.caller(sc), Requests.body(req));
        return Response.created(Bodies.location(uri, "visits/" + v.id())).entity(v).build();
    }

    @GET
    @Path("visits")
    public Page<VisitView> visits(@QueryParam("recordId") Long recordId, @QueryParam("orgId") Long orgId,
            @QueryParam("year") Integer year, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort,
            @Context SecurityContext sc) {
        return activities.visits(Requests.caller(sc), recordId, orgId, year, PageRequest.of(offset, limit, page, cursor, sort));
    }
}
