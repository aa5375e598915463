package org.unionhub.fairs.internal.rest;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.QueryParams;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.fairs.api.Application;
import org.unionhub.fairs.internal.ApplicationActions;
import org.unionhub.fairs.internal.ApplicationAction;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.ApplicationStatus;
import org.unionhub.fairs.api.Fair;
import org.unionhub.fairs.api.FairFilter;
import org.unionhub.fairs.api.FairRequest;
import org.unionhub.fairs.api.FairState;
import org.unionhub.fairs.api.FairStats;
import org.unionhub.fairs.api.FairsService;
import org.unionhub.fairs.api.FairsSummary;
import org.unionhub.fairs.api.Sale;
import org.unionhub.fairs.api.SaleRequest;
import org.unionhub.fairs.api.VisitRequest;
import org.unionhub.fairs.api.VisitSlot;

/** Fairs, stall applications and figures under /api/fairs. Reads of fairs and applying are open to anyone. */
@Component(service = FairResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.fairs)")
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FairResource {

    static final String TOKEN_HEADER = "X-Withdrawal-Token";

    private final FairsService fairs;
    private final MemberDirectory directory;

    @Activate
    public FairResource(@Reference FairsService fairs, @Reference MemberDirectory directory) {
        this.fairs = fairs;
        this.directory = directory;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Fair.class, status = 201)
    public Response create(FairRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Fair f = fairs.createFair(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(f.id())).build()).entity(f).build();
    }

    @GET
    @PermitAll
    public Page<Fair> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("state") String state, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort,
            @Context SecurityContext sc) {
        return fairs.fairs(Requests.caller(sc), new FairFilter(QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.enumValue("state", state, FairState.class)), PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("summary")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public FairsSummary summary(@QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext sc) {
        return fairs.summary(Requests.caller(sc), QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @GET
    @Path("{id}")
    @PermitAll
    public Fair get(@PathParam("id") long id) {
        return fairs.fair(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Fair update(@PathParam("id") long id, FairRequest req, @Context SecurityContext sc) {
        return fairs.updateFair(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Fair close(@PathParam("id") long id, @Context SecurityContext sc) {
        return fairs.closeFair(Requests.caller(sc), id);
    }

    // ---- stall applications

    @POST
    @Path("{id}/applications")
    @PermitAll
    @Returns(value = Application.class, status = 201)
    public Response apply(@PathParam("id") long id, ApplicationRequest req, @Context SecurityContext sc,
            @Context UriInfo uri) {
        Application a = fairs.apply(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(a.id())).build()).entity(a).build();
    }

    @GET
    @Path("{id}/applications")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Page<Application> applications(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("page") Integer page,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return fairs.applications(Requests.caller(sc), id, QueryParams.enumValue("status", status, ApplicationStatus.class),
                PageRequest.of(offset, limit, page, cursor, sort));
    }

    /** Officers, the signed-in applicant, or anyone holding the token in the X-Withdrawal-Token header. */
    @GET
    @Path("{id}/applications/{applicationId}")
    @PermitAll
    public Application application(@PathParam("id") long id, @PathParam("applicationId") long applicationId,
            @HeaderParam(TOKEN_HEADER) String token, @Context SecurityContext sc) {
        return fairs.application(Requests.caller(sc), id, applicationId, token);
    }

    /** The steps the caller may take on the application now (the same readers as the application itself). */
    @GET
    @Path("{id}/applications/{applicationId}/actions")
    @PermitAll
    public ApplicationActions.StallApplicationSteps applicationActions(@PathParam("id") long id, @PathParam("applicationId") long applicationId,
            @HeaderParam(TOKEN_HEADER) String token, @Context SecurityContext sc) {
        Caller caller = Requests.caller(sc);
        return ApplicationActions.of(caller, fairs.fair(id), fairs.application(caller, id, applicationId, token), directory);
    }

    @POST
    @Path("{id}/applications/{applicationId}/withdraw")
    @PermitAll
    public Application withdraw(@PathParam("id") long id, @PathParam("applicationId") long applicationId,
            ApplicationAction body, @HeaderParam(TOKEN_HEADER) String header, @Context SecurityContext sc) {
        return fairs.withdraw(Requests.caller(sc), id, applicationId, token(body, header));
    }

    @POST
    @Path("{id}/applications/{applicationId}/accept")
    @PermitAll
    public Application accept(@PathParam("id") long id, @PathParam("applicationId") long applicationId,
            ApplicationAction body, @HeaderParam(TOKEN_HEADER) String header, @Context SecurityContext sc) {
        return fairs.accept(Requests.caller(sc), id, applicationId, token(body, header));
    }

    @POST
    @Path("{id}/applications/{applicationId}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Application reject(@PathParam("id") long id, @PathParam("applicationId") long applicationId,
            ApplicationAction body, @Context SecurityContext sc) {
        return fairs.reject(Requests.caller(sc), id, applicationId, body == null ? null : body.reason());
    }

    private static String token(ApplicationAction body, String header) {
        return body != null && body.withdrawalToken() != null ? body.withdrawalToken() : header;
    }

    // ---- figures

    @POST
    @Path("{id}/visits")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = VisitSlot.class, status = 201)
    public Response visits(@PathParam("id") long id, VisitRequest req, @Context SecurityContext sc) {
        VisitSlot v = fairs.recordVisits(Requests.caller(sc), id, Requests.body(req));
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    @POST
    @Path("{id}/sales")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Sale.class, status = 201)
    public Response sales(@PathParam("id") long id, SaleRequest req, @Context SecurityContext sc) {
        Sale s = fairs.recordSale(Requests.caller(sc), id, Requests.body(req));
        return Response.status(Response.Status.CREATED).entity(s).build();
    }

    @GET
    @Path("{id}/stats")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public FairStats stats(@PathParam("id") long id, @Context SecurityContext sc) {
        return fairs.stats(Requests.caller(sc), id);
    }
}
