package org.unionhub.fairs.internal.rest;

import javax.annotation.security.PermitAll;
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
import javax.ws.rs.core.UriBuilder;
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
import org.unionhub.fairs.api.Coupon;
import org.unionhub.fairs.api.CouponBatch;
import org.unionhub.fairs.api.FairsService;
import org.unionhub.fairs.internal.coupons.CouponBatchRequest;
import org.unionhub.fairs.internal.coupons.BatchTerms;
import org.unionhub.fairs.internal.coupons.CouponCampaigns;

/** Coupon batches and claims under /api/fairs/coupon-batches. */
@Component(service = CouponBatchResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.fairs)")
@JSONRequired
@Path("coupon-batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouponBatchResource {

    private final FairsService fairs;
    private final CouponCampaigns campaigns;

    @Activate
    public CouponBatchResource(@Reference FairsService fairs, @Reference CouponCampaigns campaigns) {
        this.fairs = fairs;
        this.campaigns = campaigns;
    }

    /** A batch; with {@code months}, a monthly series of batches (201 with the first). Terms: see {@link CouponBatchRequest}. */
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = CouponBatch.class, status = 201)
    public Response create(CouponBatchRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        CouponBatch b = campaigns.create(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(b.id())).build()).entity(b).build();
    }

    @GET
    @PermitAll
    public Page<CouponBatch> list(@QueryParam("fairId") Long fairId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return fairs.batches(fairId, PageRequest.of(offset, limit, page, cursor, sort)).map(b -> shown(b, sc));
    }

    @GET
    @Path("{id}")
    @PermitAll
    public CouponBatch get(@PathParam("id") long id, @Context SecurityContext sc) {
        return shown(fairs.batch(id), sc);
    }

    /** Rate and cap, the group it is for, release time, monthly series, sponsor and split. */
    @GET
    @Path("{id}/terms")
    @PermitAll
    public BatchTerms terms(@PathParam("id") long id) {
        return campaigns.terms(id);
    }

    /** The merchant a batch is bound to is for staff and merchants; the public listing leaves it out. */
    private static CouponBatch shown(CouponBatch b, SecurityContext sc) {
        if (b.merchantCreditCode() == null || Requests.caller(sc).hasAnyRole(Roles.ADMIN, Roles.OFFICER, "merchant")) {
            return b;
        }
        return new CouponBatch(b.id(), b.fairId(), b.orgId(), b.title(), b.kind(), b.threshold(), b.discount(), b.gift(),
                b.quantity(), b.perMemberLimit(), b.validFrom(), b.validTo(), null, b.issued(), b.claimed(), b.remaining(),
                b.redeemed(), b.discountGranted(), b.createdAt());
    }

    /**
     * A member claims for himself with a bare POST (a phone sends no body and no Content-Type); an officer names
     * the member with {"memberId": …} ({@link org.unionhub.fairs.internal.ClaimRequest}, read by {@link ClaimBody}) or
     * ?memberId=, which wins.
     */
    @POST
    @Path("{id}/claims")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    @Returns(value = Coupon.class, status = 201)
    public Response claim(@PathParam("id") long id, @QueryParam("memberId") Long memberId, String body,
            @Context SecurityContext sc, @Context UriInfo uri) {
        Long member = memberId != null ? memberId : ClaimBody.parse(body).memberId();
        return claimed(fairs.claim(Requests.caller(sc), id, member), uri);
    }

    private static Response claimed(Coupon c, UriInfo uri) {
        UriBuilder location = uri.getBaseUriBuilder().path("coupons").path(c.code());
        return Response.created(location.build()).entity(c).build();
    }
}
