package org.example.stations.internal;

import java.time.LocalDate;
import java.util.List;

import org.example.stations.api.BookedSlot;
import org.example.stations.api.Booking;
import org.example.stations.api.BookingRequest;
import org.example.stations.api.BookingStatus;
import org.example.stations.api.ClosureReport;
import org.example.stations.api.ClosureReportRequest;
import org.example.stations.api.Locker;
import org.example.stations.api.LockerRequest;
import org.example.stations.api.Rating;
import org.example.stations.api.RatingRequest;
import org.example.stations.api.RestockRequest;
import org.example.stations.api.Review;
import org.example.stations.api.ReviewRequest;
import org.example.stations.api.Station;
import org.example.stations.api.StationCard;
import org.example.stations.api.StationFilter;
import org.example.stations.api.StationRequest;
import org.example.stations.api.StationsService;
import org.example.stations.api.Visit;
import org.example.stations.api.VisitRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;

/**
 * The union rest stations module's service: it builds the rules classes, one per aggregate ({@link Stations} with their
 * lockers, {@link LockerBookings}, {@link Reviews}), each calling its store for SQL, and delegates to them. A booking
 * takes one unit of a compartment's supply with a conditional UPDATE ({@code RESERVED < STOCK}) and its slots with
 * one row each in STATIONS_BOOKING_SLOT, whose primary key (compartment, slot start) makes a double booking impossible
 * however many members race for it. A review locks the rows of the stations it covers, so two reviews never card one
 * station twice for one period.
 */
@Component(service = {StationsService.class, StationsServiceImpl.class}, configurationPid = "org.unionhub.stations")
@Designate(ocd = ModuleConfig.class)
public class StationsServiceImpl implements StationsService {

    private final Logger logger = LoggerFactory.getLogger(StationsServiceImpl.class);
    private final ModuleContext ctx;
    private final Stations stations;
    private final LockerBookings bookings;
    private final Reviews reviews;
    private volatile ModuleConfig config;

    @Activate
    public StationsServiceImpl(@Reference(target = "(unionhub.module=stations)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference HubSettings settings, @Reference EventAdmin eventAdmin,
            ModuleConfig config) {
        configure(config);
        this.ctx = new ModuleContext(db, audit, directory, settings, eventAdmin, () -> this.config);
        StationAccess access = new StationAccess(ctx);
        this.bookings = new LockerBookings(ctx, access);
        this.stations = new Stations(ctx, access, bookings);
        this.reviews = new Reviews(ctx, access);
    }

    @Modified
    void configure(ModuleConfig config) {
        if (config.slot_minutes() < 5 || 1440 % config.slot_minutes() != 0) {
            logger.warn("slot.minutes {} in org.unionhub.stations does not divide a day into slots of 5 minutes or more; "
                    + "keeping {}", config.slot_minutes(), this.config == null ? 60 : this.config.slot_minutes());
        }
        this.config = config;
    }

    // ---- stations and lockers: Stations

    @Override
    public Station createStation(Caller caller, StationRequest r) {
        return stations.createStation(caller, r);
    }

    @Override
    public Station updateStation(Caller caller, long stationId, StationRequest r) {
        return stations.updateStation(caller, stationId, r);
    }

    @Override
    public Station station(long stationId) {
        return stations.station(stationId);
    }

    @Override
    public Page<Station> stations(StationFilter f, PageRequest page) {
        return stations.stations(f, page);
    }

    @Override
    public Locker addLocker(Caller caller, long stationId, LockerRequest r) {
        return stations.addLocker(caller, stationId, r);
    }

    @Override
    public List<Locker> lockers(long stationId) {
        return stations.lockers(stationId);
    }

    @Override
    public Locker restock(Caller caller, long stationId, long lockerId, RestockRequest r) {
        return stations.restock(caller, stationId, lockerId, r);
    }

    // ---- locker bookings: LockerBookings

    @Override
    public Booking book(Caller caller, long stationId, BookingRequest r) {
        return bookings.book(caller, stationId, r);
    }

    @Override
    public Booking booking(Caller caller, long bookingId) {
        return bookings.booking(caller, bookingId);
    }

    @Override
    public Page<Booking> bookings(Caller caller, Long stationId, BookingStatus status, PageRequest page) {
        return bookings.bookings(caller, stationId, status, page);
    }

    @Override
    public Booking cancel(Caller caller, long bookingId) {
        return bookings.cancel(caller, bookingId);
    }

    @Override
    public Booking collect(Caller caller, long bookingId) {
        return bookings.collect(caller, bookingId);
    }

    // ---- ratings, visits, closure reports and the card review: Reviews

    @Override
    public Rating rate(Caller caller, long stationId, RatingRequest r) {
        return reviews.rate(caller, stationId, r);
    }

    @Override
    public Page<Rating> ratings(long stationId, PageRequest page) {
        return reviews.ratings(stationId, page);
    }

    @Override
    public Rating rating(long stationId, long ratingId) {
        return reviews.rating(stationId, ratingId);
    }

    // ---- locker bookings: LockerBookings

    @Override
    public List<BookedSlot> bookedSlots(long stationId, LocalDate day) {
        return bookings.bookedSlots(stationId, day);
    }

    // ---- ratings, visits, closure reports and the card review: Reviews

    @Override
    public Visit recordVisits(Caller caller, long stationId, VisitRequest r) {
        return reviews.recordVisits(caller, stationId, r);
    }

    @Override
    public ClosureReport reportClosure(Caller caller, long stationId, ClosureReportRequest r) {
        return reviews.reportClosure(caller, stationId, r);
    }

    @Override
    public Page<ClosureReport> closureReports(Caller caller, long stationId, PageRequest page) {
        return reviews.closureReports(caller, stationId, page);
    }

    @Override
    public Review review(Caller caller, ReviewRequest r) {
        return reviews.review(caller, r);
    }

    @Override
    public Review reviewById(Caller caller, long reviewId) {
        return reviews.reviewById(caller, reviewId);
    }

    @Override
    public List<StationCard> cards(long stationId) {
        return reviews.cards(stationId);
    }
}
