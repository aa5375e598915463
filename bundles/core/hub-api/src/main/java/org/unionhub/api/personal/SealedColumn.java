package org.unionhub.api.personal;

/**
 * A column that holds values sealed with the hub's personal-data key ({@code PersonalDataCipher}), with the row's key
 * column and, where there is one, the column of its blind index. {@code indexPrefix} is what the module writes before
 * the index ({@code "id:"}); rows whose index column does not start with it hold something else there and keep it.
 */
public record SealedColumn(String table, String idColumn, String sealedColumn, String indexColumn, String indexPrefix) {
}
