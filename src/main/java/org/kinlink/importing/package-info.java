/**
 * Spreadsheet import: a CSV or XLSX file of cases (one row = one case with its enquirer and sought
 * person) is read, its columns mapped to Kinlink fields, every row checked in a dry run, and then
 * imported all-or-nothing through {@link org.kinlink.people.PersonService} and {@link
 * org.kinlink.cases.CaseService}, so the access policy, encryption, blind indexes and audit apply.
 * Each import is recorded ({@code import_batch}, {@code import_batch_item}).
 */
@NullMarked
package org.kinlink.importing;

import org.jspecify.annotations.NullMarked;
