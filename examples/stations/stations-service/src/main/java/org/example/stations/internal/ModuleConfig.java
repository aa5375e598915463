package org.example.stations.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.unionhub.stations}: the slot grid, how far ahead members book, the review thresholds. */
@ObjectClassDefinition(name = "UnionHub rest stations", description = "Union rest stations (工会驿站): locker bookings and the red/yellow-card review")
public @interface ModuleConfig {

    @AttributeDefinition(name = "Slot length (minutes)", description = "Lockers are booked in slots of this length, counted from local midnight; must divide 1440")
    int slot_minutes() default 60;

    @AttributeDefinition(name = "Booking horizon (days)", description = "How many days ahead a member may book a compartment")
    int booking_days_ahead() default 7;

    @AttributeDefinition(name = "Slots per booking", description = "The most consecutive slots one booking may hold")
    int booking_max_slots() default 4;

    @AttributeDefinition(name = "Bookings per member", description = "The most bookings one member may hold at a time (booked, not yet collected, cancelled or over)")
    int booking_max_active() default 3;

    @AttributeDefinition(name = "Closure reports for a yellow card", description = "Reports of a station found shut during its opening hours, within the reviewed period, that earn a yellow card")
    int review_closure_reports() default 1;

    @AttributeDefinition(name = "Minimum use per review", description = "Visits plus bookings in the reviewed period below which a station gets a yellow card")
    int review_min_use() default 30;

    @AttributeDefinition(name = "Restock interval (days)", description = "A locker not restocked for this long shows restockDue")
    int restock_days() default 7;
}
