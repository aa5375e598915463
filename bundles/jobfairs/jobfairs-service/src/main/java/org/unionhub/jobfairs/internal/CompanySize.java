package org.unionhub.jobfairs.internal;

/** Enterprise size classes of the national statistics standard (微型, 小型, 中型, 大型). */
public enum CompanySize {
    MICRO, SMALL, MEDIUM, LARGE
}
