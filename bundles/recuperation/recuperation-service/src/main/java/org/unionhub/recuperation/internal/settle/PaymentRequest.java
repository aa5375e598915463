package org.unionhub.recuperation.internal.settle;

import org.unionhub.api.validation.MaxLength;

/** The payment of an approved settlement: the transfer's reference (voucher or bank reference). */
public record PaymentRequest(@MaxLength(100) String paymentReference) {
}
