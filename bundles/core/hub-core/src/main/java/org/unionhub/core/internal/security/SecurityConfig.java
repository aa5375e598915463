package org.unionhub.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UnionHub security", description = "Accounts, passwords, tokens and the personal data key")
public @interface SecurityConfig {

    String PID = "org.unionhub.security";

    @AttributeDefinition(name = "PBKDF2 iterations", description = "For new password hashes; existing ones keep theirs")
    int password_iterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(name = "Token lifetime (hours)")
    int token_hours() default 8;

    @AttributeDefinition(name = "Basic credential cache (seconds)",
            description = "How long a checked Basic user/password pair is remembered, so scripts do not pay the slow hash per request")
    int basic_cache_seconds() default 60;

    @AttributeDefinition(name = "Personal data key file", description = "Created on first start; back it up with the database")
    String key_file() default "${karaf.data}/unionhub/personal-data.key";

    @AttributeDefinition(name = "Initial admin password file", description = "Written once, on first start of a non-demo install")
    String initial_password_file() default "${karaf.data}/unionhub/initial-admin-password";
}
