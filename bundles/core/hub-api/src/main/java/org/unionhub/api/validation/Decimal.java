package org.unionhub.api.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column of a decimal request field that is not money, e.g. a ratio in {@code DECIMAL(6,4)}. The hub's JSON
 * reader refuses a value with more digits before or after the point with a 422 naming the field. A
 * {@code BigDecimal} field without it is money: {@code DECIMAL(14,2)}, at most 12 digits before the point and 2
 * after.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Decimal {

    int precision();

    int scale();
}
