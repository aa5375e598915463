package org.unionhub.recuperation.internal.rest;

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
import org.unionhub.recuperation.internal.Booking;
import org.unionhub.recuperation.internal.BookingRequest;
import org.unionhub.recuperation.internal.Bookings;
import org.unionhub.recuperation.internal.settle.AttendanceRequest;
import org.unionhub.recuperation.internal.settle.Settlement;
import org.unionhub.recuperation.internal.settle.Settlements;

@Component(service = BookingResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.recuperation)")
@JSONRequired
@Path("bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingResource {

    private final Bookings bookings;
    private final Settlements settlements;

    @Activate
    public BookingResource(@Reference Bookings bookings, @Reference Settlements settlements) {
        this.bookings = bookings;
        this.settlements = settlements;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    @Returns(value = Booking.class, status = 201)
    public Response book(BookingRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Booking b = bookings.book(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(b.id())).build()).entity(b).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Page<Booking> list(@QueryParam("programmeId") Long programmeId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return bookings.list(Requests.caller(sc), programmeId, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Booking get(@PathParam("id") long id, @Context SecurityContext sc) {
        return bookings.get(Requests.caller(sc), id);
    }

    /** Cancelling frees the places, beds and budget the booking took. */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Booking cancel(@PathParam("id") long id, @Context SecurityContext sc) {
        return bookings.cancel(Requests.caller(sc), id);
    }

    /** The organiser records, once the stay has begun, how many days each traveller stayed and whether he completed it. */
    @PUT
    @Path("{id}/attendance")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public List<Settlement.Traveller> attendance(@PathParam("id") long id, AttendanceRequest req, @Context SecurityContext sc) {
        return settlements.recordAttendance(Requests.caller(sc), id, Requests.body(req));
    }

    /** The organiser files the settlement after the stay; a union above it reviews and pays it under /settlements. */
    @POST
    @Path("{id}/settlement")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Settlement.class, status = 201)
    public Response settle(@PathParam("id") long id, @Context SecurityContext sc, @Context UriInfo uri) {
        Settlement s = settlements.file(Requests.caller(sc), id);
        return Response.created(uri.getBaseUriBuilder().path("settlements").path(Long.toString(s.id())).build()).entity(s).build();
    }
}
