package org.unionhub.modelworkers.internal;

/** Why a union visited a model worker (走访慰问). */
public enum VisitOccasion { SPRING_FESTIVAL, MAY_DAY, ILLNESS, HARDSHIP, BEREAVEMENT, OTHER }
