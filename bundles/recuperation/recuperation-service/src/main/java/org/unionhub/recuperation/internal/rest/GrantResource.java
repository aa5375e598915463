package org.unionhub.recuperation.internal.rest;

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
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.recuperation.internal.grant.Grant;
import org.unionhub.recuperation.internal.grant.GrantReport;
import org.unionhub.recuperation.internal.grant.GrantRequest;
import org.unionhub.recuperation.internal.grant.GrantReview;
import org.unionhub.recuperation.internal.grant.Grants;
import org.unionhub.recuperation.internal.settle.PaymentRequest;

/** Grants to private enterprises' own trips: apply, review, pay, report. */
@Component(service = GrantResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.recuperation)")
@JSONRequired
@Path("grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrantResource {

    private static final java.util.Set<String> STATUSES = java.util.Set.of(Grant.APPLIED, Grant.APPROVED, Grant.REJECTED, Grant.PAID,
            Grant.REPORTED);

    private final Grants grants;

    @Activate
    public GrantResource(@Reference Grants grants) {
        this.grants = grants;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Grant.class, status = 201)
    public Response apply(GrantRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Grant g = grants.apply(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(g.id())).build()).entity(g).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Page<Grant> list(@QueryParam("status") String status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        if (status != null && !STATUSES.contains(status)) {
            throw HubException.badRequest("status", "must be one of " + new java.util.TreeSet<>(STATUSES));
        }
        return grants.list(Requests.caller(sc), status, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Grant get(@PathParam("id") long id, @Context SecurityContext sc) {
        return grants.get(Requests.caller(sc), id);
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Grant review(@PathParam("id") long id, GrantReview req, @Context SecurityContext sc) {
        return grants.review(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id}/pay")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Grant pay(@PathParam("id") long id, PaymentRequest req, @Context SecurityContext sc) {
        return grants.pay(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id}/report")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Grant report(@PathParam("id") long id, GrantReport req, @Context SecurityContext sc) {
        return grants.report(Requests.caller(sc), id, Requests.body(req));
    }
}
