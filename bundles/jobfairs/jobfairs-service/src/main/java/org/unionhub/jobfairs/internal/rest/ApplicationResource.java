package org.unionhub.jobfairs.internal.rest;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.web.Requests;
import org.unionhub.jobfairs.internal.ApplicationStatus;
import org.unionhub.jobfairs.internal.Application;
import org.unionhub.jobfairs.internal.ApplicationService;
import org.unionhub.jobfairs.internal.ApplicationSteps;
import org.unionhub.jobfairs.internal.CvLists;
import org.unionhub.jobfairs.internal.Attachment;
import org.unionhub.jobfairs.internal.StatusChange;
import org.unionhub.api.web.Returns;

/**
 * /api/jobfairs/applications: each caller sees his own share (applicant, employer account, officers
 * of the fair); any signed-in account may ask. The CV attachment travels as the raw request body.
 */
@Component(service = ApplicationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.jobfairs)")
@JSONRequired
@Path("applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService applications;
    private final CvLists lists;

    @Activate
    public ApplicationResource(@Reference ApplicationService applications, @Reference CvLists lists) {
        this.applications = applications;
        this.lists = lists;
    }

    @GET
    public Page<Application> list(@QueryParam("fairId") Long fairId, @QueryParam("positionId") Long positionId,
            @QueryParam("status") ApplicationStatus status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return lists.list(Requests.caller(sc), fairId, positionId, status,
                PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id: \\d+}")
    public Application get(@PathParam("id") long id, @Context SecurityContext sc) {
        return applications.get(Requests.caller(sc), id);
    }

    /** The statuses the caller may move the application to now: the console offers only these. */
    @GET
    @Path("{id: \\d+}/actions")
    public ApplicationSteps.JobApplicationSteps actions(@PathParam("id") long id, @Context SecurityContext sc) {
        return applications.actions(Requests.caller(sc), id);
    }

    @PUT
    @Path("{id: \\d+}/status")
    public Application status(@PathParam("id") long id, StatusChange change, @Context SecurityContext sc) {
        return applications.changeStatus(Requests.caller(sc), id, Requests.body(change));
    }

    /** The raw bytes of a PDF, PNG or JPEG; its type is checked by content, its size against the limit. */
    @PUT
    @Path("{id: \\d+}/attachment")
    @Consumes(MediaType.WILDCARD)
    public Application attach(@PathParam("id") long id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body, @Context SecurityContext sc) {
        return applications.attach(Requests.caller(sc), id, contentType, body);
    }

    @GET
    @Path("{id: \\d+}/attachment")
    @Produces({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @Returns(byte[].class)
    public Response attachment(@PathParam("id") long id, @Context SecurityContext sc) {
        Attachment a = applications.attachment(Requests.caller(sc), id);
        String ext = a.contentType().substring(a.contentType().indexOf('/') + 1);
        return Response.ok(a.content(), a.contentType())
                .header("Content-Disposition", "attachment; filename=\"cv-" + id + "." + ext + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
