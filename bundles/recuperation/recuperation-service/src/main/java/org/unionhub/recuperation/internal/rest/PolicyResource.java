package org.unionhub.recuperation.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
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
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.recuperation.internal.Bookings;
import org.unionhub.recuperation.internal.BudgetLine;
import org.unionhub.recuperation.internal.Figures;
import org.unionhub.recuperation.internal.Policies;

/** The installed subsidy policy, the budgets policies pay from, and the figures. */
@Component(service = PolicyResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.recuperation)")
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final Policies policies;
    private final Bookings bookings;
    private final Figures figures;

    @Activate
    public PolicyResource(@Reference Policies policies, @Reference Bookings bookings, @Reference Figures figures) {
        this.policies = policies;
        this.bookings = bookings;
        this.figures = figures;
    }

    /** {@code policies}: every installed policy (normally one); {@code problem}: why bookings are refused, if they are. */
    @GET
    @Path("policy")
    public Map<String, Object> policy() {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, String>> installed = policies.snapshot().stream()
                .map(p -> Map.of("id", p.id(), "version", p.version())).toList();
        body.put("policies", installed);
        body.put("policyId", installed.size() == 1 ? installed.get(0).get("id") : null);
        body.put("problem", policies.problem());
        return body;
    }

    @GET
    @Path("budgets")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public List<BudgetLine> budgets() {
        return bookings.budgets();
    }

    @GET
    @Path("figures")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Figures.Report figures(@QueryParam("year") Integer year, @Context SecurityContext sc) {
        return figures.report(Requests.caller(sc), year);
    }
}
