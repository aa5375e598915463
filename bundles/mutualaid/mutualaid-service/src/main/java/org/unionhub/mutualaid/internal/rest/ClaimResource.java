package org.unionhub.mutualaid.internal.rest;

import java.io.InputStream;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
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
import org.unionhub.mutualaid.internal.Descriptor;
import org.unionhub.api.web.Returns;
import org.unionhub.mutualaid.internal.Attachment;
import org.unionhub.mutualaid.internal.Claim;
import org.unionhub.mutualaid.internal.ClaimRequest;
import org.unionhub.mutualaid.internal.ClaimStatus;
import org.unionhub.mutualaid.internal.Decision;
import org.unionhub.mutualaid.internal.SampleRequest;
import org.unionhub.mutualaid.internal.SampleResult;
import org.unionhub.mutualaid.internal.ClaimActions;
import org.unionhub.mutualaid.internal.ClaimApprovals;
import org.unionhub.mutualaid.internal.ClaimService;
import org.unionhub.mutualaid.internal.ClaimSubmissions;

/** Claims, their review steps and documents. Every read of a claim is audited by the service. */
@Component(service = ClaimResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.mutualaid)")
@JSONRequired
@Path("claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimResource {

    private final ClaimService claims;
    private final ClaimActions actions;
    private final ClaimSubmissions submissions;
    private final ClaimApprovals approvals;

    @Activate
    public ClaimResource(@Reference ClaimService claims, @Reference ClaimActions actions,
            @Reference ClaimSubmissions submissions, @Reference ClaimApprovals approvals) {
        this.claims = claims;
        this.actions = actions;
        this.submissions = submissions;
        this.approvals = approvals;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    @Returns(value = Claim.class, status = 201)
    public Response submit(ClaimRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Claim c = submissions.submit(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(c.id())).build()).entity(c).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Page<Claim> list(@QueryParam("planId") Long planId, @QueryParam("status") ClaimStatus status,
            @QueryParam("memberId") Long memberId, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort,
            @Context SecurityContext sc) {
        return claims.list(Requests.caller(sc), planId, status, memberId, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Claim get(@PathParam("id") long id, @Context SecurityContext sc) {
        return claims.get(Requests.caller(sc), id);
    }

    /** What approving now would pay, with the breakdown; computed, not stored. */
    @GET
    @Path("{id}/payout-preview")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public org.unionhub.mutualaid.internal.Breakdown preview(@PathParam("id") long id, @Context SecurityContext sc) {
        return approvals.preview(Requests.caller(sc), id);
    }

    /** The review steps the caller may take on the claim now (the console shows only these). */
    @GET
    @Path("{id}/actions")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public ClaimActions.View actions(@PathParam("id") long id, @Context SecurityContext sc) {
        return actions.of(Requests.caller(sc), id);
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed({Roles.ADMIN, Descriptor.CLAIMS_REVIEWER})
    public Claim review(@PathParam("id") long id, Decision d, @Context SecurityContext sc) {
        return claims.review(Requests.caller(sc), id, d);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.ADMIN, Descriptor.CLAIMS_APPROVER})
    public Claim approve(@PathParam("id") long id, Decision d, @Context SecurityContext sc) {
        return approvals.approve(Requests.caller(sc), id, d);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({Roles.ADMIN, Descriptor.CLAIMS_REVIEWER, Descriptor.CLAIMS_APPROVER})
    public Claim reject(@PathParam("id") long id, Decision d, @Context SecurityContext sc) {
        return claims.reject(Requests.caller(sc), id, d);
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({Roles.ADMIN, Descriptor.CLAIMS_REVIEWER})
    public Claim returnForDocuments(@PathParam("id") long id, Decision d, @Context SecurityContext sc) {
        return claims.returnForDocuments(Requests.caller(sc), id, d);
    }

    @POST
    @Path("{id}/pay")
    @RolesAllowed({Roles.ADMIN, Descriptor.FUND_PAYER})
    public Claim pay(@PathParam("id") long id, @Context SecurityContext sc) {
        return claims.pay(Requests.caller(sc), id);
    }

    @POST
    @Path("{id}/resubmit")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Claim resubmit(@PathParam("id") long id, Decision d, @Context SecurityContext sc) {
        return claims.resubmit(Requests.caller(sc), id, d);
    }

    @POST
    @Path("{id}/second-review")
    @RolesAllowed({Roles.ADMIN, Descriptor.CLAIMS_REVIEWER})
    public Claim secondReview(@PathParam("id") long id, Decision d, @Context SecurityContext sc) {
        return claims.confirmSecondReview(Requests.caller(sc), id, d);
    }

    @POST
    @Path("sample")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public SampleResult sample(SampleRequest req, @Context SecurityContext sc) {
        return claims.sample(Requests.caller(sc), Requests.body(req));
    }

    /** The raw document as the body (PDF, JPEG or PNG, recognised by its first bytes), {@code ?kind=INVOICE}. */
    @POST
    @Path("{id}/attachments")
    @Consumes({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    @Returns(value = Attachment.class, status = 201)
    public Response upload(@PathParam("id") long id, @QueryParam("kind") String kind, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context SecurityContext sc,
            @Context UriInfo uri) {
        Attachment a = claims.upload(Requests.caller(sc), id, kind, fileName, contentType, body);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(a.id())).build()).entity(a)
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    @Returns(byte[].class)
    public Response download(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId,
            @Context SecurityContext sc) {
        ClaimService.Content c = claims.download(Requests.caller(sc), id, attachmentId);
        Response.ResponseBuilder r = Response.ok(c.bytes(), c.contentType());
        // always a download, never shown inline: a crafted upload must not run as a page of the hub's origin
        String name = c.fileName() == null ? "attachment-" + attachmentId : c.fileName().replaceAll("[\"\\\\\\r\\n]", "_");
        r.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        r.header("X-Content-Type-Options", "nosniff");
        return r.build();
    }
}
