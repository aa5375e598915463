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
import javax.ws.rs.core.SecurityContext;

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
import org.unionhub.recuperation.internal.settle.PaymentRequest;
import org.unionhub.recuperation.internal.settle.ReviewRequest;
import org.unionhub.recuperation.internal.settle.Settlement;
import org.unionhub.recuperation.internal.settle.Settlements;

/** Settlements of trips: a union above the organiser reviews and pays them. */
@Component(service = SettlementResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.recuperation)")
@JSONRequired
@Path("settlements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettlementResource {

    private static final java.util.Set<String> STATUSES = java.util.Set.of(Settlement.FILED, Settlement.APPROVED,
            Settlement.REJECTED, Settlement.PAID);

    private final Settlements settlements;

    @Activate
    public SettlementResource(@Reference Settlements settlements) {
        this.settlements = settlements;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Page<Settlement> list(@QueryParam("status") String status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        if (status != null && !STATUSES.contains(status)) {
            throw HubException.badRequest("status", "must be one of " + new java.util.TreeSet<>(STATUSES));
        }
        return settlements.list(Requests.caller(sc), status, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Settlement get(@PathParam("id") long id, @Context SecurityContext sc) {
        return settlements.get(Requests.caller(sc), id);
    }

    /** {@code {"approve": true}} or {@code {"approve": false, "note": "…"}}; approval gives the budget back what was not settled. */
    @POST
    @Path("{id}/review")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Settlement review(@PathParam("id") long id, ReviewRequest req, @Context SecurityContext sc) {
        return settlements.review(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id}/pay")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Settlement pay(@PathParam("id") long id, PaymentRequest req, @Context SecurityContext sc) {
        return settlements.pay(Requests.caller(sc), id, Requests.body(req));
    }
}
