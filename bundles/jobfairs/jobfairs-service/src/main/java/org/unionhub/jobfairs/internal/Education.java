package org.unionhub.jobfairs.internal;

/** Education levels, lowest first: a position asks for one, a CV states one. */
public enum Education {
    NONE, JUNIOR_MIDDLE, SENIOR_HIGH, VOCATIONAL, JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTORATE
}
