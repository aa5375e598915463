package org.unionhub.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class PersonalDataScanTest {

    @Test
    public void findsIdNumbersPhonesAndDiagnosesAndReportsThemMasked() {
        List<String> found = PersonalDataScan.find("log", "member 11010519491231002X, phone 13800000001, 腰椎间盘突出");
        assertEquals(found.toString(), 3, found.size());
        assertTrue(found.toString(), found.get(0).endsWith("…002X") && !found.toString().contains("1101051949"));
    }

    @Test
    public void leavesCreditCodesHashesAndLongNumbersAlone() {
        assertTrue(PersonalDataScan.find("audit", "{\"creditCode\":\"913502050000000012\"}").isEmpty());
        assertTrue(PersonalDataScan.find("log", "sha 9f13800000001ab, at 1764460000000, id 11010519491231002Y").isEmpty());
    }
}
