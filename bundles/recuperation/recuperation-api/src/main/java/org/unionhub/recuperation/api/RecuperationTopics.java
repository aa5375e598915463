package org.unionhub.recuperation.api;

import org.unionhub.api.Topics;

/** EventAdmin topics of the recuperation module; properties: bookingId, programmeId, organiserOrgId, members, subsidyTotal. */
public final class RecuperationTopics {

    public static final String MODULE = "recuperation";
    public static final String BOOKED = Topics.of(MODULE, "BOOKED");
    public static final String CANCELLED = Topics.of(MODULE, "CANCELLED");

    private RecuperationTopics() {
    }
}
