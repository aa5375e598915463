package org.unionhub.jobfairs.internal.rest;

import java.math.BigDecimal;

import javax.annotation.security.PermitAll;
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
import org.unionhub.jobfairs.internal.ApplicationStatus;
import org.unionhub.jobfairs.internal.Education;
import org.unionhub.jobfairs.internal.StatusChange;
import org.unionhub.jobfairs.internal.board.Board;
import org.unionhub.jobfairs.internal.board.Job;
import org.unionhub.jobfairs.internal.board.JobApplication;
import org.unionhub.jobfairs.internal.board.JobApplicationRequest;
import org.unionhub.jobfairs.internal.board.JobApplications;
import org.unionhub.jobfairs.internal.board.JobRequest;

/**
 * /api/jobfairs/board: the year-round job board — positions of approved registry employers, searched by anyone,
 * and applications from members, non-members and flexible workers alike.
 */
@Component(service = BoardResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.jobfairs)")
@JSONRequired
@Path("board")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BoardResource {

    private final Board board;
    private final JobApplications applications;

    @Activate
    public BoardResource(@Reference Board board, @Reference JobApplications applications) {
        this.board = board;
        this.applications = applications;
    }

    @POST
    @Path("positions")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, "employer"})
    @Returns(value = Job.class, status = 201)
    public Response post(JobRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Job j = board.post(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(j.id())).build()).entity(j).build();
    }

    @GET
    @Path("positions")
    @PermitAll
    public Page<Job> search(@QueryParam("q") String q, @QueryParam("industry") String industry,
            @QueryParam("location") String location, @QueryParam("salaryFloor") BigDecimal salaryFloor,
            @QueryParam("education") Education education, @QueryParam("employerId") Long employerId,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("page") Integer page,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        return board.search(q, industry, location, salaryFloor, education, employerId,
                PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("positions/{id: \\d+}")
    @PermitAll
    public Job get(@PathParam("id") long id) {
        return board.get(id);
    }

    @PUT
    @Path("positions/{id: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, "employer"})
    public Job update(@PathParam("id") long id, JobRequest req, @Context SecurityContext sc) {
        return board.update(Requests.caller(sc), id, Requests.body(req));
    }

    /** Public: members apply from their account, non-members and flexible workers with their ID number. */
    @POST
    @Path("positions/{id: \\d+}/applications")
    @PermitAll
    @Returns(value = JobApplication.class, status = 201)
    public Response apply(@PathParam("id") long id, JobApplicationRequest req, @Context SecurityContext sc,
            @Context UriInfo uri) {
        JobApplication a = applications.apply(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getBaseUriBuilder().path("board/applications/" + a.id()).build()).entity(a).build();
    }

    @GET
    @Path("applications")
    public Page<JobApplication> applications(@QueryParam("jobId") Long jobId,
            @QueryParam("status") ApplicationStatus status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return applications.list(Requests.caller(sc), jobId, status, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("applications/{id: \\d+}")
    public JobApplication application(@PathParam("id") long id, @Context SecurityContext sc) {
        return applications.get(Requests.caller(sc), id);
    }

    @PUT
    @Path("applications/{id: \\d+}/status")
    public JobApplication status(@PathParam("id") long id, StatusChange change, @Context SecurityContext sc) {
        return applications.changeStatus(Requests.caller(sc), id, Requests.body(change));
    }
}
