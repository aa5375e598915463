package org.unionhub.mutualaid.internal.rest;

import java.util.List;

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
import org.unionhub.mutualaid.internal.BulkReport;
import org.unionhub.mutualaid.api.Enrolment;
import org.unionhub.mutualaid.internal.EnrolmentRequest;
import org.unionhub.mutualaid.api.Fund;
import org.unionhub.mutualaid.internal.LedgerEntry;
import org.unionhub.mutualaid.internal.LedgerKind;
import org.unionhub.mutualaid.internal.Plan;
import org.unionhub.mutualaid.internal.PlanRequest;
import org.unionhub.mutualaid.internal.PlanRules;
import org.unionhub.mutualaid.internal.EnrolmentService;
import org.unionhub.mutualaid.internal.FundService;
import org.unionhub.mutualaid.internal.PlanService;

/** Plans, their versions, enrolments (one, or a list as JSON or CSV) and the plan's fund. */
@Component(service = PlanResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.mutualaid)")
@JSONRequired
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService plans;
    private final EnrolmentService enrolments;
    private final FundService funds;

    @Activate
    public PlanResource(@Reference PlanService plans, @Reference EnrolmentService enrolments, @Reference FundService funds) {
        this.plans = plans;
        this.enrolments = enrolments;
        this.funds = funds;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Returns(value = Plan.class, status = 201)
    public Response create(PlanRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Plan p = plans.create(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(p.id())).build()).entity(p).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public List<Plan> list() {
        return plans.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Plan get(@PathParam("id") long id) {
        return plans.get(id);
    }

    /** Rewrites a plan nobody has enrolled in; once in use, post a new version instead. */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Plan update(@PathParam("id") long id, PlanRequest req, @Context SecurityContext sc) {
        return plans.update(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id}/versions")
    @RolesAllowed(Roles.ADMIN)
    @Returns(value = Plan.class, status = 201)
    public Response addVersion(@PathParam("id") long id, PlanRules rules, @Context SecurityContext sc, @Context UriInfo uri) {
        Plan p = plans.addVersion(Requests.caller(sc), id, Requests.body(rules));
        return Response.created(uri.getBaseUriBuilder().path("plans").path(Long.toString(id)).build()).entity(p)
                .build();
    }

    @POST
    @Path("{id}/enrolments")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    @Returns(value = Enrolment.class, status = 201)
    public Response enrol(@PathParam("id") long id, EnrolmentRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Enrolment e = enrolments.enrol(Requests.caller(sc), id, req == null ? new EnrolmentRequest(null, null, null, null, null) : req);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(e.id())).build()).entity(e).build();
    }

    @GET
    @Path("{id}/enrolments")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Page<Enrolment> enrolments(@PathParam("id") long id, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return enrolments.list(Requests.caller(sc), id, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @POST
    @Path("{id}/enrolments/bulk")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public BulkReport bulk(@PathParam("id") long id, List<EnrolmentRequest> rows, @Context SecurityContext sc) {
        return enrolments.bulk(Requests.caller(sc), id, Requests.body(rows));
    }

    /** A CSV file: a header naming memberId and/or cardNumber (and optionally enrolledOn), then one member a line. */
    @POST
    @Path("{id}/enrolments/bulk")
    @Consumes("text/csv")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public BulkReport bulkCsv(@PathParam("id") long id, String csv, @Context SecurityContext sc) {
        return enrolments.bulkCsv(Requests.caller(sc), id, csv);
    }

    @GET
    @Path("{id}/fund")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Fund fund(@PathParam("id") long id) {
        return funds.fund(id);
    }

    @GET
    @Path("{id}/ledger")
    @RolesAllowed(Roles.ADMIN)
    public Page<LedgerEntry> ledger(@PathParam("id") long id, @QueryParam("kind") LedgerKind kind,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("page") Integer page,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        return funds.entries(id, kind, PageRequest.of(offset, limit, page, cursor, sort));
    }
}
