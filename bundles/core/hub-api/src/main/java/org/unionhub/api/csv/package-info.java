/**
 * The module kit's CSV: files that officers export from spreadsheets and upload (member lists, enrolments, archives),
 * read through Apache Commons CSV with the line each record began on, and lines written for spreadsheets to open.
 */
@Version("1.0.0")
@Export
package org.unionhub.api.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
