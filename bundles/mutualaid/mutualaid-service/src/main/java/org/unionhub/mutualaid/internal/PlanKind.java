package org.unionhub.mutualaid.internal;

/** What a plan covers. */
public enum PlanKind {
    /** 住院医疗互助: hospital stays. */
    INPATIENT,
    /** 重大疾病互助: major illness. */
    MAJOR_ILLNESS,
    /** 意外伤害: accident cover, e.g. for new-employment-form workers. */
    ACCIDENT
}
