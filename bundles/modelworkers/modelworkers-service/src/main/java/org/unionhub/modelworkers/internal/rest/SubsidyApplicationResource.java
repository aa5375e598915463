package org.unionhub.modelworkers.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.modelworkers.internal.NominationActions;
import org.unionhub.modelworkers.internal.SubsidyApplication;
import org.unionhub.modelworkers.internal.SubsidyApplications;
import org.unionhub.modelworkers.internal.SubsidyDecision;
import org.unionhub.modelworkers.internal.SubsidyPayment;
import org.unionhub.modelworkers.internal.SubsidyRequest;
import org.unionhub.modelworkers.internal.SubsidyStatus;

/** Special subsidies applied for, reviewed, then paid; each step by a different person. */
@Component(service = SubsidyApplicationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.modelworkers)")
@JSONRequired
@Path("subsidies/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
public class SubsidyApplicationResource {

    private final SubsidyApplications applications;

    @Activate
    public SubsidyApplicationResource(@Reference SubsidyApplications applications) {
        this.applications = applications;
    }

    @POST
    @Returns(value = SubsidyApplication.class, status = 201)
    public Response apply(SubsidyRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        SubsidyApplication a = applications.apply(Requests.caller(sc), Requests.body(req));
        return Response.created(Bodies.location(uri, "subsidies/applications/" + a.id())).entity(a).build();
    }

    @GET
    public Page<SubsidyApplication> list(@QueryParam("status") SubsidyStatus status, @QueryParam("recordId") Long recordId,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("page") Integer page,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return applications.list(Requests.caller(sc), status, recordId, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    public SubsidyApplication get(@PathParam("id") long id, @Context SecurityContext sc) {
        return applications.get(Requests.caller(sc), id);
    }

    /** The steps the caller may take on the application now: the console offers only these. */
    @GET
    @Path("{id}/actions")
    public NominationActions.SubsidySteps actions(@PathParam("id") long id, @Context SecurityContext sc) {
        return applications.actions(Requests.caller(sc), id);
    }

    @POST
    @Path("{id}/approve")
    public SubsidyApplication approve(@PathParam("id") long id, SubsidyDecision d, @Context SecurityContext sc) {
        return applications.approve(Requests.caller(sc), id, d);
    }

    @POST
    @Path("{id}/reject")
    public SubsidyApplication reject(@PathParam("id") long id, SubsidyDecision d, @Context SecurityContext sc) {
        return applications.reject(Requests.caller(sc), id, d);
    }

    @POST
    @Path("{id}/pay")
    public SubsidyApplication pay(@PathParam("id") long id, SubsidyPayment p, @Context SecurityContext sc) {
        return applications.pay(Requests.caller(sc), id, p);
    }
}
