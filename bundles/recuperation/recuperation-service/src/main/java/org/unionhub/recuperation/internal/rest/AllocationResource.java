package org.unionhub.recuperation.internal.rest;

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
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.HubException;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.recuperation.api.SubsidyDecision.Budget;
import org.unionhub.recuperation.internal.budget.Allocation;
import org.unionhub.recuperation.internal.budget.AllocationRequest;
import org.unionhub.recuperation.internal.budget.Allocations;

/** A year's budgets and their allocation to cities and districts, by the region's administrator. */
@Component(service = AllocationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.recuperation)")
@JSONRequired
@Path("allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AllocationResource {

    private final Allocations allocations;

    @Activate
    public AllocationResource(@Reference Allocations allocations) {
        this.allocations = allocations;
    }

    /** Opens a year: the installed policy's budgets of that year appear in the ledger (and /budgets) before any booking. */
    @POST
    @Path("years/{year}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public List<Budget> openYear(@PathParam("year") int year, @Context SecurityContext sc) {
        if (year < 2000 || year > 2200) {
            throw HubException.badRequest("year", "must lie between 2000 and 2200");
        }
        return allocations.openYear(Requests.caller(sc), year);
    }

    /** Sets one city's or district's share of a budget. */
    @PUT
    @RolesAllowed(Roles.ADMIN)
    public Allocation allocate(AllocationRequest req, @Context SecurityContext sc) {
        return allocations.allocate(Requests.caller(sc), Requests.body(req));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public List<Allocation> list(@QueryParam("budgetKey") String budgetKey, @Context SecurityContext sc) {
        return allocations.list(Requests.caller(sc), budgetKey);
    }
}
