package com.certportal.order;

/** O3: the bank transfer for the order arrived (the finance manager records it). */
public record RecordPayment(String orderNumber, long versionShown) {}
