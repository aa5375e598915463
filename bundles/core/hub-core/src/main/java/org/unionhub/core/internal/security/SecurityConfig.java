package org.unionhub.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UnionHub security", description = "Accounts, passwords, tokens, sign-in throttling, the request edge and the personal data key")
public @interface SecurityConfig {

    String PID = "org.unionhub.security";

    @AttributeDefinition(name = "PBKDF2 iterations", description = "For new password hashes; older hashes are hashed again at the "
            + "next sign-in. Below 600,000 (OWASP's guidance) only for tests: the hub logs a warning")
    int password_iterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(name = "Token lifetime (hours)")
    int token_hours() default 8;

    @AttributeDefinition(name = "Expired token sweep (minutes)", description = "How often expired tokens are deleted")
    int token_sweep_minutes() default 15;

    @AttributeDefinition(name = "Basic credential cache (seconds)",
            description = "How long a checked Basic user/password pair is remembered, so scripts do not pay the slow hash per request")
    int basic_cache_seconds() default 60;

    @AttributeDefinition(name = "Free failed sign-ins per account", description = "Then each attempt waits 1 s, 2 s, 4 s … (max 15 min)")
    int signin_free_failures() default 3;

    @AttributeDefinition(name = "Free failed sign-ins per address", description = "Higher than per account: an office shares one address")
    int signin_address_free_failures() default 20;

    @AttributeDefinition(name = "Lock an account after this many failures in a row", description = "0: never lock")
    int signin_lock_after() default 10;

    @AttributeDefinition(name = "Lock duration (minutes)", description = "0: until an admin unlocks (POST /api/accounts/{name}/unlock)")
    int signin_lock_minutes() default 30;

    @AttributeDefinition(name = "Password hashes computed at once", description = "Sign-ins beyond it wait (at most 10 s, then 503), "
            + "so that a flood of sign-ins never takes every core")
    int signin_concurrent_hashes() default 1;

    @AttributeDefinition(name = "Join requests per address and hour", description = "The public join form, refused or not "
            + "(issue 21); an office or a factory gate may share one address")
    int join_requests_per_hour() default 10;

    @AttributeDefinition(name = "Largest request body (bytes)", description = "JSON and other bodies; multipart and CSV uploads have "
            + "their modules' own limits")
    long request_max_bytes() default 1_048_576L;

    @AttributeDefinition(name = "Personal data key file", description = "Created on first start; back it up with the database")
    String key_file() default "${karaf.data}/unionhub/personal-data.key";

    @AttributeDefinition(name = "Initial admin password file", description = "Written once, on first start of a non-demo install")
    String initial_password_file() default "${karaf.data}/unionhub/initial-admin-password";
}
