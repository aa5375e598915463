package org.unionhub.api;

/** How a member works: an employee, a private-enterprise frontline worker, or a new-employment-form worker. */
public enum EmploymentForm {
    EMPLOYEE,
    PRIVATE_FRONTLINE,
    NEW_FORM
}
