package org.unionhub.modelworkers.internal.rest;

import java.io.InputStream;

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
import org.unionhub.api.web.Returns;
import org.unionhub.modelworkers.internal.Attachment;
import org.unionhub.modelworkers.internal.Configured;
import org.unionhub.modelworkers.internal.DecisionRequest;
import org.unionhub.modelworkers.internal.MaterialView;
import org.unionhub.modelworkers.internal.NominationLevels;
import org.unionhub.modelworkers.internal.NominationRequest;
import org.unionhub.modelworkers.internal.NominationState;
import org.unionhub.modelworkers.internal.NominationView;
import org.unionhub.modelworkers.internal.NominationActions;
import org.unionhub.modelworkers.internal.Nominations;
import org.unionhub.modelworkers.internal.QuotaRequest;
import org.unionhub.modelworkers.internal.ReturnRequest;

/** Nominations: drafted and submitted by the nominating union, returned, approved or rejected by reviewers. */
@Component(service = NominationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.modelworkers)")
@JSONRequired
@Path("nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NominationResource {

    private final Nominations nominations;
    private final Configured config;

    @Activate
    public NominationResource(@Reference Nominations nominations, @Reference Configured config) {
        this.nominations = nominations;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = NominationView.class, status = 201)
    public Response create(NominationRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        NominationView n = nominations.create(Requests.caller(sc), Requests.body(req));
        return Response.created(Bodies.location(uri, "nominations/" + n.id())).entity(n).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Nominations.REVIEWER})
    public Page<NominationView> list(@QueryParam("state") NominationState state, @QueryParam("orgId") Long orgId,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return nominations.list(Requests.caller(sc), state, orgId, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Nominations.REVIEWER})
    public NominationView get(@PathParam("id") long id, @Context SecurityContext sc) {
        return nominations.get(Requests.caller(sc), id);
    }

    /** The steps the caller may take on the nomination now: the console offers only these. */
    @GET
    @Path("{id}/actions")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Nominations.REVIEWER})
    public NominationActions.NominationSteps actions(@PathParam("id") long id, @Context SecurityContext sc) {
        return nominations.actions(Requests.caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public NominationView update(@PathParam("id") long id, NominationRequest req, @Context SecurityContext sc) {
        return nominations.update(Requests.caller(sc), id, Requests.body(req));
    }

    /** The raw file as the body (PDF, PNG or JPEG, told by its content); {@code fileName} is kept for downloads. */
    @PUT
    @Path("{id}/materials/{item}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public MaterialView upload(@PathParam("id") long id, @PathParam("item") String item, @QueryParam("fileName") String fileName,
            InputStream body, @Context SecurityContext sc) {
        byte[] content = Bodies.read(body, config.get().materialMaxBytes());
        return nominations.putMaterial(Requests.caller(sc), id, item, fileName, content);
    }

    @GET
    @Path("{id}/materials/{item}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Nominations.REVIEWER})
    @Returns(value = byte[].class, mediaTypes = {"application/pdf", "image/jpeg", "image/png", "application/octet-stream"})
    public Response download(@PathParam("id") long id, @PathParam("item") String item, @Context SecurityContext sc) {
        Attachment a = nominations.material(Requests.caller(sc), id, item);
        String name = a.fileName() == null ? item : a.fileName().replaceAll("[\"\\\\\\r\\n]", "_");
        return Response.ok(a.content(), a.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public NominationView submit(@PathParam("id") long id, @Context SecurityContext sc) {
        return nominations.submit(Requests.caller(sc), id);
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({Roles.ADMIN, Nominations.REVIEWER})
    public NominationView returnForCorrection(@PathParam("id") long id, ReturnRequest req, @Context SecurityContext sc) {
        return nominations.returnForCorrection(Requests.caller(sc), id, Requests.body(req));
    }

    /** The reviewer of the level that holds the nomination recommends it to the union above. */
    @POST
    @Path("{id}/forward")
    @RolesAllowed({Roles.ADMIN, Nominations.REVIEWER})
    public NominationView forward(@PathParam("id") long id, @Context SecurityContext sc) {
        return nominations.forward(Requests.caller(sc), id);
    }

    @GET
    @Path("quotas/{orgId}/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Nominations.REVIEWER})
    public NominationLevels.Quota quota(@PathParam("orgId") long orgId, @PathParam("year") int year, @Context SecurityContext sc) {
        return nominations.quota(Requests.caller(sc), orgId, year);
    }

    /** The region sets a unit's yearly quota of recommendations ({@code quota} null: no limit). */
    @PUT
    @Path("quotas/{orgId}/{year}")
    @RolesAllowed(Roles.ADMIN)
    public NominationLevels.Quota setQuota(@PathParam("orgId") long orgId, @PathParam("year") int year, QuotaRequest req,
            @Context SecurityContext sc) {
        return nominations.setQuota(Requests.caller(sc), orgId, year, Requests.body(req));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.ADMIN, Nominations.REVIEWER})
    public NominationView approve(@PathParam("id") long id, DecisionRequest req, @Context SecurityContext sc) {
        return nominations.approve(Requests.caller(sc), id, req == null ? new DecisionRequest(null, null, null) : req);
    }

    /** The conferring body conferred the title of a nomination the region recommended upward. */
    @POST
    @Path("{id}/confer")
    @RolesAllowed(Roles.ADMIN)
    public NominationView confer(@PathParam("id") long id, DecisionRequest req, @Context SecurityContext sc) {
        return nominations.confer(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({Roles.ADMIN, Nominations.REVIEWER})
    public NominationView reject(@PathParam("id") long id, DecisionRequest req, @Context SecurityContext sc) {
        return nominations.reject(Requests.caller(sc), id, Requests.body(req));
    }
}
