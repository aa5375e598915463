package org.unionhub.api.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record field that is never absent and never null: the one place that says so, for the check and for the
 * document alike.
 * <ul>
 * <li>On a record the hub <b>reads</b>: the hub's JSON reader refuses a body without it (absent, null, blank text or
 * an empty list) with a 422 naming the field ({@code "is required"}), before the module sees the body, and the
 * OpenAPI document lists it in the schema's {@code required}.</li>
 * <li>On a record the hub <b>writes</b>: the hub always writes it, never null (a NOT NULL column, a computed value),
 * so the document lists it in {@code required} and not {@code nullable}. Primitive fields are always written and
 * need no mark; every other unmarked field may be null.</li>
 * </ul>
 * Mark only what holds in every operation that reads or writes the record: a field required on create but optional
 * on update stays unmarked, and the module checks it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Required {
}
