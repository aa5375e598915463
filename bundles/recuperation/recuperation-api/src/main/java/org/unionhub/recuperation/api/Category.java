package org.unionhub.recuperation.api;

/**
 * The category a member travels in. Reserved quotas are held per category; policies read it too.
 * {@code PRIVATE_FRONTLINE} and {@code NEW_FORM} must match the member's employment form in the core;
 * {@code FRONTLINE} (a frontline employee) and {@code MODEL_WORKER} are declared by the organising officer.
 */
public enum Category {
    FRONTLINE,
    PRIVATE_FRONTLINE,
    NEW_FORM,
    MODEL_WORKER
}
