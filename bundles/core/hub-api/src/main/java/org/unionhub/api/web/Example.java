package org.unionhub.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A realistic request body for the OpenAPI document: the name of a JSON resource next to the record's class (same
 * package, e.g. {@code src/main/resources/org/unionhub/fairs/api/FairRequest.example.json} for
 * {@code @Example("FairRequest.example.json")} on {@code FairRequest}). The document shows it as the {@code example}
 * of every operation that reads the record. It must be valid against the record's schema and accepted as it stands
 * by the operation that creates it (the contract test posts it to a fresh demo hub), so it names only the demo
 * data's organisations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Example {

    /** The resource's name, relative to the record's package. */
    String value();
}
