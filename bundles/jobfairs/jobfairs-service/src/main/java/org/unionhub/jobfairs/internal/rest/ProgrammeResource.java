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
import org.unionhub.jobfairs.internal.Review;
import org.unionhub.jobfairs.internal.programmes.Programme;
import org.unionhub.jobfairs.internal.programmes.ProgrammeApplication;
import org.unionhub.jobfairs.internal.programmes.ProgrammeApplicationRequest;
import org.unionhub.jobfairs.internal.programmes.ProgrammeApplicationStatus;
import org.unionhub.jobfairs.internal.programmes.ProgrammeApplications;
import org.unionhub.jobfairs.internal.programmes.ProgrammeKind;
import org.unionhub.jobfairs.internal.programmes.ProgrammeRequest;
import org.unionhub.jobfairs.internal.programmes.Programmes;

/** /api/jobfairs/programmes: study subsidies and skills training, their applications, review and payment. */
@Component(service = ProgrammeResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.jobfairs)")
@JSONRequired
@Path("programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    private final Programmes programmes;
    private final ProgrammeApplications applications;

    @Activate
    public ProgrammeResource(@Reference Programmes programmes, @Reference ProgrammeApplications applications) {
        this.programmes = programmes;
        this.applications = applications;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Programme.class, status = 201)
    public Response create(ProgrammeRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Programme p = programmes.create(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(p.id())).build()).entity(p).build();
    }

    @GET
    @PermitAll
    public Page<Programme> list(@QueryParam("kind") ProgrammeKind kind, @QueryParam("orgId") Long orgId,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("page") Integer page,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        return programmes.list(kind, orgId, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id: \\d+}")
    @PermitAll
    public Programme get(@PathParam("id") long id) {
        return programmes.get(id);
    }

    /** Public: members apply from their account, others with their ID number. */
    @POST
    @Path("{id: \\d+}/applications")
    @PermitAll
    @Returns(value = ProgrammeApplication.class, status = 201)
    public Response apply(@PathParam("id") long id, ProgrammeApplicationRequest req, @Context SecurityContext sc,
            @Context UriInfo uri) {
        ProgrammeApplication a = applications.apply(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getBaseUriBuilder().path("programmes/applications/" + a.id()).build()).entity(a).build();
    }

    @GET
    @Path("{id: \\d+}/applications")
    public Page<ProgrammeApplication> applications(@PathParam("id") long id,
            @QueryParam("status") ProgrammeApplicationStatus status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return applications.list(Requests.caller(sc), id, status, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("applications/{id: \\d+}")
    public ProgrammeApplication application(@PathParam("id") long id, @Context SecurityContext sc) {
        return applications.get(Requests.caller(sc), id);
    }

    @POST
    @Path("applications/{id: \\d+}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public ProgrammeApplication approve(@PathParam("id") long id, Review review, @Context SecurityContext sc) {
        return applications.approve(Requests.caller(sc), id, review);
    }

    @POST
    @Path("applications/{id: \\d+}/return")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public ProgrammeApplication returnToApplicant(@PathParam("id") long id, Review review, @Context SecurityContext sc) {
        return applications.returnToApplicant(Requests.caller(sc), id, review);
    }

    @POST
    @Path("applications/{id: \\d+}/pay")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public ProgrammeApplication pay(@PathParam("id") long id, @Context SecurityContext sc) {
        return applications.pay(Requests.caller(sc), id);
    }
}
