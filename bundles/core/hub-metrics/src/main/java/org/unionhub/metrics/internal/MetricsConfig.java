package org.unionhub.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UnionHub metrics", description = "Who may read /metrics")
public @interface MetricsConfig {

    String PID = "org.unionhub.metrics";

    @AttributeDefinition(name = "Scrape token", description = "Prometheus sends it as 'Authorization: Bearer <token>'; blank: "
            + "only admin accounts (HTTP Basic) may read /metrics. At least 32 characters")
    String scrape_token() default "";

    @AttributeDefinition(name = "Database figures refresh (seconds)", description = "How often module states, migrations and "
            + "sign-in failures are read from the database; a scrape never waits for the database")
    int refresh_seconds() default 15;
}
