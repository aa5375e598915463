package org.unionhub.api.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The longest text a request field may carry: the length of the column it is stored in. The hub's JSON reader
 * refuses a longer value with a 422 naming the field, before the module sees it, and the OpenAPI document
 * publishes it as {@code maxLength}. On a list of strings it applies to each element. A string without it may be
 * at most {@link #DEFAULT} characters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface MaxLength {

    /** The limit of a string field that does not say otherwise: the longest ordinary column. */
    int DEFAULT = 4000;

    int value();
}
