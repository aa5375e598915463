package org.unionhub.modelworkers.internal.rest;

import java.nio.charset.StandardCharsets;
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
import org.unionhub.modelworkers.internal.RecordStatus;
import org.unionhub.modelworkers.internal.Archive;
import org.unionhub.modelworkers.internal.Configured;
import org.unionhub.modelworkers.internal.Counts;
import org.unionhub.modelworkers.internal.HistoryEntry;
import org.unionhub.modelworkers.internal.ImportReport;
import org.unionhub.modelworkers.internal.RecordFilter;
import org.unionhub.modelworkers.internal.RecordRequest;
import org.unionhub.modelworkers.internal.RecordUpdate;
import org.unionhub.modelworkers.internal.RecordView;
import org.unionhub.modelworkers.internal.StatusChange;
import org.unionhub.modelworkers.internal.Subsidies;
import org.unionhub.modelworkers.internal.SurveyRequest;
import org.unionhub.modelworkers.internal.SurveyView;
import org.unionhub.modelworkers.internal.TitleRequest;

/** The archive: records, titles, status and its history, search, counts, CSV export and import, surveys. */
@Component(service = RecordResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.modelworkers)")
@JSONRequired
@Path("records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
public class RecordResource {

    private final Archive archive;
    private final Subsidies subsidies;
    private final Configured config;

    @Activate
    public RecordResource(@Reference Archive archive, @Reference Subsidies subsidies, @Reference Configured config) {
        this.archive = archive;
        this.subsidies = subsidies;
        this.config = config;
    }

    @POST
    @Returns(value = RecordView.class, status = 201)
    public Response create(RecordRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        RecordView r = archive.create(Requests.caller(sc), Requests.body(req));
        return Response.created(Bodies.location(uri, "records/" + r.id())).entity(r).build();
    }

    @GET
    public Page<RecordView> search(@QueryParam("name") String name, @QueryParam("title") String title,
            @QueryParam("year") Integer year, @QueryParam("status") RecordStatus status, @QueryParam("orgId") Long orgId,
            @QueryParam("idNumber") String idNumber, @QueryParam("reason") String reason, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return archive.search(Requests.caller(sc), new RecordFilter(name, title, year, status, orgId, idNumber, reason),
                PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("counts")
    public Counts counts(@QueryParam("name") String name, @QueryParam("title") String title, @QueryParam("year") Integer year,
            @QueryParam("status") RecordStatus status, @QueryParam("orgId") Long orgId, @Context SecurityContext sc) {
        return archive.counts(Requests.caller(sc), new RecordFilter(name, title, year, status, orgId));
    }

    @GET
    @Path("export")
    @Produces("text/csv; charset=UTF-8")
    @Returns(value = String.class, mediaTypes = "text/csv")
    public Response export(@QueryParam("name") String name, @QueryParam("title") String title,
            @QueryParam("year") Integer year, @QueryParam("status") RecordStatus status, @QueryParam("orgId") Long orgId,
            @Context SecurityContext sc) {
        // streamed while read: the whole archive never sits in the heap (docs/measurements.md, issue 18)
        var caller = Requests.caller(sc);
        var filter = new RecordFilter(name, title, year, status, orgId);
        javax.ws.rs.core.StreamingOutput csv = os -> {
            var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 64 * 1024);
            archive.export(caller, filter, out);
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"model-workers.csv\"").build();
    }

    /** A CSV file (header line first, UTF-8): answers what happened to every line. */
    @POST
    @Path("import")
    @Consumes(Bodies.CSV)
    public ImportReport importCsv(java.io.InputStream body, @Context SecurityContext sc) {
        byte[] bytes = Bodies.read(body, config.get().importMaxBytes());
        return archive.importCsv(Requests.caller(sc), new String(bytes, StandardCharsets.UTF_8));
    }

    @GET
    @Path("{id}")
    public RecordView get(@PathParam("id") long id, @Context SecurityContext sc) {
        return archive.get(Requests.caller(sc), id);
    }

    @PUT
    @Path("{id}")
    public RecordView update(@PathParam("id") long id, RecordUpdate req, @Context SecurityContext sc) {
        return archive.update(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id}/titles")
    @Returns(value = RecordView.class, status = 201)
    public Response addTitle(@PathParam("id") long id, TitleRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        RecordView r = archive.addTitle(Requests.caller(sc), id, Requests.body(req));
        return Response.created(Bodies.location(uri, "records/" + id)).entity(r).build();
    }

    @PUT
    @Path("{id}/status")
    public RecordView changeStatus(@PathParam("id") long id, StatusChange req, @Context SecurityContext sc) {
        return archive.changeStatus(Requests.caller(sc), id, Requests.body(req));
    }

    @GET
    @Path("{id}/history")
    public List<HistoryEntry> history(@PathParam("id") long id, @Context SecurityContext sc) {
        return archive.history(Requests.caller(sc), id);
    }

    @GET
    @Path("{id}/surveys")
    public List<SurveyView> surveys(@PathParam("id") long id, @Context SecurityContext sc) {
        return subsidies.surveys(Requests.caller(sc), id);
    }

    @PUT
    @Path("{id}/surveys/{year}")
    public SurveyView putSurvey(@PathParam("id") long id, @PathParam("year") int year, SurveyRequest req,
            @Context SecurityContext sc) {
        return subsidies.putSurvey(Requests.caller(sc), id, year, Requests.body(req));
    }
}
