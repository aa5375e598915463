package org.unionhub.fairs.internal.rest;

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
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.fairs.api.Coupon;
import org.unionhub.fairs.api.FairsService;
import org.unionhub.fairs.api.RedeemRequest;

/** Claimed coupons under /api/fairs/coupons: a member's own, and redemption by merchants. */
@Component(service = CouponResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.fairs)")
@JSONRequired
@Path("coupons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouponResource {

    private final FairsService fairs;

    @Activate
    public CouponResource(@Reference FairsService fairs) {
        this.fairs = fairs;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Page<Coupon> list(@QueryParam("memberId") Long memberId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return fairs.coupons(Requests.caller(sc), memberId, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{code}")
    public Coupon get(@PathParam("code") String code, @Context SecurityContext sc) {
        return fairs.coupon(Requests.caller(sc), code);
    }

    /** A merchant (or an officer) redeems a code against an order: once, within validity, at or above the threshold. */
    @POST
    @Path("{code}/redeem")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, "merchant"})
    public Coupon redeem(@PathParam("code") String code, RedeemRequest req, @Context SecurityContext sc) {
        return fairs.redeem(Requests.caller(sc), code, Requests.body(req));
    }
}
