package org.unionhub.fairs.internal.rest;

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
import org.unionhub.api.web.QueryParams;
import org.unionhub.api.web.Requests;
import org.unionhub.fairs.internal.coupons.CouponCampaigns;
import org.unionhub.fairs.internal.coupons.CouponSpend;

/** What coupons cost the union, its sponsors and its members, for the union's report of its spend. */
@Component(service = CouponSpendResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.fairs)")
@JSONRequired
@Path("coupon-spend")
@Produces(MediaType.APPLICATION_JSON)
public class CouponSpendResource {

    private final CouponCampaigns campaigns;

    @Activate
    public CouponSpendResource(@Reference CouponCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public CouponSpend spend(@QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext sc) {
        return campaigns.spend(Requests.caller(sc), QueryParams.date("from", from), QueryParams.date("to", to));
    }
}
