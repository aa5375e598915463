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
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.fairs.api.ClaimRequest;
import org.unionhub.fairs.api.Coupon;
import org.unionhub.fairs.api.CouponBatch;
import org.unionhub.fairs.api.CouponBatchRequest;
import org.unionhub.fairs.api.FairsService;

/** Coupon batches and claims under /api/fairs/coupon-batches. */
@Component(service = CouponBatchResource.class)
@JaxrsResource
@JSONRequired
@Path("fairs/coupon-batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouponBatchResource {

    private final FairsService fairs;

    @Activate
    public CouponBatchResource(@Reference FairsService fairs) {
        this.fairs = fairs;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Response create(CouponBatchRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        CouponBatch b = fairs.createBatch(Requests.caller(sc), Params.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(b.id())).build()).entity(b).build();
    }

    @GET
    @PermitAll
    public Page<CouponBatch> list(@QueryParam("fairId") Long fairId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return fairs.batches(fairId, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    @PermitAll
    public CouponBatch get(@PathParam("id") long id) {
        return fairs.batch(id);
    }

    /** A member claims for himself; an officer sends {"memberId": …}. */
    @POST
    @Path("{id}/claims")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Response claim(@PathParam("id") long id, ClaimRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        return claimed(fairs.claim(Requests.caller(sc), id, req == null ? null : req.memberId()), uri);
    }

    /** The same without a JSON body (a bare POST, as a phone sends it); an officer may pass ?memberId=. */
    @POST
    @Path("{id}/claims")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Response claimWithoutBody(@PathParam("id") long id, @QueryParam("memberId") Long memberId,
            @Context SecurityContext sc, @Context UriInfo uri) {
        return claimed(fairs.claim(Requests.caller(sc), id, memberId), uri);
    }

    private static Response claimed(Coupon c, UriInfo uri) {
        UriBuilder location = uri.getBaseUriBuilder().path("fairs").path("coupons").path(c.code());
        return Response.created(location.build()).entity(c).build();
    }
}
