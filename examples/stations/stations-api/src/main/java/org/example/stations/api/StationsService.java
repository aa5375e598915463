package org.example.stations.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;

/** The rules of union rest stations; the REST resources and other modules call these. */
@ProviderType
public interface StationsService {

    Station createStation(Caller caller, StationRequest request);

    Station updateStation(Caller caller, long stationId, StationRequest request);

    Station station(long stationId);

    Page<Station> stations(StationFilter filter, PageRequest page);

    Locker addLocker(Caller caller, long stationId, LockerRequest request);

    List<Locker> lockers(long stationId);

    Locker restock(Caller caller, long stationId, long lockerId, RestockRequest request);

    Booking book(Caller caller, long stationId, BookingRequest request);

    Booking booking(Caller caller, long bookingId);

    /** A member's own bookings; officers see those of the stations they manage ({@code stationId} optional). */
    Page<Booking> bookings(Caller caller, Long stationId, BookingStatus status, PageRequest page);

    Booking cancel(Caller caller, long bookingId);

    Booking collect(Caller caller, long bookingId);

    Rating rate(Caller caller, long stationId, RatingRequest request);

    Page<Rating> ratings(long stationId, PageRequest page);

    Rating rating(long stationId, long ratingId);

    /** The taken slots of the station's compartments that start on {@code day} (hub zone). */
    List<BookedSlot> bookedSlots(long stationId, LocalDate day);

    Visit recordVisits(Caller caller, long stationId, VisitRequest request);

    ClosureReport reportClosure(Caller caller, long stationId, ClosureReportRequest request);

    Page<ClosureReport> closureReports(Caller caller, long stationId, PageRequest page);

    Review review(Caller caller, ReviewRequest request);

    Review reviewById(Caller caller, long reviewId);

    List<StationCard> cards(long stationId);
}
