package org.unionhub.jobfairs.internal.programmes;

/** A study subsidy (学历提升补助: money per approved worker) or a skills training course (places, no money). */
public enum ProgrammeKind {
    STUDY_SUBSIDY, TRAINING
}
