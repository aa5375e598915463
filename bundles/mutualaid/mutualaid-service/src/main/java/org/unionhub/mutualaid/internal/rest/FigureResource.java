package org.unionhub.mutualaid.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.security.Roles;
import org.unionhub.mutualaid.internal.Figures;
import org.unionhub.mutualaid.internal.FundService;

/** Aggregated figures (no personal data): enrolled members, contributions, claims by status, payouts. */
@Component(service = FigureResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.mutualaid)")
@JSONRequired
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
public class FigureResource {

    private final FundService funds;

    @Activate
    public FigureResource(@Reference FundService funds) {
        this.funds = funds;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Figures figures(@QueryParam("planId") Long planId) {
        return funds.figures(planId);
    }
}
