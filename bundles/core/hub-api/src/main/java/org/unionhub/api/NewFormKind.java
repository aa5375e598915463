package org.unionhub.api;

/** The kind of work of a new-employment-form worker (新就业形态劳动者). */
public enum NewFormKind {
    DELIVERY_RIDER,
    RIDE_HAILING_DRIVER,
    COURIER,
    TRUCK_DRIVER,
    OTHER
}
