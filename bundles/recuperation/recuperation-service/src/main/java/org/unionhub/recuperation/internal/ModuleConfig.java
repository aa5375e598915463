package org.unionhub.recuperation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UnionHub recuperation",
        description = "Sanatorium bookings (职工疗休养).")
public @interface ModuleConfig {

    String PID = "org.unionhub.recuperation";

    @AttributeDefinition(description = "most members one booking may carry")
    int maxMembersPerBooking() default 100;

    @AttributeDefinition(description = "bookings close this many days before a programme starts (0: until the day before)")
    int closeDaysBefore() default 0;
}
