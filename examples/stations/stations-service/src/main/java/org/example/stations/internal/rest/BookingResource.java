package org.example.stations.internal.rest;

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

import org.example.stations.api.Booking;
import org.example.stations.api.BookingStatus;
import org.example.stations.api.StationsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.web.QueryParams;
import org.unionhub.api.web.Requests;

/** Locker bookings: a member's own, or those of the stations an officer manages. Made at /api/stations/{id}/bookings. */
@Component(service = BookingResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.stations)")
@JSONRequired
@Path("bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingResource {

    private final StationsService stations;

    @Activate
    public BookingResource(@Reference StationsService stations) {
        this.stations = stations;
    }

    @GET
    public Page<Booking> list(@QueryParam("stationId") String stationId, @QueryParam("status") String status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return stations.bookings(Requests.caller(sc), QueryParams.id("stationId", stationId),
                QueryParams.enumValue("status", status, BookingStatus.class), PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    public Booking get(@PathParam("id") long id, @Context SecurityContext sc) {
        return stations.booking(Requests.caller(sc), id);
    }

    @POST
    @Path("{id}/cancel")
    public Booking cancel(@PathParam("id") long id, @Context SecurityContext sc) {
        return stations.cancel(Requests.caller(sc), id);
    }

    /** At the locker: the member (or an officer for him) takes the booked unit out; the stock goes down by one. */
    @POST
    @Path("{id}/collect")
    public Booking collect(@PathParam("id") long id, @Context SecurityContext sc) {
        return stations.collect(Requests.caller(sc), id);
    }
}
