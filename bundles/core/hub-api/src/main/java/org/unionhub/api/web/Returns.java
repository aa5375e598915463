package org.unionhub.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method that returns a JAX-RS {@code Response} answers on success, for the OpenAPI document
 * (the Java signature does not say): {@code @Returns(value = Fair.class, status = 201)} on a create. A status of
 * 201 is documented with its {@code Location} header. A method returning a record needs no annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Returns {

    /**
     * The body's type: a record, {@code String.class} for text, {@code byte[].class} for a file, {@code Void.class}
     * for none.
     */
    Class<?> value();

    int status() default 200;

    /** The body's media types when they are not JSON, e.g. {@code text/csv}; else those of {@code @Produces}. */
    String[] mediaTypes() default {};

    /**
     * Other statuses answered with the same body, not a problem: e.g. {@code 503} for the health report of a hub
     * still starting.
     */
    int[] alsoWith() default {};
}
