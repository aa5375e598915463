package org.unionhub.jobfairs.internal.rest;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.unionhub.api.web.Requests;
import org.unionhub.jobfairs.internal.Employer;
import org.unionhub.jobfairs.internal.EmployerService;
import org.unionhub.jobfairs.internal.Review;

/** /api/jobfairs/employers: one registration, its review, and an employer account's own registrations. */
@Component(service = EmployerResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.jobfairs)")
@JSONRequired
@Path("employers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmployerResource {

    private final EmployerService employers;

    @Activate
    public EmployerResource(@Reference EmployerService employers) {
        this.employers = employers;
    }

    @GET
    @Path("{id: \\d+}")
    @PermitAll
    public Employer get(@PathParam("id") long id, @Context SecurityContext sc) {
        return employers.get(Requests.caller(sc), id);
    }

    @GET
    @Path("mine")
    @RolesAllowed("employer")
    public List<Employer> mine(@Context SecurityContext sc) {
        return employers.mine(Requests.caller(sc));
    }

    @POST
    @Path("{id: \\d+}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Employer approve(@PathParam("id") long id, Review review, @Context SecurityContext sc) {
        return employers.approve(Requests.caller(sc), id, review);
    }

    @POST
    @Path("{id: \\d+}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Employer reject(@PathParam("id") long id, Review review, @Context SecurityContext sc) {
        return employers.reject(Requests.caller(sc), id, review);
    }
}
