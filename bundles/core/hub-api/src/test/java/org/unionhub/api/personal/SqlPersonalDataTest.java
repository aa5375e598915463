package org.unionhub.api.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlPersonalDataTest {

    @Test
    void columnsBecomeCamelCaseJsonNames() {
        assertEquals("cvName", SqlPersonalData.camel("CV_NAME"));
        assertEquals("id", SqlPersonalData.camel("ID"));
        assertEquals("cvExperienceYears", SqlPersonalData.camel("CV_EXPERIENCE_YEARS"));
    }
}
